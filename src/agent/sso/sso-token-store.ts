// The validated SSO token of each signed-in user, kept in memory. The OBO
// provider needs it as the user assertion; it is never logged. A sign-in is
// bound to one sender: tenant + Entra object id + channel user id (Teams 29:...).
// A lookup has to name all three, so another sender who copies someone's object
// id, or the same object id from another tenant or channel account, finds nothing.
import { LRUCache } from 'lru-cache';
import type { ValidatedSsoToken } from '../../identity/sso-token-validator.js';

export type SsoTokenSource = 'teams' | 'dev';

export interface StoredSsoToken {
  validated: ValidatedSsoToken;
  source: SsoTokenSource;
  /** When this instance stored it (compared with a sign-out marker from any instance). */
  storedAt: number;
}

/** Who a sign-in belongs to, as the activity names the sender. */
export interface SenderBinding {
  tenantId?: string;
  aadObjectId?: string;
  userId: string;
}

export function bindingKey(sender: SenderBinding): string {
  return [sender.tenantId ?? '', sender.aadObjectId ?? '', sender.userId].map((part) => part.trim().toLowerCase()).join('|');
}

export class SsoTokenStore {
  /** Least recently used sign-ins are forgotten first (that user is asked to sign in again). */
  private readonly byBinding: LRUCache<string, StoredSsoToken>;

  constructor(maxUsers = 10_000) {
    this.byBinding = new LRUCache({ max: maxUsers });
  }

  put(sender: SenderBinding, validated: ValidatedSsoToken, source: SsoTokenSource): void {
    this.byBinding.set(bindingKey(sender), { validated, source, storedAt: Date.now() });
  }

  get(sender: SenderBinding): StoredSsoToken | undefined {
    return this.byBinding.get(bindingKey(sender));
  }

  /** Forgets the sender's sign-in; returns what was removed. */
  remove(sender: SenderBinding): StoredSsoToken | undefined {
    const key = bindingKey(sender);
    const stored = this.byBinding.get(key);
    this.byBinding.delete(key);
    return stored;
  }
}
