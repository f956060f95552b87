// One server of the host benchmark in its own process, so a CPU profile and the CPU time per request
// hold the server's work only, not the load generator's.
//   node --import tsx bench/host/profile-server.ts guarded|echo [profile-file]
// Prints {"url": ...} on stdout when listening. SIGUSR2 (after the warm-up) restarts the CPU counter
// and, with a profile file, starts the V8 profiler; SIGINT prints {"cpu_us": ...}, writes the profile
// and exits. Used by bench/host/profile-turns.ts.
import { once } from 'node:events';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, CloudAdapter, type TurnState } from '@microsoft/agents-hosting';
import { loadConfig } from '../../src/config.js';
import { createAgentRuntime } from '../../src/agent/agent-runtime.js';
import { startHost } from '../../src/host/http-server.js';
import { setLogLevel } from '../../src/logging/logger.js';

setLogLevel('error');
const kind = process.argv[2] ?? 'guarded';

async function startEcho(): Promise<string> {
  const adapter = new CloudAdapter({} as never);
  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: false });
  agent.onActivity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
  });
  const app = express();
  app.post('/api/messages', express.json({ limit: '1mb' }), (req, res) => void adapter.process(req, res, (c) => agent.run(c)));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The guarded turn of bench-turns.ts: embedded SQLite, history off, rate limits out of the way. */
async function startGuarded(): Promise<string> {
  const config = loadConfig({
    AUTH_MODE: 'dev-anonymous',
    HOST: '127.0.0.1',
    PORT: '0',
    AUDIT_LOG_DIR: join(mkdtempSync(join(tmpdir(), 'profile-audit-')), 'log'),
    STATE_BACKEND: 'sqlite',
    STATE_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'profile-state-')), 'state.db'),
    HISTORY_MAX_TURNS: process.env.PROFILE_HISTORY_MAX_TURNS ?? '0',
    GUARD_RATE_USER_PER_MINUTE: '100000',
    GUARD_RATE_USER_BURST: '100000',
    GUARD_RATE_TENANT_PER_MINUTE: '10000000',
    GUARD_RATE_TENANT_BURST: '10000000',
  });
  const runtime = await createAgentRuntime(config);
  const host = await startHost({ settings: config.host, adapter: runtime.adapter, handleTurn: (c) => runtime.app.run(c), readiness: runtime.readiness });
  return host.url;
}

const url = kind === 'echo' ? await startEcho() : await startGuarded();
const profileFile = process.argv[3];
const session = profileFile ? new Session() : undefined;
let cpuStart = process.cpuUsage();
// The driver warms the server up, then asks for the counter (and the profile) to start afresh.
process.on('SIGUSR2', () => {
  cpuStart = process.cpuUsage();
  if (!session) return;
  session.connect();
  void session.post('Profiler.enable').then(() => session.post('Profiler.start'));
});
process.on('SIGINT', () => {
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(`${JSON.stringify({ cpu_us: cpu.user + cpu.system })}\n`);
  if (!session) process.exit(0);
  void session.post('Profiler.stop').then(({ profile }) => {
    writeFileSync(profileFile!, JSON.stringify(profile));
    process.exit(0);
  });
});
process.stdout.write(`${JSON.stringify({ url })}\n`);
