import assert from 'node:assert/strict';
import { TokenBucketLimiter } from '../../../src/guard/limits/token-bucket.js';

describe('TokenBucketLimiter', () => {
  it('allows the burst, then refills at the configured rate', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 6, burst: 2, now: () => now });
    assert.equal(limiter.available('u'), true);
    limiter.take('u');
    limiter.take('u');
    assert.equal(limiter.available('u'), false);
    assert.equal(limiter.retryAfterMs('u'), 10_000);
    now = 9_999;
    assert.equal(limiter.available('u'), false);
    now = 10_000;
    assert.equal(limiter.available('u'), true);
  });

  it('keeps keys apart and never exceeds the burst', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1, now: () => now });
    limiter.take('a');
    assert.equal(limiter.available('a'), false);
    assert.equal(limiter.available('b'), true);
    now = 3_600_000;
    limiter.take('a');
    assert.equal(limiter.available('a'), false);
  });

  it('stays within its key budget', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // evicts "a", which comes back full
    assert.equal(limiter.available('a'), true);
  });
});
