// Read-modify-write with compare-and-swap: the way to change a shared record
// (a counter, a token bucket) without losing a concurrent instance's update.
import { StateError, isStateConflict } from './state-errors.js';
import { checkPutOptions, type StateStore, type ValueParser, type WriteDurability } from './state-store.js';

export interface UpdateOptions<T> {
  /** TTL applied to the written record. */
  ttlMs?: number;
  parse?: ValueParser<T>;
  /** 'relaxed': the backend may commit without waiting for the disk (see WriteDurability). */
  durability?: WriteDurability;
  /** Attempts before giving up with a 'conflict' StateError (hot keys under heavy contention). */
  maxAttempts?: number;
  /** Upper bound of the random pause between attempts. */
  maxBackoffMs?: number;
}

/**
 * Applies `change` to the current value (undefined when absent) until the write
 * wins. `change` may run more than once, so it must be free of side effects;
 * returning `value: undefined` means "nothing to write" (a read-only outcome).
 */
export async function updateRecord<T, R = T>(
  store: StateStore,
  namespace: string,
  key: string,
  change: (current: T | undefined) => { value: T | undefined; result: R },
  options: UpdateOptions<T> = {},
): Promise<R> {
  if (options.ttlMs !== undefined) checkPutOptions({ ttlMs: options.ttlMs });
  // One transaction where the backend has them: no second read inside the write, no retries.
  if (store.update) return store.update<T, R>(namespace, key, change, { ttlMs: options.ttlMs, parse: options.parse, durability: options.durability });
  const attempts = options.maxAttempts ?? 20;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const current = await store.get<T>(namespace, key, options.parse);
    const { value, result } = change(current?.value);
    if (value === undefined) return result;
    try {
      await store.put(namespace, key, value, current ? { ifMatch: current.etag, ttlMs: options.ttlMs } : { ifNoneMatch: '*', ttlMs: options.ttlMs });
      return result;
    } catch (err) {
      if (!isStateConflict(err)) throw err;
      // Jittered back-off spreads the retries of instances that collided.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(options.maxBackoffMs ?? 50, 2 * attempt * attempt)));
    }
  }
  throw new StateError('conflict', `gave up after ${attempts} conflicting writes`, store.backend);
}
