// Runs `npm run dev` (scripts/dev.ts) as a child process on free ports, the
// same command a newcomer runs, and waits until it says it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';

export interface DevStack {
  agentUrl: string;
  playgroundUrl: string;
  /** The second playground, where Miriam (Approver role) decides approval cards. */
  approverUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** `env` adds settings for the agent (e.g. a fresh STATE_SQLITE_PATH so each run starts with no history). */
export async function startDevStack(timeoutMs = 90_000, env: NodeJS.ProcessEnv = {}): Promise<DevStack> {
  const agentPort = await freePort();
  const playgroundPort = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/with-dev-ca.ts', process.execPath, '--import', 'tsx', 'scripts/dev.ts'], {
    env: { ...process.env, ...env, DEV_AGENT_PORT: String(agentPort), DEV_PLAYGROUND_PORT: String(playgroundPort), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
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
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      if (output.includes('[dev] ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev exited with ${code}:\n${output}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { agentUrl: `http://127.0.0.1:${agentPort}`, playgroundUrl: `http://localhost:${playgroundPort}`, approverUrl: `http://localhost:${playgroundPort + 1}`, output: () => output, stop };
}
