// Teams may deliver the same signin/tokenExchange invoke more than once (retries,
// several open clients) and, behind a load balancer, to several instances. A claim
// on the exchange id is held while one copy is being processed and kept only when
// that copy signed the user in: a failed exchange (a garbage token, say) releases
// it, so the genuine retry with the same id still works. The claims live in the
// shared state store (create-only record with a TTL), so every instance sees them.
import { createHash } from 'node:crypto';
import { createLogger } from '../../logging/logger.js';
import { claimOnce } from '../../state/claim-once.js';
import { StateError } from '../../state/state-errors.js';
import type { StateStore } from '../../state/state-store.js';

const log = createLogger('identity.sso');
const namespace = 'sso-exchange';

export interface ExchangeClaimStore {
  /** True when this call is the first to claim the key within the TTL. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim up (the exchange failed), so a retry with the same key is processed. */
  release(key: string): Promise<void>;
}

/** Keys name the sender and conversation: only a hash is stored. */
const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

const isOutage = (err: unknown): err is StateError => err instanceof StateError && err.code !== 'invalid' && err.code !== 'conflict';

export class StateExchangeClaims implements ExchangeClaimStore {
  constructor(private readonly store: StateStore) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      return await claimOnce(this.store, namespace, storedKey(key), ttlMs);
    } catch (err) {
      // Store down: processing a copy twice costs one more OBO call; refusing would lock the user out.
      if (!isOutage(err)) throw err;
      log.warn('exchange de-duplication unavailable; processing this copy', { code: err.code, backend: err.backend });
      return true;
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.store.delete(namespace, storedKey(key));
    } catch (err) {
      // The claim still expires with its TTL; a retry before then is answered as a duplicate.
      if (!isOutage(err)) throw err;
      log.warn('exchange claim could not be released', { code: err.code, backend: err.backend });
    }
  }
}
