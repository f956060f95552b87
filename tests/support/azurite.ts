// Starts Azurite's Table service (the npm devDependency) for a test run: a free
// loopback port and a temp workspace folder, stopped and removed afterwards. Nothing needs installing beyond `npm ci`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

// Azurite's documented, public development account (not a secret).
const devAccount = 'devstoreaccount1';
const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  tableEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

export async function startAzurite(timeoutMs = 30_000): Promise<Azurite> {
  const port = await freePort();
  const location = await mkdtemp(join(tmpdir(), 'azurite-'));
  const bin = join(process.cwd(), 'node_modules', '.bin', 'azurite-table');
  const args = ['--tableHost', '127.0.0.1', '--tablePort', String(port), '--location', location, '--skipApiVersionCheck', '--loose', '--disableTelemetry'];
  const child: ChildProcess = spawn(bin, args, { cwd: location, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(location, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!/Table service successfully (started|listens) on/i.test(output)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Azurite exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const tableEndpoint = `http://127.0.0.1:${port}/${devAccount}`;
  return {
    tableEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${devAccount};AccountKey=${devKey};TableEndpoint=${tableEndpoint};`,
    stop,
  };
}
