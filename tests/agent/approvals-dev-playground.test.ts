// Issue 13 in local development: the Agents Playground has no Teams SSO, so the
// dev SSO source maps each playground user (its aadObjectId from the playground
// config files in scripts/playground/) to the seeded user with that object id.
// A second playground user, Miriam (Approver role), approves Megan's delete
// through /api/messages; it runs once, as Megan. No token exchange anywhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { postActivity, startAgentUnderTest, type AgentUnderTest } from '../support/agent-under-test.js';
import { actionsOf, cardsOf, cardText } from '../support/approval-cards.js';

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}
const playgroundUser = (file: string): PlaygroundUser => parse(readFileSync(new URL(`../../scripts/playground/${file}`, import.meta.url), 'utf8')).currentUser;

describe('agent: acting as the approver in dev (a second Agents Playground user mapped to a seeded Approver)', function () {
  this.timeout(60_000);
  let ids: IdentityStandIns;
  let agent: AgentUnderTest;
  // The playground's mocked connector (the agent tells the requester there); answers every post.
  let connector: Server;
  let serviceUrl: string;
  const requester = playgroundUser('requester.yml');
  const approver = playgroundUser('approver.yml');
  const chat = 'group-chat-dev';
  let counter = 0;

  before(async () => {
    connector = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${++counter}` })));
    await new Promise<void>((r) => connector.listen(0, '127.0.0.1', () => r()));
    serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/_connector`;
    ids = await startIdentityStandIns();
    // As `npm run dev` configures it, with the card in the chat (no approver playground's channel in this test).
    agent = await startAgentUnderTest({ ...ids.agentEnv, APPROVAL_CARD_IN_CONVERSATION: 'true', APPROVAL_SWEEP_INTERVAL_SEC: '0' });
  });
  after(async () => {
    await agent?.close();
    await ids?.close();
    connector?.close();
  });

  /** An activity as the playground sends it: ids and names from its config file, no token. */
  const post = (user: PlaygroundUser, body: Record<string, unknown>) =>
    postActivity(agent.url, {
      id: `pg-${++counter}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '00000000-0000-0000-0000-00000000000011' },
      conversation: { id: chat, conversationType: 'groupChat', isGroup: true, tenantId: demoTenantId },
      channelData: { tenant: { id: demoTenantId } },
      ...body,
    });
  const deletes = () => ids.graph.requests().filter((r) => r.method === 'DELETE');

  it('Megan asks, Miriam (second playground user) approves: the file is deleted once, as Megan; Megan cannot approve her own', async () => {
    ids.graph.seed({ files: [{ id: '01TESTDEVPLAYGROUND0000000000001', name: 'Dev leftover.txt', location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const asked = await post(requester, { type: 'message', text: 'delete "Dev leftover"', deliveryMode: 'expectReplies' });
    const approve = cardsOf(asked).flatMap(actionsOf).find((a) => a.verb === 'approve');
    assert.ok(approve, `an approval card in the chat: ${asked.texts.join(' | ')}`);
    const click = (user: PlaygroundUser) => post(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'approve', data: approve.data }, trigger: 'manual' } });

    assert.match(cardText((await click(requester)).body.value), /your own request/);
    const approved = await click(approver);
    assert.match(cardText(approved.body.value), /Done/);
    assert.match(cardText(approved.body.value), /Miriam Graham/);
    assert.equal(deletes().length, 1);
    assert.equal(deletes()[0]!.userOid, requester.aadObjectId, 'run as the requester');
    await click(approver);
    assert.equal(deletes().length, 1, 'once');
  });

  it('a playground user who is no seeded user acts as SSO_DEV_USER and is no approver', async () => {
    ids.graph.seed({ files: [{ id: '01TESTDEVPLAYGROUND0000000000002', name: 'Dev other.txt', location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const asked = await post(requester, { type: 'message', text: 'delete "Dev other"', deliveryMode: 'expectReplies' });
    const approve = cardsOf(asked).flatMap(actionsOf).find((a) => a.verb === 'approve')!;
    const stranger = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
    const reply = await post(stranger, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'approve', data: approve.data }, trigger: 'manual' } });
    assert.match(cardText(reply.body.value), /Only approvers/);
    assert.equal(deletes().length, 1);
  });
});
