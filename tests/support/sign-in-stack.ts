// The real agent (dev-anonymous host, no dev user: nobody is signed in until a
// Teams token exchange) against the Entra and Graph emulators, with a local
// connector that captures what the agent sends outside the HTTP response
// (the sign-in replay). Activities are shaped like Teams sends them. With
// `instances: n` it starts n agents sharing one SQLite state file (n instances
// behind a load balancer); `agent` is the first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { postActivity, startAgentUnderTest, type AgentUnderTest, type PostResult } from './agent-under-test.js';

export interface TeamsSender {
  /** Channel user id (29:...). */
  fromId: string;
  aadObjectId?: string;
  tenantId?: string;
  conversationId?: string;
}

export interface SentActivity {
  text?: string;
  attachments?: Array<{ contentType: string; content?: any }>;
}

export interface SignInStack {
  ids: IdentityStandIns;
  agent: AgentUnderTest;
  agents: AgentUnderTest[];
  /** What the agent posted to the connector, oldest first. */
  sent: SentActivity[];
  /** Delay of the connector's answers (a slow channel). */
  setConnectorDelay(ms: number): void;
  /** A message whose replies come back in the HTTP response. */
  ask(sender: TeamsSender, text: string, instance?: number): Promise<PostResult>;
  /** A signin/tokenExchange invoke; the invoke response is the HTTP response. */
  exchange(sender: TeamsSender, token: string, exchangeId: string, instance?: number): Promise<PostResult>;
  close(): Promise<void>;
}

export const oidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).oid as string;

let counter = 0;

export async function startSignInStack(options: { instances?: number } = {}): Promise<SignInStack> {
  const sent: SentActivity[] = [];
  let delayMs = 0;
  const capture = express();
  capture.use(express.json());
  capture.post('/v3/conversations/:conversation/activities{/:replyTo}', (req, res) => {
    setTimeout(() => {
      sent.push(req.body);
      res.json({ id: `sent-${sent.length}` });
    }, delayMs);
  });
  const connector: Server = capture.listen(0, '127.0.0.1');
  await once(connector, 'listening');
  const connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const ids = await startIdentityStandIns();
  const { SSO_DEV_USER: _dev, ...env } = ids.agentEnv;
  const instances = options.instances ?? 1;
  const shared: Record<string, string> = instances > 1 ? { STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'sta-stack-')), 'state.db') } : {};
  const agents: AgentUnderTest[] = [];
  for (let i = 0; i < instances; i++) agents.push(await startAgentUnderTest({ ...env, ...shared }));
  const agent = agents[0]!;

  const base = (sender: TeamsSender) => {
    const tenant = sender.tenantId ?? demoTenantId;
    counter++;
    return {
      id: `act-${counter}`,
      channelId: 'msteams',
      serviceUrl: connectorUrl,
      from: { id: sender.fromId, ...(sender.aadObjectId ? { aadObjectId: sender.aadObjectId } : {}) },
      recipient: { id: '28:bot' },
      conversation: { id: sender.conversationId ?? `conv-${sender.fromId}`, conversationType: 'personal', tenantId: tenant },
      channelData: { tenant: { id: tenant } },
    };
  };

  return {
    ids,
    agent,
    agents,
    sent,
    setConnectorDelay: (ms) => {
      delayMs = ms;
    },
    ask: (sender, text, instance = 0) => postActivity(agents[instance]!.url, { ...base(sender), type: 'message', text, deliveryMode: 'expectReplies' }),
    exchange: (sender, token, exchangeId, instance = 0) => postActivity(agents[instance]!.url, { ...base(sender), type: 'invoke', name: 'signin/tokenExchange', value: { id: exchangeId, connectionName: 'graph-sso', token } }),
    async close() {
      for (const a of agents) await a.close();
      await ids.close();
      connector.closeAllConnections();
      connector.close();
    },
  };
}

/** The OAuthCard of a reply, if the reply asks for sign-in. */
export function signInCardOf(reply: PostResult): { text?: string } | undefined {
  const attachment = (reply.body?.activities ?? []).flatMap((a: SentActivity) => a.attachments ?? []).find((a: { contentType: string }) => a.contentType === 'application/vnd.microsoft.card.oauth');
  return attachment?.content;
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
