// "sign out" on one instance holds on every instance: SSO tokens stay in each
// instance's memory, but the sign-out marker in the shared state store stops
// the other instances from using the copy they hold, for Graph and for roles.
import assert from 'node:assert/strict';
import { oidOf, signInCardOf, startSignInStack, type SignInStack } from '../support/sign-in-stack.js';

describe('agent: sign-out across instances (shared state store)', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack({ instances: 2 });
  });
  after(async () => {
    await stack?.close();
  });

  it('a sign-out on instance A makes instance B ask for sign-in again; a new sign-in works', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan = { fromId: '29:megan', aadObjectId: oidOf(token), conversationId: 'conv-out' };
    // Teams delivers the silent SSO exchange to both instances (two clients, two exchange ids).
    assert.equal((await stack.exchange(megan, token, 'ex-a', 0)).status, 200);
    assert.equal((await stack.exchange(megan, token, 'ex-b', 1)).status, 200);
    const before = await stack.ask(megan, 'what files do I have about the budget?', 1);
    assert.equal(signInCardOf(before), undefined);
    assert.match(before.texts.join('\n'), /Marketing budget 2026 draft\.docx/);

    const out = await stack.ask(megan, 'sign out', 0);
    assert.match(out.texts.join('\n'), /You are signed out/);
    assert.ok(signInCardOf(await stack.ask(megan, 'what files do I have about the budget?', 1)), 'instance B still used its copy of the sign-in');

    // Signing in again (on B) after the sign-out works there.
    await new Promise((r) => setTimeout(r, 5));
    assert.equal((await stack.exchange(megan, await stack.ids.entra.mintUserSsoToken('megan@contoso.example'), 'ex-c', 1)).status, 200);
    const again = await stack.ask(megan, 'what files do I have about the budget?', 1);
    assert.equal(signInCardOf(again), undefined);
  });

  it('a user who signed out on instance A has no app role on instance B (the Auditor view is refused)', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('patti@contoso.example');
    const patti = { fromId: '29:patti', aadObjectId: oidOf(token), conversationId: 'conv-roles' };
    assert.equal((await stack.exchange(patti, token, 'ex-patti-a', 0)).status, 200);
    assert.equal((await stack.exchange(patti, token, 'ex-patti-b', 1)).status, 200);
    assert.match(JSON.stringify((await stack.ask(patti, 'audit', 1)).body), /Audit log: chain intact/, 'instance B serves Patti as an Auditor');

    assert.match((await stack.ask(patti, 'sign out', 0)).texts.join('\n'), /You are signed out/);
    const after = await stack.ask(patti, 'audit', 1);
    assert.match(after.texts[0] ?? '', /need the Auditor role/, 'instance B no longer uses the roles of its copy of the sign-in');
    assert.doesNotMatch(JSON.stringify(after.body), /Audit log:/);
  });
});
