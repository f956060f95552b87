// The validated SSO token of each signed-in user, kept in memory. The OBO
// provider needs it as the user assertion; it is never logged. Keyed by the
// user's Entra object id, with the channel user id (29:...) as an alias.
import type { ValidatedSsoToken } from '../../identity/sso-token-validator.js';

export type SsoTokenSource = 'teams' | 'dev';

export interface StoredSsoToken {
  validated: ValidatedSsoToken;
  source: SsoTokenSource;
}

export class SsoTokenStore {
  private readonly byOid = new Map<string, StoredSsoToken>();
  private readonly aliases = new Map<string, string>();

  constructor(private readonly maxUsers = 10_000) {}

  put(keys: Array<string | undefined>, validated: ValidatedSsoToken, source: SsoTokenSource): void {
    const oid = validated.oid.toLowerCase();
    this.byOid.delete(oid);
    this.byOid.set(oid, { validated, source });
    for (const key of keys) if (key) this.aliases.set(key.toLowerCase(), oid);
    while (this.byOid.size > this.maxUsers) {
      const oldest = this.byOid.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  get(keys: Array<string | undefined>): StoredSsoToken | undefined {
    for (const key of keys) {
      if (!key) continue;
      const k = key.toLowerCase();
      const hit = this.byOid.get(k) ?? this.byOid.get(this.aliases.get(k) ?? '');
      if (hit) return hit;
    }
    return undefined;
  }

  /** Forgets the user behind any of these keys; returns the object id that was removed. */
  remove(...keys: Array<string | undefined>): string | undefined {
    const stored = this.get(keys);
    if (!stored) return undefined;
    const oid = stored.validated.oid.toLowerCase();
    this.byOid.delete(oid);
    for (const [alias, target] of this.aliases) if (target === oid) this.aliases.delete(alias);
    return oid;
  }
}
