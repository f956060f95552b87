// Starts Azurite's Blob service (the npm devDependency) on a free loopback port
// with a temp workspace, stopped and removed afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

// Azurite's documented, public development account (not a secret).
const devAccount = 'devstoreaccount1';
const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteBlob {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startAzuriteBlob(timeoutMs = 30_000): Promise<AzuriteBlob> {
  const port = await freePort();
  const location = await mkdtemp(join(tmpdir(), 'azurite-blob-'));
  const bin = join(process.cwd(), 'node_modules', '.bin', 'azurite-blob');
  const { NODE_V8_COVERAGE: _coverage, ...env } = process.env;
  const child: ChildProcess = spawn(bin, ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--skipApiVersionCheck', '--loose', '--disableTelemetry'], {
    cwd: location,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await exited;
    }
    await rm(location, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!/Blob service (is )?successfully (started|listens|listening) on/i.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Azurite Blob did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${devAccount};AccountKey=${devKey};BlobEndpoint=http://127.0.0.1:${port}/${devAccount};`,
    stop,
  };
}
