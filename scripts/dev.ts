// `npm run dev`: the whole product on one machine, no cloud. Starts the local
// Entra and Graph emulators, the agent on its embedded defaults (offline model,
// local guards, local audit log) in local-dev auth mode on loopback, and the
// Microsoft 365 Agents Playground as the chat client. Ctrl+C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDevTls } from '../emulators/tls/dev-tls.js';
import { startLocalStandIns } from './dev-stand-ins.js';

const root = process.cwd();
const agentPort = Number(process.env.DEV_AGENT_PORT ?? 3978);
const playgroundPort = Number(process.env.DEV_PLAYGROUND_PORT ?? 56150);
const withPlayground = process.env.DEV_PLAYGROUND !== 'off';
const children: ChildProcess[] = [];

function say(line: string): void {
  process.stdout.write(`[dev] ${line}\n`);
}

async function waitForPort(port: number, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not open port ${port} within ${timeoutMs / 1000} s`);
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping.`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
let closeStandIns: () => Promise<void> = async () => {};
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await closeStandIns();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const tls = ensureDevTls();
const standIns = await startLocalStandIns();
closeStandIns = standIns.close;
mkdirSync(join(root, '.local'), { recursive: true });

start('agent', process.execPath, ['--import', 'tsx', 'src/index.ts'], {
  ...process.env,
  ...standIns.agentEnv,
  AUTH_MODE: 'dev-anonymous',
  HOST: '127.0.0.1',
  PORT: String(agentPort),
  NODE_EXTRA_CA_CERTS: tls.caCertPath,
});
await waitForPort(agentPort, 'the agent');
say(`agent on http://127.0.0.1:${agentPort}/api/messages`);

if (withPlayground) {
  const playground = join(root, 'node_modules', '.bin', 'agentsplayground');
  start('playground', playground, ['-e', `http://127.0.0.1:${agentPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--dt'], {
    ...process.env,
    // The playground opens a browser with xdg-open unless told not to; headless machines have none.
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: join(root, '.local', 'playground.log'),
  });
  await waitForPort(playgroundPort, 'the Agents Playground');
  say(`chat with the agent: open http://localhost:${playgroundPort} in a browser`);
}
say('ready (Ctrl+C to stop)');
