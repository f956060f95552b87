// Starts Azurite (the npm devDependency) for a test run: one service (Table or
// Blob) on a free loopback port with a temp workspace folder, stopped and
// removed afterwards. Nothing needs installing beyond `npm ci`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ensureDevTls } from '../../emulators/tls/dev-tls.js';

// Azurite's documented, public development account (not a secret).
export const devAccount = 'devstoreaccount1';
export const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

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

export interface AzuriteService {
  port: number;
  stop(): Promise<void>;
}

/** Starts `azurite-<service>` and resolves once it says it listens; `extraArgs` may name files in `location`, prepared by `prepare`. */
export async function startAzuriteService(
  service: 'table' | 'blob',
  options: { timeoutMs?: number; prepare?: (location: string) => Promise<string[]> } = {},
): Promise<AzuriteService> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const port = await freePort();
  const location = await mkdtemp(join(tmpdir(), `azurite-${service}-`));
  const bin = join(process.cwd(), 'node_modules', '.bin', `azurite-${service}`);
  const args = [`--${service}Host`, '127.0.0.1', `--${service}Port`, String(port), '--location', location, '--skipApiVersionCheck', '--loose', '--disableTelemetry'];
  args.push(...((await options.prepare?.(location)) ?? []));
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

  const started = new RegExp(`${service} service (is )?successfully (started|listens|listening) on`, 'i');
  const deadline = Date.now() + timeoutMs;
  while (!started.test(output)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Azurite ${service} exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Azurite ${service} did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, stop };
}

/** Azurite's Table service (the shared state layer's Azure backend). */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const { port, stop } = await startAzuriteService('table', {
    timeoutMs: options.timeoutMs,
    prepare: async (location) => {
      if (!options.oauth) return [];
      // The dev CA is trusted by test processes started through scripts/with-dev-ca.ts.
      const tls = ensureDevTls();
      await writeFile(join(location, 'cert.pem'), tls.certPem);
      await writeFile(join(location, 'key.pem'), tls.keyPem, { mode: 0o600 });
      return ['--cert', join(location, 'cert.pem'), '--key', join(location, 'key.pem'), '--oauth', 'basic'];
    },
  });
  const scheme = options.oauth ? 'https' : 'http';
  const tableEndpoint = `${scheme}://127.0.0.1:${port}/${devAccount}`;
  return {
    tableEndpoint,
    connectionString: `DefaultEndpointsProtocol=${scheme};AccountName=${devAccount};AccountKey=${devKey};TableEndpoint=${tableEndpoint};`,
    stop,
  };
}
