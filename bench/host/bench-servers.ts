// The servers and the activity the host benchmarks share: bench-turns.ts drives them in its own
// process, profile-server.ts starts one of them alone so a CPU profile holds the server's work only.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, CloudAdapter, type TurnState } from '@microsoft/agents-hosting';
import { loadConfig } from '../../src/config.js';
import { createAgentRuntime } from '../../src/agent/agent-runtime.js';
import { startHost } from '../../src/host/http-server.js';

/** A Teams message that asks for its replies in the response (expectReplies): no connector call back. */
export function benchActivity(text: string, n: number, conversationId = `bench-${n % 64}`): string {
  return JSON.stringify({
    type: 'message',
    id: `b${n}`,
    text,
    channelId: 'msteams',
    from: { id: `29:bench-user-${n % 64}` },
    recipient: { id: '28:bot' },
    conversation: { id: conversationId },
    deliveryMode: 'expectReplies',
  });
}

/** The bare Agents SDK echo agent: the SDK's own floor. */
export async function startBareEcho(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter({} as never);
  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: false });
  agent.onActivity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
  });
  const app = express();
  app.post('/api/messages', express.json({ limit: '1mb' }), (req, res) => void adapter.process(req, res, (c) => agent.run(c)));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The agent's settings for a benchmark: fresh audit log and SQLite file, rate limits out of the way. */
export const benchEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  AUTH_MODE: 'dev-anonymous',
  HOST: '127.0.0.1',
  PORT: '0',
  AUDIT_LOG_DIR: join(mkdtempSync(join(tmpdir(), 'bench-audit-')), 'log'),
  // The embedded default (SQLite) in a fresh file, so earlier runs' records do not count.
  STATE_BACKEND: 'sqlite',
  STATE_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-state-')), 'state.db'),
  // The benchmark measures turns, not the rate limiter.
  GUARD_RATE_USER_PER_MINUTE: '100000',
  GUARD_RATE_USER_BURST: '100000',
  GUARD_RATE_TENANT_PER_MINUTE: '10000000',
  GUARD_RATE_TENANT_BURST: '10000000',
  ...extra,
});

/** The whole agent (guards, offline model, audit, state) behind its own HTTP host. */
export async function startAgent(env: Record<string, string>) {
  const config = loadConfig(env);
  const runtime = await createAgentRuntime(config);
  const host = await startHost({ settings: config.host, adapter: runtime.adapter, handleTurn: (c) => runtime.app.run(c), readiness: runtime.readiness });
  return { runtime, host };
}
