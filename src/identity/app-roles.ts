// App roles declared in the Entra app manifest (infra/entra/app-manifest.json)
// and carried in the `roles` claim of the user's token. No role implies
// another: each gated command names exactly the role it needs.
import { RoleRequiredError } from './identity-errors.js';

export const appRoles = ['User', 'Approver', 'Auditor', 'Admin'] as const;
export type AppRole = (typeof appRoles)[number];

/** Known app roles from a token's `roles` claim; unknown values are dropped. */
export function rolesFromClaims(claims: { roles?: unknown }): AppRole[] {
  if (!Array.isArray(claims.roles)) return [];
  const found = new Set<AppRole>();
  for (const r of claims.roles) if (typeof r === 'string' && (appRoles as readonly string[]).includes(r)) found.add(r as AppRole);
  return [...found];
}

export function hasRole(actor: { roles: readonly string[] }, role: AppRole): boolean {
  return actor.roles.includes(role);
}

/** Throws RoleRequiredError (a user-safe message) unless the actor has the role. */
export function requireRole(actor: { roles: readonly string[] }, role: AppRole, action = 'do this'): void {
  if (!hasRole(actor, role)) throw new RoleRequiredError(role, action);
}
