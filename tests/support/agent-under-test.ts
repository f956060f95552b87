// Starts the real agent (runtime + HTTP host) in this process on 127.0.0.1:0
// with the given environment, for tests that speak HTTP to it. State is in
// memory (one fresh store per agent) unless the environment names a backend.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createAgentRuntime, type AgentRuntime, type AgentRuntimeOptions } from '../../src/agent/agent-runtime.js';
import { startHost, type RunningHost } from '../../src/host/http-server.js';

export interface AgentUnderTest {
  url: string;
  host: RunningHost;
  runtime: AgentRuntime;
  /** The local audit log's segment folder. */
  auditDir: string;
  close(): Promise<void>;
}

export async function startAgentUnderTest(env: Record<string, string> = {}, options: AgentRuntimeOptions = {}): Promise<AgentUnderTest> {
  const auditDir = join(mkdtempSync(join(tmpdir(), 'sta-audit-')), 'log');
  // Each agent gets its own state (memory) unless the test shares a store on purpose.
  const config = loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', PORT: '0', AUDIT_LOG_DIR: auditDir, STATE_BACKEND: 'memory', ...env });
  const runtime = await createAgentRuntime(config, options);
  const host = await startHost({ settings: config.host, adapter: runtime.adapter, handleTurn: (c) => runtime.app.run(c), readiness: runtime.readiness });
  return {
    url: host.url,
    host,
    runtime,
    auditDir,
    close: async () => {
      await host.close();
      await runtime.close();
    },
  };
}

let counter = 0;

/** A Teams-like message activity that asks for its replies in the HTTP response. */
export function messageActivity(text: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `act-${counter}`,
    text,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:user-a', aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'User A' },
    recipient: { id: '28:bot', name: 'secure-agent' },
    conversation: { id: `conv-${counter}`, conversationType: 'personal', tenantId: '11111111-1111-1111-1111-111111111111' },
    channelData: { tenant: { id: '11111111-1111-1111-1111-111111111111' } },
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

export interface PostResult {
  status: number;
  body: any;
  texts: string[];
}

export async function postActivity(url: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  let parsed: any = undefined;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    parsed = raw;
  }
  const texts: string[] = (parsed?.activities ?? []).map((a: { text?: string }) => a.text ?? '');
  return { status: response.status, body: parsed, texts };
}
