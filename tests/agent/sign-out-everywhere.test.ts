// "sign out" on one instance holds on every instance: SSO tokens stay in each
// instance's memory, but the sign-out marker in the shared state store stops
// the other instances from using the copy they hold.
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
});
