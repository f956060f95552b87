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
import type { AgentRuntimeOptions } from '../../src/agent/agent-runtime.js';
import { postActivity, startAgentUnderTest as startAgent, type AgentUnderTest, type PostResult } from './agent-under-test.js';

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
  /** The capturing connector (the activities' serviceUrl). */
  connectorUrl: string;
  /** The agent requests go to when no instance is named (the first, or the one `useAgent` chose). */
  agent: AgentUnderTest;
  agents: AgentUnderTest[];
  /** What the agent posted to the connector, oldest first. */
  sent: SentActivity[];
  /** Conversations the agent started (POST /v3/conversations bodies), oldest first; ids a:created-1, … */
  created: Array<{ members?: Array<{ id: string }>; tenantId?: string; isGroup?: boolean }>;
  /** Activities the agent replaced through the connector (card updates), oldest first. */
  updated: Array<{ conversation: string; activityId: string; body: SentActivity }>;
  /** Stops the current agent and starts a new one with the same settings (a process restart). */
  restartAgent(): Promise<void>;
  /** Sends the next requests to this agent instead (another instance of the same deployment). */
  useAgent(agent: AgentUnderTest): void;
  /** Starts another agent with the same settings (a second instance); the caller closes it. */
  startAnotherAgent(): Promise<AgentUnderTest>;
  /** Delay of the connector's answers (a slow channel). */
  setConnectorDelay(ms: number): void;
  /** A message whose replies come back in the HTTP response. */
  ask(sender: TeamsSender, text: string, instance?: number): Promise<PostResult>;
  /** An Adaptive Card Universal Action (adaptiveCard/action invoke); the invoke response is the HTTP response. */
  cardAction(sender: TeamsSender, verb: string, data: Record<string, unknown>): Promise<PostResult>;
  /** A signin/tokenExchange invoke; the invoke response is the HTTP response. */
  exchange(sender: TeamsSender, token: string, exchangeId: string, instance?: number): Promise<PostResult>;
  close(): Promise<void>;
}

export const oidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).oid as string;

let counter = 0;

export async function startSignInStack(options: { instances?: number; env?: (connectorUrl: string) => Record<string, string>; runtime?: AgentRuntimeOptions } = {}): Promise<SignInStack> {
  const startAgentUnderTest = (env: Record<string, string>) => startAgent(env, options.runtime);
  const sent: SentActivity[] = [];
  const updated: SignInStack['updated'] = [];
  const created: SignInStack['created'] = [];
  let delayMs = 0;
  const capture = express();
  capture.use(express.json());
  capture.post('/v3/conversations/:conversation/activities{/:replyTo}', (req, res) => {
    setTimeout(() => {
      sent.push(req.body);
      res.json({ id: `sent-${sent.length}` });
    }, delayMs);
  });
  capture.post('/v3/conversations', (req, res) => {
    created.push(req.body);
    res.json({ id: `a:created-${created.length}` });
  });
  capture.put('/v3/conversations/:conversation/activities/:activityId', (req, res) => {
    updated.push({ conversation: req.params.conversation, activityId: req.params.activityId, body: req.body });
    res.json({ id: req.params.activityId });
  });
  const connector: Server = capture.listen(0, '127.0.0.1');
  await once(connector, 'listening');
  const connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const ids = await startIdentityStandIns();
  const { SSO_DEV_USER: _dev, ...env } = ids.agentEnv;
  const instances = options.instances ?? 1;
  const shared: Record<string, string> = instances > 1 ? { STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'sta-stack-')), 'state.db') } : {};
  const agentEnv = { ...env, ...shared, ...(options.env?.(connectorUrl) ?? {}) };
  const agents: AgentUnderTest[] = [];
  for (let i = 0; i < instances; i++) agents.push(await startAgentUnderTest(agentEnv));
  let agent = agents[0]!;
  const target = (instance?: number) => (instance === undefined ? agent : agents[instance]!);

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
    connectorUrl,
    get agent() {
      return agent;
    },
    agents,
    sent,
    created,
    updated,
    async restartAgent() {
      const index = agents.indexOf(agent);
      await agent.close();
      agent = await startAgentUnderTest(agentEnv);
      if (index >= 0) agents[index] = agent;
      else agents.push(agent);
    },
    useAgent(next) {
      agent = next;
    },
    startAnotherAgent: () => startAgentUnderTest(agentEnv),
    setConnectorDelay: (ms) => {
      delayMs = ms;
    },
    ask: (sender, text, instance) => postActivity(target(instance).url, { ...base(sender), type: 'message', text, deliveryMode: 'expectReplies' }),
    cardAction: (sender, verb, data) =>
      postActivity(agent.url, { ...base(sender), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
    exchange: (sender, token, exchangeId, instance) => postActivity(target(instance).url, { ...base(sender), type: 'invoke', name: 'signin/tokenExchange', value: { id: exchangeId, connectionName: 'graph-sso', token } }),
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
