// The validated SSO token of each signed-in user, kept in memory. The OBO
// provider needs it as the user assertion; it is never logged. A sign-in is
// bound to one sender: tenant + Entra object id + channel user id (Teams 29:...).
// A lookup has to name all three, so another sender who copies someone's object
// id, or the same object id from another tenant or channel account, finds nothing.
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
  private readonly byBinding = new Map<string, StoredSsoToken>();

  constructor(private readonly maxUsers = 10_000) {}

  put(sender: SenderBinding, validated: ValidatedSsoToken, source: SsoTokenSource): void {
    const key = bindingKey(sender);
    this.byBinding.delete(key);
    this.byBinding.set(key, { validated, source, storedAt: Date.now() });
    while (this.byBinding.size > this.maxUsers) {
      const oldest = this.byBinding.keys().next().value;
      if (oldest === undefined) break;
      this.byBinding.delete(oldest);
    }
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
