// Keeps one canary per conversation and hands out a fresh PromptSession per
// turn (so concurrent turns of one conversation never share a boundary
// marker). The canary (from which the prompt's rule ids are derived) lives in
// the shared state store, created once: the first instance to start a
// conversation writes it create-only, every other instance reads that one, so
// a conversation keeps its canary when its turns move between instances or an
// instance restarts. Each instance keeps the canaries it used in an LRU cache:
// a canary never changes once created.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createLogger } from '../logging/logger.js';
import { MemoryStateStore } from '../state/memory-state-store.js';
import { StateError, isStateConflict } from '../state/state-errors.js';
import type { StateStore } from '../state/state-store.js';
import { isCanary, newCanary } from './canary.js';
import { createPromptSession, type PromptSession, type PromptSessionOptions } from './prompt-session.js';
import { loadSystemPromptTemplate } from './system-prompt.js';

const log = createLogger('prompt');
const namespace = 'canary';

export interface PromptSessionStoreOptions extends Omit<PromptSessionOptions, 'canary'> {
  /** Where canaries are shared between instances; default: this process's memory. */
  state?: StateStore;
  /** Canaries this instance keeps in memory; the least recently used is forgotten first (and read again from the store). */
  maxConversations?: number;
  /** How long a conversation keeps its canary after its last use (refreshed on use). */
  ttlMs?: number;
  now?: () => number;
}

export interface PromptSessionStore {
  /** A new session for one turn of this conversation, carrying the conversation's canary. */
  session(conversationId: string): Promise<PromptSession>;
  /** The conversation's canary, if it has one (for audits and guards). */
  canaryOf(conversationId: string): Promise<string | undefined>;
}

const parseCanary = (value: unknown): string => {
  if (typeof value !== 'string' || !isCanary(value)) throw new Error('not a canary');
  return value;
};
/** Conversation ids are free text from the channel: only a hash is stored. */
const storedKey = (conversationId: string) => createHash('sha256').update(conversationId).digest('base64url');

export function createPromptSessionStore(options: PromptSessionStoreOptions = {}): PromptSessionStore {
  const { maxConversations = 10_000, ttlMs = 30 * 24 * 60 * 60_000, state = new MemoryStateStore(), now = Date.now, ...sessionOptions } = options;
  const template = sessionOptions.template ?? loadSystemPromptTemplate();
  // Kept locally well within the stored TTL, so a use on this instance refreshes the record now and then.
  const cache = new LRUCache<string, string>({ max: Math.max(1, maxConversations), ttl: Math.min(ttlMs / 2, 60 * 60_000) });

  const stored = async (key: string): Promise<string | undefined> => {
    const record = await state.get(namespace, key, parseCanary);
    if (!record) return undefined;
    // Refresh on use: a conversation that goes on keeps its canary (a lost race changes nothing).
    if (record.expiresAt !== undefined && record.expiresAt - now() < ttlMs / 2) {
      await state.put(namespace, key, record.value, { ifMatch: record.etag, ttlMs }).catch((err: unknown) => {
        if (!isStateConflict(err)) throw err;
      });
    }
    return record.value;
  };

  const canaryFor = async (conversationId: string): Promise<string> => {
    const id = String(conversationId ?? '');
    const cached = cache.get(id);
    if (cached) return cached;
    const key = storedKey(id);
    try {
      let canary = await stored(key);
      for (let attempt = 0; !canary && attempt < 3; attempt++) {
        const candidate = newCanary();
        try {
          await state.put(namespace, key, candidate, { ifNoneMatch: '*', ttlMs });
          canary = candidate;
        } catch (err) {
          // Another instance started the same conversation first: use its canary.
          if (!isStateConflict(err)) throw err;
          canary = await stored(key);
        }
      }
      if (!canary) throw new StateError('conflict', 'the conversation canary kept changing');
      cache.set(id, canary);
      return canary;
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      // The turn goes on with a canary of this instance (leaks in this turn are still caught);
      // kept briefly, so the conversation rejoins the shared one once the store answers.
      log.warn('conversation canary not shared; this instance uses its own for now', { code: err.code, backend: err.backend });
      const local = newCanary();
      cache.set(id, local, { ttl: 60_000 });
      return local;
    }
  };

  return {
    session: async (conversationId) => createPromptSession({ ...sessionOptions, template, canary: await canaryFor(conversationId) }),
    canaryOf: async (conversationId) => cache.get(String(conversationId ?? '')) ?? (await stored(storedKey(String(conversationId ?? ''))).catch(() => undefined)),
  };
}
