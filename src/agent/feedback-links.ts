// Which turn a reply answered: the reply's activity id (the id the channel gave
// the sent message) → the turn id and whose turn it was. Teams sends feedback on
// a reply with that id as replyToId, so the feedback reaches the AgentTurn it is
// about, on whichever instance it lands. Kept in the shared state store; keys and
// users are hashed (no conversation or user ids at rest).
import { createHash } from 'node:crypto';
import type { TurnActor, TurnRecord } from '../audit/turn-record.js';
import { createLogger } from '../logging/logger.js';
import { StateError } from '../state/state-errors.js';
import type { StateStore } from '../state/state-store.js';

const log = createLogger('feedback');
const namespace = 'feedback-link';
/** Teams keeps the buttons on old messages: feedback may come weeks later. */
const defaultTtlMs = 30 * 24 * 60 * 60_000;

interface FeedbackLink {
  turnId: string;
  operationId: string;
  /** Hash of the tenant and user who asked: only they may rate the answer. */
  user: string;
}

export type FeedbackLookup = { found: false } | { found: true; link: FeedbackLink; sameUser: boolean };

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
const keyOf = (conversationId: string, replyId: string) => sha(`${conversationId}\n${replyId}`);
const userOf = (actor: TurnActor) => sha(`${actor.tenantId ?? ''}\n${actor.aadObjectId ?? actor.userId}`);

const parseLink = (value: unknown): FeedbackLink => {
  const v = value as Partial<FeedbackLink> | null;
  if (!v || typeof v.turnId !== 'string' || typeof v.operationId !== 'string' || typeof v.user !== 'string') throw new Error('not a feedback link');
  return { turnId: v.turnId, operationId: v.operationId, user: v.user };
};

export class FeedbackLinks {
  constructor(
    private readonly store: StateStore,
    private readonly ttlMs = defaultTtlMs,
  ) {}

  /** Best effort: a store failure costs the link, never the reply. */
  async remember(conversationId: string, replyId: string, record: Pick<TurnRecord, 'correlationId' | 'operationId' | 'actor'>): Promise<void> {
    const link: FeedbackLink = { turnId: record.correlationId, operationId: record.operationId, user: userOf(record.actor) };
    try {
      await this.store.put(namespace, keyOf(conversationId, replyId), link, { ttlMs: this.ttlMs });
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      log.warn('feedback link not kept', { code: err.code, backend: err.backend, correlationId: record.correlationId });
    }
  }

  /** The turn the reply in this conversation answered, and whether this actor asked it. */
  async find(conversationId: string, replyId: string, actor: TurnActor): Promise<FeedbackLookup> {
    try {
      const record = await this.store.get(namespace, keyOf(conversationId, replyId), parseLink);
      if (!record) return { found: false };
      return { found: true, link: record.value, sameUser: record.value.user === userOf(actor) };
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      log.warn('feedback link unavailable', { code: err.code, backend: err.backend });
      return { found: false };
    }
  }
}
