// Teams may deliver the same signin/tokenExchange invoke more than once (retries,
// several open clients) and, behind a load balancer, to several instances. A claim
// on the exchange id is held while one copy is being processed and kept only when
// that copy signed the user in: a failed exchange (a garbage token, say) releases
// it, so the genuine retry with the same id still works. The in-memory store covers
// one instance; a shared store (SQLite file, or any store with an atomic
// insert-if-absent and a delete) covers several.

export interface ExchangeClaimStore {
  /** True when this call is the first to claim the key within the TTL. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim up (the exchange failed), so a retry with the same key is processed. */
  release(key: string): Promise<void>;
}

export class InMemoryExchangeClaims implements ExchangeClaimStore {
  private readonly claims = new Map<string, number>();

  constructor(private readonly maxEntries = 50_000) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const until = this.claims.get(key);
    if (until !== undefined && until > now) return false;
    this.claims.set(key, now + ttlMs);
    if (this.claims.size > this.maxEntries) {
      for (const [k, v] of this.claims) {
        if (v <= now || this.claims.size > this.maxEntries) this.claims.delete(k);
        if (this.claims.size <= this.maxEntries * 0.9) break;
      }
    }
    return true;
  }

  async release(key: string): Promise<void> {
    this.claims.delete(key);
  }
}
