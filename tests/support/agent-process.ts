// Starts the agent as its own process, exactly as production starts it
// (`node --import tsx src/index.ts`), configured by environment only, on a
// loopback port the OS picks; resolves with the URL it prints once listening.
import { spawn, type ChildProcess } from 'node:child_process';

export interface AgentProcess {
  /** Base URL (without /api/messages). */
  url: string;
  pid: number;
  /** What the process wrote to stdout and stderr (the last 200 KB of each): for failure messages and log checks. */
  output(): string;
  /** SIGKILL: the instance dies mid-flight, as a crashed or recycled App Service instance does. */
  kill(): Promise<void>;
  /** SIGTERM: graceful shutdown (closes its state store). */
  stop(): Promise<void>;
}

const listening = /listening on (http:\/\/127\.0\.0\.1:\d{1,5})\/api\/messages/;

export async function startAgentProcess(env: Record<string, string>, timeoutMs = 45_000): Promise<AgentProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    // Debug logging by default: tests check that no log line, at any level, carries a secret.
    env: { ...process.env, AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-200_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stdout!.on('data', (d) => {
      stdout = (stdout + d).slice(-200_000);
      const match = listening.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited with ${code} before listening: ${stderr}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, pid: child.pid!, output: () => `${stdout}\n${stderr}`, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
