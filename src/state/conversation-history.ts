// A conversation's recent turns in the shared state store (namespace `history`):
// what the user said (after the input guards), the tool calls with their results
// and where each result came from (untrusted? which data zone?), and the answer.
// One record per tenant + conversation + user, so no other conversation or user
// ever reads it; changed only by compare-and-swap, so two turns of one
// conversation at once both land; bounded by turns and characters (oldest
// first) and deleted `retentionMs` after the last turn.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StateStore } from './state-store.js';
import { updateRecord } from './update-record.js';

export const HISTORY_NAMESPACE = 'history';

const zone = z.enum(['public', 'internal', 'confidential']);

const historyCall = z.object({
  id: z.string().max(200),
  name: z.string().max(64),
  /** The arguments as the model wrote them (JSON text). */
  arguments: z.string(),
  /** What the model was given back (before spotlighting). */
  result: z.string(),
  /** True when the result came from Graph, a file, mail or a page: it is spotlighted again and taints later turns. */
  untrusted: z.boolean(),
  zone: zone.optional(),
  /** Ids a lookup tool found (the policy's "items the user named"). */
  found: z.array(z.string().max(400)).max(100).optional(),
});

const historyTurn = z.object({
  /** Epoch ms when the turn ended. */
  at: z.number(),
  user: z.string(),
  calls: z.array(historyCall).max(50),
  answer: z.string(),
  /** Untrusted content was in this turn's context (its answer may carry it). */
  tainted: z.boolean(),
  zone: zone.optional(),
});

const historyRecord = z.object({ v: z.literal(1), turns: z.array(historyTurn).max(200) });

export type HistoryCall = z.infer<typeof historyCall>;
export type HistoryTurn = z.infer<typeof historyTurn>;
type HistoryRecord = z.infer<typeof historyRecord>;

/** Whose history: a conversation seen by one user in one tenant. */
export interface ConversationKey {
  tenantId?: string;
  conversationId: string;
  userId: string;
}

export interface HistorySettings {
  maxTurns: number;
  maxChars: number;
  retentionMs: number;
}

/**
 * The record key: a hash of the three ids, so a 10 KB id or one with path
 * characters is one short key, and no id is stored at rest.
 */
export function historyKey(key: ConversationKey): string {
  return createHash('sha256').update(JSON.stringify([key.tenantId ?? '', key.conversationId, key.userId])).digest('base64url');
}

const parseRecord = (value: unknown): HistoryRecord => historyRecord.parse(value);

export class ConversationHistory {
  private readonly now: () => number;

  constructor(
    private readonly store: StateStore,
    readonly settings: HistorySettings,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.settings.maxTurns > 0;
  }

  /** The kept turns, oldest first. A record that does not parse reads as none (the store reports it). Throws StateError when the store fails. */
  async load(key: ConversationKey): Promise<HistoryTurn[]> {
    if (!this.enabled) return [];
    const record = await this.store.get(HISTORY_NAMESPACE, historyKey(key), parseRecord);
    return record ? this.live(record.value.turns) : [];
  }

  /** Adds one finished turn (CAS, retried on a concurrent write); trims to the bounds. */
  async append(key: ConversationKey, turn: HistoryTurn): Promise<void> {
    if (!this.enabled) return;
    const added = this.fit(turn);
    // Read without the schema: a record that does not parse (reported when loaded) is replaced by CAS on its ETag.
    await updateRecord<unknown, void>(
      this.store,
      HISTORY_NAMESPACE,
      historyKey(key),
      (current) => {
        const parsed = historyRecord.safeParse(current);
        const earlier = parsed.success ? this.live(parsed.data.turns) : [];
        return { value: { v: 1, turns: this.bound([...earlier, added]) } satisfies HistoryRecord, result: undefined };
      },
      { ttlMs: this.settings.retentionMs },
    );
  }

  /** Forgets the conversation (reset / forget). True when there was something to forget. */
  async clear(key: ConversationKey): Promise<boolean> {
    return this.store.delete(HISTORY_NAMESPACE, historyKey(key));
  }

  private live(turns: HistoryTurn[]): HistoryTurn[] {
    const since = this.now() - this.settings.retentionMs;
    return turns.filter((t) => t.at >= since).sort((a, b) => a.at - b.at);
  }

  /** Newest turns within maxTurns and maxChars; the oldest go first. */
  private bound(turns: HistoryTurn[]): HistoryTurn[] {
    const kept = turns.slice(-this.settings.maxTurns);
    let total = kept.reduce((sum, t) => sum + turnChars(t), 0);
    while (kept.length > 1 && total > this.settings.maxChars) total -= turnChars(kept.shift()!);
    return kept;
  }

  /** One turn alone never exceeds the budget: long texts are cut (a cut result says so). */
  private fit(turn: HistoryTurn): HistoryTurn {
    const share = Math.max(200, Math.floor(this.settings.maxChars / (2 + turn.calls.length)));
    return {
      ...turn,
      user: cut(turn.user, share),
      answer: cut(turn.answer, share),
      calls: turn.calls.map((c) => ({ ...c, arguments: cut(c.arguments, share), result: cut(c.result, share) })),
    };
  }
}

function turnChars(turn: HistoryTurn): number {
  return turn.user.length + turn.answer.length + turn.calls.reduce((sum, c) => sum + c.arguments.length + c.result.length, 0);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[cut from the history]`;
}
