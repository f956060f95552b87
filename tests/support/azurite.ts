// Starts Azurite's Table service (the npm devDependency) for a test run: a free
// loopback port and a temp workspace folder, stopped and removed afterwards. Nothing needs installing beyond `npm ci`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ensureDevTls } from '../../emulators/tls/dev-tls.js';

// Azurite's documented, public development account (not a secret).
const devAccount = 'devstoreaccount1';
const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  tableEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Serve HTTPS with the repo's dev certificate and accept Entra bearer tokens (`--oauth basic`: issuer, audience and lifetime are checked, not the signature). */
  oauth?: boolean;
  timeoutMs?: number;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const port = await freePort();
  const location = await mkdtemp(join(tmpdir(), 'azurite-'));
  const bin = join(process.cwd(), 'node_modules', '.bin', 'azurite-table');
  const args = ['--tableHost', '127.0.0.1', '--tablePort', String(port), '--location', location, '--skipApiVersionCheck', '--loose', '--disableTelemetry'];
  if (options.oauth) {
    // The dev CA is trusted by test processes started through scripts/with-dev-ca.ts.
    const tls = ensureDevTls();
    await writeFile(join(location, 'cert.pem'), tls.certPem);
    await writeFile(join(location, 'key.pem'), tls.keyPem, { mode: 0o600 });
    args.push('--cert', join(location, 'cert.pem'), '--key', join(location, 'key.pem'), '--oauth', 'basic');
  }
  // Not covered by c8: Azurite is not ours, and its coverage files would only slow the report.
  const { NODE_V8_COVERAGE: _coverage, ...env } = process.env;
  const child: ChildProcess = spawn(bin, args, { cwd: location, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
  const tableEndpoint = `${options.oauth ? 'https' : 'http'}://127.0.0.1:${port}/${devAccount}`;
  return {
    tableEndpoint,
    connectionString: `DefaultEndpointsProtocol=${options.oauth ? 'https' : 'http'};AccountName=${devAccount};AccountKey=${devKey};TableEndpoint=${tableEndpoint};`,
    stop,
  };
}
