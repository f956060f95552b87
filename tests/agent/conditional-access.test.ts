// Security review (issue 10, finding 11) through the agent's /api/messages:
// Graph answers 401 with a claims challenge (conditional access: an
// authentication context the token lacks). The agent asks Entra for a token
// with the claims; when only the user can meet them it sends a sign-in card,
// refuses sign-ins that still do not meet them, and answers the question once
// a sign-in does.
import assert from 'node:assert/strict';
import { oidOf, signInCardOf, startSignInStack, waitFor, type SignInStack, type TeamsSender } from '../support/sign-in-stack.js';

const budgetQuestion = 'what files do I have about the budget?';

describe('agent: conditional access claims challenges from Graph', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack();
    // Over real HTTP, as a test or an operator would switch the policy on.
    for (const user of ['megan@contoso.example', 'miriam@contoso.example']) {
      const res = await fetch(`${stack.ids.graph.url}/_emulator/claims-challenges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, authContext: 'c1' }) });
      assert.equal(res.status, 201);
    }
  });
  after(async () => {
    await stack?.close();
  });
  const stepUps = (oid: string) => stack.ids.entra.tokenRequests().filter((r) => r.userOid === oid && r.authContexts?.includes('c1'));

  it('relays the challenge as a sign-in card, refuses a sign-in that does not meet it, and answers once one does', async () => {
    const plain = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan: TeamsSender = { fromId: '29:megan', aadObjectId: oidOf(plain) };
    assert.equal((await stack.exchange(megan, plain, 'ca-1')).status, 200);

    const reply = await stack.ask(megan, budgetQuestion);
    const card = signInCardOf(reply);
    assert.ok(card, 'the user is asked to sign in again');
    assert.match(card.text ?? '', /sign in again/);
    assert.doesNotMatch(reply.texts.join('\n'), /Marketing budget/);
    assert.ok(stepUps(megan.aadObjectId!).some((r) => r.outcome === 'basic_action'), 'Entra was asked for a token with the claims');

    // Teams answers the card with silent SSO again: that sign-in still lacks c1, so 412 (Teams then shows the sign-in button) and no loop.
    const again = await stack.exchange(megan, await stack.ids.entra.mintUserSsoToken('megan@contoso.example'), 'ca-2');
    assert.equal(again.status, 412);
    assert.match(again.body.failureDetail, /additional sign-in step/);
    assert.equal(stack.sent.length, 0, 'nothing answered yet');

    // The user completed the step (e.g. MFA): the new sign-in carries c1 and the question is answered.
    const steppedUp = await stack.ids.entra.mintUserSsoToken('megan@contoso.example', { acrs: ['c1'] });
    const done = await stack.exchange(megan, steppedUp, 'ca-3');
    assert.equal(done.status, 200);
    await waitFor(() => stack.sent.some((a) => /Marketing budget 2026 draft\.docx/.test(a.text ?? '')));
  });

  it('meets the challenge without asking the user when the sign-in already satisfies it', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('miriam@contoso.example', { acrs: ['c1'] });
    const miriam: TeamsSender = { fromId: '29:miriam', aadObjectId: oidOf(token) };
    assert.equal((await stack.exchange(miriam, token, 'ca-miriam')).status, 200);

    const reply = await stack.ask(miriam, budgetQuestion);
    assert.equal(signInCardOf(reply), undefined);
    assert.match(reply.texts.join('\n'), /Team budget allocations\.xlsx/);
    assert.ok(stepUps(miriam.aadObjectId!).some((r) => r.outcome === 'issued'), 'a token with the claims was issued silently');
    const challenged = stack.ids.graph.requests().filter((r) => r.userOid === miriam.aadObjectId && r.status === 401);
    assert.ok(challenged.length >= 1, 'Graph challenged the first token');
  });
});
