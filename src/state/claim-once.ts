// "Only the first one does it": a create-only record with a TTL. Used for
// exchange de-duplication (the same signin/tokenExchange delivered to several
// instances) and for exactly-once steps such as executing an approval.
import { isStateConflict } from './state-errors.js';
import type { StateStore } from './state-store.js';

/** True when this call is the first to claim `key` within `ttlMs` on any instance sharing the store. */
export async function claimOnce(store: StateStore, namespace: string, key: string, ttlMs: number): Promise<boolean> {
  try {
    await store.put(namespace, key, { claimedAt: Date.now() }, { ifNoneMatch: '*', ttlMs });
    return true;
  } catch (err) {
    if (isStateConflict(err)) return false;
    throw err;
  }
}
