// Mutable state of the emulated directory: tenants, users, apps and consent.
// Seeded from SeedTenant data; tests change consent through the emulator API.
import type { SeedApp, SeedTenant, SeedUser } from './seed.js';

const key = (tenantId: string, appId: string, oid: string) => `${tenantId}|${appId}|${oid}`.toLowerCase();
const norm = (scope: string) => scope.toLowerCase();

export class Directory {
  private readonly tenants = new Map<string, SeedTenant>();
  private readonly userConsents = new Map<string, Set<string>>();

  constructor(seed: SeedTenant[]) {
    for (const tenant of structuredClone(seed)) {
      this.tenants.set(tenant.id.toLowerCase(), tenant);
      for (const user of tenant.users) {
        for (const app of tenant.apps) this.userConsents.set(key(tenant.id, app.appId, user.oid), new Set((user.consentedScopes ?? []).map(norm)));
      }
    }
  }

  tenant(id: string): SeedTenant | undefined {
    return this.tenants.get(id.toLowerCase());
  }

  allTenants(): SeedTenant[] {
    return [...this.tenants.values()];
  }

  /** Finds a user by UPN or object id in any tenant. */
  findUser(ref: string): { tenant: SeedTenant; user: SeedUser } | undefined {
    const wanted = ref.toLowerCase();
    for (const tenant of this.tenants.values()) {
      const user = tenant.users.find((u) => u.upn.toLowerCase() === wanted || u.oid.toLowerCase() === wanted);
      if (user) return { tenant, user };
    }
    return undefined;
  }

  app(tenant: SeedTenant, appId: string): SeedApp | undefined {
    return tenant.apps.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  }

  /** The first registered app of the first tenant: the bot, in the default seed. */
  primaryApp(): { tenant: SeedTenant; app: SeedApp } | undefined {
    for (const tenant of this.tenants.values()) if (tenant.apps[0]) return { tenant, app: tenant.apps[0] };
    return undefined;
  }

  hasConsent(tenant: SeedTenant, app: SeedApp, oid: string, scope: string): boolean {
    const s = norm(scope);
    if (app.adminConsentedScopes.some((a) => norm(a) === s)) return true;
    return this.userConsents.get(key(tenant.id, app.appId, oid))?.has(s) ?? false;
  }

  consentedScopes(tenant: SeedTenant, app: SeedApp, oid: string): string[] {
    const all = new Map<string, string>();
    for (const s of app.adminConsentedScopes) all.set(norm(s), s);
    for (const s of this.userConsents.get(key(tenant.id, app.appId, oid)) ?? []) if (!all.has(s)) all.set(s, s);
    return [...all.values()];
  }

  grantUserConsent(tenant: SeedTenant, app: SeedApp, oid: string, scopes: string[]): void {
    const k = key(tenant.id, app.appId, oid);
    const set = this.userConsents.get(k) ?? new Set<string>();
    for (const s of scopes) set.add(norm(s));
    this.userConsents.set(k, set);
  }

  revokeUserConsent(tenant: SeedTenant, app: SeedApp, oid: string, scopes?: string[]): void {
    const k = key(tenant.id, app.appId, oid);
    if (!scopes) this.userConsents.delete(k);
    else for (const s of scopes) this.userConsents.get(k)?.delete(norm(s));
  }
}
