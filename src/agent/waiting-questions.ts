// Questions that could not be answered until the user signed in: one per sender
// and conversation (the newest wins). They live in the shared state store with
// a 15-minute TTL, because the sign-in may land on another instance than the
// question. `take` deletes with If-Match, so exactly one instance answers it.
// The key is the sender's binding (tenant, object id, channel user id) and the
// conversation, so only the same sender's sign-in releases it; only its hash is stored.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isStateConflict } from '../state/state-errors.js';
import type { StateStore } from '../state/state-store.js';

export interface WaitingQuestion {
  text: string;
  /** The claims a resource asked for (conditional access) that the next sign-in has to meet. */
  demand?: { claims: string; scopes: string[] };
}

const namespace = 'waiting-question';
const questionSchema = z.object({
  text: z.string().max(100_000),
  demand: z.object({ claims: z.string().max(20_000), scopes: z.array(z.string().max(500)).max(50) }).optional(),
});
const parse = (value: unknown): WaitingQuestion => questionSchema.parse(value);
const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

export class WaitingQuestions {
  constructor(
    private readonly store: StateStore,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  /** Keeps the question (replacing an older one of the same sender and conversation). Throws StateError when the store fails. */
  async hold(key: string, question: WaitingQuestion): Promise<void> {
    await this.store.put(namespace, storedKey(key), question, { ttlMs: this.ttlMs });
  }

  /** The waiting question, left in place (e.g. to read what the sign-in must meet). */
  async peek(key: string): Promise<WaitingQuestion | undefined> {
    return (await this.store.get(namespace, storedKey(key), parse))?.value;
  }

  /** The waiting question, removed so it is answered at most once across every instance. */
  async take(key: string): Promise<WaitingQuestion | undefined> {
    const k = storedKey(key);
    // A conflict means another instance took it, or a newer question replaced it: read again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const record = await this.store.get(namespace, k, parse);
      if (!record) return undefined;
      try {
        if (await this.store.delete(namespace, k, { ifMatch: record.etag })) return record.value;
      } catch (err) {
        if (!isStateConflict(err)) throw err;
      }
    }
    return undefined;
  }
}
