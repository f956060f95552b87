// `npm run dev`: the whole product on one machine, no cloud. Starts the local
// Entra and Graph emulators, the agent on its embedded defaults (offline model,
// local guards, local audit log) in local-dev auth mode on loopback, and the
// Microsoft 365 Agents Playground as the chat client: one as the requester (Megan) and
// a second one as an approver (Miriam), whose team channel "Approvers" is where approval
// cards arrive. Ctrl+C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { defaultTenants, demoUserUpn } from '../emulators/entra/seed.js';
import { join } from 'node:path';
import { ensureDevTls } from '../emulators/tls/dev-tls.js';
import { startLocalStandIns } from './dev-stand-ins.js';

const root = process.cwd();
const agentPort = Number(process.env.DEV_AGENT_PORT ?? 3978);
const playgroundPort = Number(process.env.DEV_PLAYGROUND_PORT ?? 56150);
const withPlayground = process.env.DEV_PLAYGROUND !== 'off';
const approverPort = playgroundPort + 1;
/** The approver playground's mocked connector and its "Approvers" channel (scripts/playground/approver.yml). */
const approverChannel = { serviceUrl: `http://127.0.0.1:${approverPort}/_connector`, conversationId: 'approvers-channel' };
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
  // Approval cards go to the approver playground's channel unless you chose another.
  ...(withPlayground && !process.env.APPROVAL_CHANNEL_SERVICE_URL ? { APPROVAL_CHANNEL_SERVICE_URL: approverChannel.serviceUrl, APPROVAL_CHANNEL_CONVERSATION_ID: approverChannel.conversationId } : {}),
  AUTH_MODE: 'dev-anonymous',
  HOST: '127.0.0.1',
  PORT: String(agentPort),
  NODE_EXTRA_CA_CERTS: tls.caCertPath,
});
await waitForPort(agentPort, 'the agent');
say(`agent on http://127.0.0.1:${agentPort}/api/messages`);

if (withPlayground) {
  const playground = join(root, 'node_modules', '.bin', 'agentsplayground');
  // Each playground user maps to the seeded user with the same object id (dev SSO); see docs/approvals.md.
  const open = async (name: string, port: number, config: string) => {
    start(name, playground, ['-e', `http://127.0.0.1:${agentPort}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'], {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: config,
      // The playground opens a browser with xdg-open unless told not to; headless machines have none.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: join(root, '.local', `${name}.log`),
    });
    await waitForPort(port, `the Agents Playground (${name})`);
  };
  await open('playground', playgroundPort, requesterConfig());
  say(`chat with the agent as Megan: open http://localhost:${playgroundPort} in a browser`);
  await open('playground-approver', approverPort, join(root, 'scripts', 'playground', 'approver.yml'));
  say(`approve as Miriam: open http://localhost:${approverPort} (Teams › Contoso (dev) › Approvers)`);
}
say('ready (Ctrl+C to stop)');

/** The requester playground acts as DEV_USER (default Megan): scripts/playground/requester.yml with that seeded user as currentUser. */
function requesterConfig(): string {
  const upn = (process.env.DEV_USER?.trim() || demoUserUpn).toLowerCase();
  const user = defaultTenants()[0]!.users.find((u) => u.upn === upn || u.oid === upn);
  const config = parse(readFileSync(join(root, 'scripts', 'playground', 'requester.yml'), 'utf8'));
  if (user) {
    const [givenName, surname] = user.displayName.split(' ');
    config.currentUser = { id: `playground-${user.upn.split('@')[0]}`, name: user.displayName, userPrincipleName: user.upn, aadObjectId: user.oid, givenName, surname, email: user.upn };
    config.users = config.users.filter((u: { aadObjectId?: string }) => u.aadObjectId !== user.oid);
  }
  const path = join(root, '.local', 'playground-requester.yml');
  writeFileSync(path, stringify(config));
  return path;
}
