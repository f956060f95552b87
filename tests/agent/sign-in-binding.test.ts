// Security review (issue 10, findings 2 and 3) through the agent's /api/messages:
// a sign-in serves only the sender it was exchanged for, and a failed exchange
// does not block the genuine retry that reuses its exchange id.
import assert from 'node:assert/strict';
import { otherTenantId } from '../../emulators/entra/seed.js';
import { oidOf, signInCardOf, startSignInStack, type SignInStack, type TeamsSender } from '../support/sign-in-stack.js';

const budgetQuestion = 'what files do I have about the budget?';

describe('agent: a sign-in is bound to its sender (tenant, object id, channel user id)', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('refuses a token exchange from a sender without from.aadObjectId, and does not serve that sender as the token’s user', async () => {
    const meganToken = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const mallory: TeamsSender = { fromId: '29:mallory' };
    const exchanged = await stack.exchange(mallory, meganToken, 'ex-no-oid');
    assert.equal(exchanged.status, 412);
    assert.equal(exchanged.body.id, 'ex-no-oid');

    const reply = await stack.ask(mallory, budgetQuestion);
    assert.ok(signInCardOf(reply), 'the sender is asked to sign in');
    assert.doesNotMatch(reply.texts.join('\n'), /Marketing budget/);
  });

  it('does not serve a sender who copies a signed-in user’s object id, nor the same ids from another tenant', async () => {
    const pattiToken = await stack.ids.entra.mintUserSsoToken('patti@contoso.example');
    const patti: TeamsSender = { fromId: '29:patti', aadObjectId: oidOf(pattiToken) };
    assert.equal((await stack.exchange(patti, pattiToken, 'ex-patti')).status, 200);
    assert.match((await stack.ask(patti, 'who am I?')).texts[0] ?? '', /Patti Fernandez/);
    // The audit view is an Adaptive Card.
    assert.match(JSON.stringify((await stack.ask(patti, 'audit')).body), /Audit log: chain intact/, 'Patti herself is served with her Auditor role');

    const mallory: TeamsSender = { fromId: '29:mallory', aadObjectId: patti.aadObjectId };
    assert.match((await stack.ask(mallory, 'audit')).texts[0] ?? '', /need the Auditor role/);
    const asMallory = await stack.ask(mallory, budgetQuestion);
    assert.ok(signInCardOf(asMallory));
    assert.doesNotMatch(asMallory.texts.join('\n'), /budget/i);

    const otherTenant = await stack.ask({ ...patti, tenantId: otherTenantId }, budgetQuestion);
    assert.ok(signInCardOf(otherTenant));
  });
});

describe('agent: a failed token exchange does not block its retry', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('signs the user in when the retry reuses the exchange id of a rejected attempt, and still handles a successful exchange once', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan: TeamsSender = { fromId: '29:megan', aadObjectId: oidOf(token) };
    const oboRequests = () => stack.ids.entra.tokenRequests().filter((r) => r.grantType.endsWith('jwt-bearer')).length;

    const garbage = await stack.exchange(megan, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.garbage', 'ex-retry');
    assert.equal(garbage.status, 412);
    const retry = await stack.exchange(megan, token, 'ex-retry');
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, { id: 'ex-retry', connectionName: 'graph-sso' });
    assert.match((await stack.ask(megan, 'who am I?')).texts[0] ?? '', /Megan Bowen/);

    const before = oboRequests();
    const copy = await stack.exchange(megan, token, 'ex-retry');
    assert.equal(copy.status, 200);
    assert.equal(oboRequests(), before, 'a copy of the successful exchange is not processed again');
  });
});
