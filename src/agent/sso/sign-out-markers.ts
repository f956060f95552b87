// "Sign out" has to hold on every instance, but SSO tokens stay in each
// instance's memory (a shared table of exchangeable assertions would be the most
// valuable target in the system). So sign-out leaves a marker in the shared
// state store: Entra user → when. A token an instance stored before that time is
// not used again. Tokens live about an hour; the marker lives two.
import { createHash } from 'node:crypto';
import type { StateStore } from '../../state/state-store.js';

const namespace = 'signed-out';
const ttlMs = 2 * 60 * 60_000;

export interface SignedOutUser {
  tenantId?: string;
  aadObjectId?: string;
}

const keyOf = (user: SignedOutUser) => createHash('sha256').update(`${user.tenantId ?? ''}|${user.aadObjectId ?? ''}`.trim().toLowerCase()).digest('base64url');
const parse = (value: unknown): { at: number } => {
  const at = (value as { at?: unknown } | null)?.at;
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new Error('not a sign-out marker');
  return { at };
};

export class SignOutMarkers {
  constructor(private readonly store: StateStore) {}

  /** Records that the user signed out now. Throws StateError when the store fails. */
  async mark(user: SignedOutUser, at = Date.now()): Promise<void> {
    await this.store.put(namespace, keyOf(user), { at }, { ttlMs });
  }

  /** When the user last signed out (within the marker's lifetime), if at all. */
  async signedOutAt(user: SignedOutUser): Promise<number | undefined> {
    return (await this.store.get(namespace, keyOf(user), parse))?.value.at;
  }
}
