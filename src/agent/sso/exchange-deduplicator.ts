// Teams may deliver the same signin/tokenExchange invoke more than once (retries,
// several open clients) and, behind a load balancer, to several instances. Only
// the first claim of an exchange id is processed. The in-memory store covers one
// instance; give a shared store (Redis, Azure Table with conditional insert) when
// running more than one.

export interface ExchangeClaimStore {
  /** True when this call is the first to claim the key within the TTL. */
  claim(key: string, ttlMs: number): Promise<boolean>;
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
}
