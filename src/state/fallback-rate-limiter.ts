// When the shared store is down or slow, rate limiting keeps working on each
// instance's own buckets instead of failing every turn. The error is bounded:
// while the store is out, N instances allow at most N × the limit.
import { StateError } from './state-errors.js';
import type { RateDecision, RateLimiter } from './rate-limiter.js';

export class FallbackRateLimiter implements RateLimiter {
  constructor(
    private readonly shared: RateLimiter,
    private readonly local: RateLimiter,
    /** Told each time the shared limiter could not answer (for a log line or a metric). */
    private readonly onFallback: (err: StateError) => void = () => undefined,
  ) {}

  async consume(key: string, points = 1): Promise<RateDecision> {
    try {
      return await this.shared.consume(key, points);
    } catch (err) {
      if (!(err instanceof StateError) || err.code === 'invalid') throw err;
      this.onFallback(err);
      return this.local.consume(key, points);
    }
  }
}
