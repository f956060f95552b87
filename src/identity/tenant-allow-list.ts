// Tenant allow-list: activities and tokens from other tenants are rejected.
// An empty list allows nobody (fail closed).
import { TenantNotAllowedError } from './identity-errors.js';

const normalise = (id: string) => id.trim().toLowerCase();

export function isTenantAllowed(tenantId: string | undefined, allowed: readonly string[]): boolean {
  if (!tenantId) return false;
  const wanted = normalise(tenantId);
  return allowed.some((t) => normalise(t) === wanted);
}

export function assertTenantAllowed(tenantId: string | undefined, allowed: readonly string[]): void {
  if (!isTenantAllowed(tenantId, allowed)) throw new TenantNotAllowedError();
}
