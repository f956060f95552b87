// App roles from the token gate commands; the tenant allow-list fails closed.
import assert from 'node:assert/strict';
import type { TurnContext } from '@microsoft/agents-hosting';
import { hasRole, requireRole, rolesFromClaims } from '../../src/identity/app-roles.js';
import { RoleRequiredError, TenantNotAllowedError } from '../../src/identity/identity-errors.js';
import { assertTenantAllowed, isTenantAllowed } from '../../src/identity/tenant-allow-list.js';
import { requireRoleForCommand, signOutCommand } from '../../src/agent/sso/sso-commands.js';
import type { AgentCommand } from '../../src/agent/agent-app.js';

/** A context that records what the command sends (the command only uses sendActivity and activity.from). */
function fakeContext(from: { id: string; aadObjectId?: string }) {
  const sent: string[] = [];
  const context = { activity: { from }, sendActivity: async (text: string) => void sent.push(text) } as unknown as TurnContext;
  return { context, sent };
}

describe('app roles and tenant allow-list', () => {
  it('reads only the declared app roles from the roles claim', () => {
    assert.deepEqual(rolesFromClaims({ roles: ['User', 'Admin', 'GlobalAdmin', 42, 'Admin'] }), ['User', 'Admin']);
    assert.deepEqual(rolesFromClaims({ roles: 'Admin' }), []);
    assert.deepEqual(rolesFromClaims({}), []);
  });

  it('grants exactly the role held: no role implies another', () => {
    const admin = { roles: ['User', 'Admin'] };
    assert.equal(hasRole(admin, 'Admin'), true);
    assert.equal(hasRole(admin, 'Auditor'), false);
    assert.throws(() => requireRole(admin, 'Auditor', 'view the audit log'), (err: unknown) => err instanceof RoleRequiredError && /Auditor role to view the audit log/.test(err.message));
    assert.doesNotThrow(() => requireRole(admin, 'Admin'));
  });

  it('refuses a role-gated command to users without the role and runs it for those with it', async () => {
    let ran = 0;
    const reload: AgentCommand = { names: ['reload policy'], description: 'Reload the policies', run: async () => void ran++ };
    const roles = new Map([['29:admin', ['User', 'Admin']], ['29:auditor', ['User', 'Auditor']]]);
    const gated = requireRoleForCommand(reload, 'Admin', (c) => roles.get(c.activity.from?.id ?? '') ?? []);
    const auditor = fakeContext({ id: '29:auditor' });
    await gated.run(auditor.context);
    assert.equal(ran, 0);
    assert.match(auditor.sent[0]!, /You need the Admin role to reload the policies/);
    const nobody = fakeContext({ id: '29:someone' });
    await gated.run(nobody.context);
    assert.equal(ran, 0);
    await gated.run(fakeContext({ id: '29:admin' }).context);
    assert.equal(ran, 1);
  });

  it('sign out answers whether there was anything to forget', async () => {
    const signedOut: string[] = [];
    const command = signOutCommand({ signOut: async (actor) => (signedOut.push(actor.userId), { signedOut: actor.userId === '29:a', everywhere: actor.userId !== '29:c' }) });
    const a = fakeContext({ id: '29:a' });
    await command.run(a.context);
    assert.match(a.sent[0]!, /You are signed out/);
    const b = fakeContext({ id: '29:b' });
    await command.run(b.context);
    assert.match(b.sent[0]!, /not signed in/);
    const c = fakeContext({ id: '29:c' });
    await command.run(c.context);
    assert.match(c.sent[0]!, /could not reach my shared store/);
    assert.deepEqual(signedOut, ['29:a', '29:b', '29:c']);
  });

  it('allows only listed tenants, case-insensitively, and nobody when the list is empty', () => {
    const allowed = ['C0A7E5D1-4B2F-4E8A-9C3D-5F6A7B8C9D01'];
    assert.equal(isTenantAllowed('c0a7e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d01', allowed), true);
    assert.equal(isTenantAllowed('fab0e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d02', allowed), false);
    assert.equal(isTenantAllowed(undefined, allowed), false);
    assert.equal(isTenantAllowed('c0a7e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d01', []), false);
    assert.throws(() => assertTenantAllowed('other', allowed), TenantNotAllowedError);
  });
});
