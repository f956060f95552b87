// Scale-out: three agent processes (started as production starts them) share
// one Azurite table behind a round-robin proxy on loopback. What one instance
// learns, the others know: a conversation keeps its canary while its turns
// move between instances, a user's rate limit holds across them, a token
// exchange delivered to every instance is processed once, a waiting question
// is answered by whichever instance receives the sign-in, and killing an
// instance mid-conversation loses nothing.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { readRecentAuditEntries } from '../../src/audit/local-audit-log.js';
import type { TurnRecord } from '../../src/audit/turn-record.js';
import { loadGuardPolicy } from '../../src/guard/index.js';
import { startAgentProcess, type AgentProcess } from '../support/agent-process.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.js';
import { oidOf, waitFor } from '../support/sign-in-stack.js';

interface Reply {
  status: number;
  backend: number;
  body: any;
  texts: string[];
}

describe('scale-out: three agent processes on one Azurite behind a round-robin proxy', function () {
  this.timeout(90_000);
  let azurite: Azurite;
  let ids: IdentityStandIns;
  let connector: Server;
  let connectorUrl: string;
  const sent: Array<{ text?: string; conversation?: { id?: string } }> = [];
  let agents: AgentProcess[] = [];
  let proxy: RoundRobinProxy;
  let auditDirs: string[];
  let rateLimitedText: string;
  let counter = 0;

  before(async () => {
    const capture = express();
    capture.use(express.json());
    capture.post('/v3/conversations/:conversation/activities{/:replyTo}', (req, res) => {
      sent.push(req.body);
      res.json({ id: `sent-${sent.length}` });
    });
    connector = capture.listen(0, '127.0.0.1');
    await once(connector, 'listening');
    connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    [azurite, ids] = await Promise.all([startAzurite(), startIdentityStandIns()]);
    rateLimitedText = (await loadGuardPolicy()).messages.rateLimited;
    // Nobody is signed in until a Teams token exchange (no dev user).
    const { SSO_DEV_USER: _dev, ...identityEnv } = ids.agentEnv;
    const dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
    auditDirs = [0, 1, 2].map((i) => join(dir, `audit-${i}`));
    agents = await Promise.all(
      auditDirs.map((auditDir) =>
        startAgentProcess({
          ...identityEnv,
          AUDIT_LOG_DIR: auditDir,
          STATE_BACKEND: 'azure-tables',
          STATE_CONNECTION_STRING: azurite.connectionString,
          STATE_TABLE_NAME: 'scaleout',
          STATE_TIMEOUT_MS: '10000',
          GUARD_RATE_USER_PER_MINUTE: '1',
          GUARD_RATE_USER_BURST: '10',
        }),
      ),
    );
    proxy = await startRoundRobinProxy(agents.map((a) => a.url));
  });
  after(async () => {
    await proxy?.close();
    await Promise.all(agents.map((a) => a.stop()));
    await ids?.close();
    await azurite?.stop();
    connector?.closeAllConnections();
    connector?.close();
  });

  const activity = (sender: { id: string; oid: string }, conversationId: string) => {
    counter++;
    return {
      id: `act-${counter}`,
      channelId: 'msteams',
      serviceUrl: connectorUrl,
      from: { id: sender.id, aadObjectId: sender.oid },
      recipient: { id: '28:bot' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: demoTenantId },
      channelData: { tenant: { id: demoTenantId } },
    };
  };
  const post = async (body: unknown): Promise<Reply> => {
    const response = await fetch(`${proxy.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const raw = await response.text();
    const parsed = raw ? JSON.parse(raw) : undefined;
    return { status: response.status, backend: Number(response.headers.get('x-backend')), body: parsed, texts: (parsed?.activities ?? []).map((a: { text?: string }) => a.text ?? '') };
  };
  const say = (sender: { id: string; oid: string }, conversationId: string, text: string) => post({ ...activity(sender, conversationId), type: 'message', text, deliveryMode: 'expectReplies' });
  const exchange = (sender: { id: string; oid: string }, conversationId: string, token: string, exchangeId: string) =>
    post({ ...activity(sender, conversationId), type: 'invoke', name: 'signin/tokenExchange', value: { id: exchangeId, connectionName: 'graph-sso', token } });
  /** The canary fingerprints the instances' audit records show for a conversation (one per instance file read). */
  const canaryIdsOf = async (conversationId: string): Promise<{ ids: Set<string>; turns: number; instances: Set<number> }> => {
    const ids = new Set<string>();
    const instances = new Set<number>();
    let turns = 0;
    for (const [i, dir] of auditDirs.entries()) {
      if (!existsSync(dir)) continue;
      for (const entry of await readRecentAuditEntries(dir, 10_000)) {
        const record = entry.body as TurnRecord;
        if (record.conversationId !== conversationId) continue;
        const id = record.stages?.find((st) => st.stage === 'prompt')?.detail?.canaryId;
        if (typeof id !== 'string' || !id) continue;
        ids.add(id);
        instances.add(i);
        turns++;
      }
    }
    return { ids, turns, instances };
  };
  /** Polls the instances' audit logs until the conversation shows enough turns. */
  const canaryIdsAfter = async (conversationId: string, minTurns: number, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = await canaryIdsOf(conversationId);
      if (seen.turns >= minTurns || Date.now() > deadline) return seen;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const isCard = (reply: Reply) => (reply.body?.activities ?? []).some((a: { attachments?: Array<{ contentType: string }> }) => a.attachments?.some((x) => x.contentType === 'application/vnd.microsoft.card.oauth'));

  it('keeps a conversation’s canary while its turns alternate between the instances', async () => {
    const user = { id: '29:canary', oid: '00000000-0000-4000-8000-0000000ca7a1' };
    for (let i = 0; i < 6; i++) assert.equal((await say(user, 'conv-canary', `hello, turn ${i}`)).status, 200);
    const { ids, instances, turns } = await canaryIdsAfter('conv-canary', 6);
    assert.equal(turns, 6, 'every turn was audited with its canary');
    assert.equal(instances.size, 3, 'the turns reached all three instances');
    assert.equal(ids.size, 1, `one canary for the conversation, saw ${ids.size}`);
  });

  it("holds a user's rate limit across the three instances (burst 10, within 10 %)", async () => {
    const user = { id: '29:rate', oid: '00000000-0000-4000-8000-00000000a7e0' };
    const replies: Reply[] = [];
    for (let i = 0; i < 30; i++) replies.push(await say(user, 'conv-rate', `hello ${i}`));
    assert.deepEqual(new Set(replies.map((r) => r.backend)), new Set([0, 1, 2]));
    const allowed = replies.filter((r) => r.status === 200 && !r.texts.includes(rateLimitedText)).length;
    // One instance's own buckets would allow 10 each: 30.
    assert.ok(Math.abs(allowed - 10) <= 1, `allowed ${allowed} of 30 (burst 10)`);
  });

  it('processes a token exchange delivered to every instance once', async () => {
    const token = await ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan = { id: '29:megan', oid: oidOf(token) };
    const obo = () => ids.entra.tokenRequests().filter((r) => r.grantType.endsWith('jwt-bearer')).length;
    const before = obo();
    const replies = await Promise.all([0, 1, 2].map(() => exchange(megan, 'conv-dedupe', token, 'ex-dedupe-1')));
    assert.deepEqual(new Set(replies.map((r) => r.backend)), new Set([0, 1, 2]));
    assert.deepEqual(replies.map((r) => r.status), [200, 200, 200]);
    // The one that signed the user in answers with the exchange id; the copies with an empty 200.
    assert.equal(replies.filter((r) => r.body?.id === 'ex-dedupe-1').length, 1);
    assert.equal(obo() - before, 1, 'one on-behalf-of exchange, not one per instance');
  });

  it('answers a waiting question on whichever instance receives the sign-in', async () => {
    const token = await ids.entra.mintUserSsoToken('megan@contoso.example');
    // A conversation and channel account of Megan that no instance holds a sign-in for.
    const megan = { id: '29:megan-phone', oid: oidOf(token) };
    const asked = await say(megan, 'conv-waiting', 'what files do I have about the budget?');
    assert.ok(isCard(asked), 'asks for sign-in');
    const signedIn = await exchange(megan, 'conv-waiting', token, 'ex-waiting');
    assert.equal(signedIn.status, 200);
    assert.notEqual(signedIn.backend, asked.backend, 'the sign-in reached another instance than the question');
    await waitFor(() => sent.some((a) => a.conversation?.id === 'conv-waiting' && /Marketing budget 2026 draft\.docx/.test(a.text ?? '')), 20_000);
  });

  it('loses nothing when an instance is killed mid-conversation', async () => {
    const user = { id: '29:kill', oid: '00000000-0000-4000-8000-000000000c11' };
    const first = await Promise.all([0, 1, 2].map((i) => say(user, 'conv-kill', `hello ${i}`)));
    assert.deepEqual(first.map((r) => r.status), [200, 200, 200]);
    await agents[1]!.kill();
    const later: Reply[] = [];
    for (let i = 0; i < 4; i++) later.push(await say(user, 'conv-kill', `and again ${i}`));
    assert.ok(proxy.dead.has(1));
    for (const r of later) {
      assert.equal(r.status, 200);
      assert.notEqual(r.backend, 1);
      assert.ok(r.texts.length > 0 && !r.texts.includes(rateLimitedText));
    }
    // The survivors carry on with the canary the conversation started with (also the killed instance's turn).
    const killed = await canaryIdsAfter('conv-kill', 7);
    assert.ok(killed.turns >= 7, `turns audited: ${killed.turns}`);
    assert.equal(killed.ids.size, 1);
  });
});
