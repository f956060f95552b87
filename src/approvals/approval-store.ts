// Approvals in the shared state layer: create-only, then every state change is
// one compare-and-swap on the record's ETag. Whoever loses a race reads the
// winner's state and never acts. An index of open approvals lets any instance
// find what to expire or to finish after a restart (the store has no queries).
import { StateError, isStateConflict } from '../state/state-errors.js';
import type { StateStore } from '../state/state-store.js';
import { updateRecord } from '../state/update-record.js';
import { approvalRecordSchema, isFinal, type ApprovalRecord, type ApprovalState } from './approval-record.js';

const ns = 'approval';
const indexNs = 'approval-open';
const indexKey = 'open';
/** Final records stay readable this long after expiry (cards refreshed late, audit look-ups). */
const keepFinalMs = 7 * 24 * 3600_000;
const maxOpen = 5000;

export type TransitionResult = { ok: true; record: ApprovalRecord } | { ok: false; reason: 'missing' | 'state'; record?: ApprovalRecord };

export class ApprovalStore {
  constructor(
    readonly state: StateStore,
    private readonly now: () => number = Date.now,
  ) {}

  async create(record: ApprovalRecord): Promise<void> {
    await this.addToIndex(record.id);
    await this.state.put(ns, record.id, approvalRecordSchema.parse(record), { ifNoneMatch: '*', ttlMs: this.ttlOf(record) });
  }

  async get(id: string): Promise<ApprovalRecord | undefined> {
    return (await this.state.get(ns, id, approvalRecordSchema.parse))?.value;
  }

  /**
   * Moves the record from one of `from` to the state `change` sets, only if nobody changed it
   * since it was read. One read, one conditional write: a lost race is reported, not retried,
   * because the winner's decision stands. `when` adds a condition on the record read (e.g. a lease ran out).
   */
  async transition(id: string, from: readonly ApprovalState[], change: (r: ApprovalRecord) => ApprovalRecord, when?: (r: ApprovalRecord) => boolean): Promise<TransitionResult> {
    const current = await this.state.get(ns, id, approvalRecordSchema.parse);
    if (!current) return { ok: false, reason: 'missing' };
    if (!from.includes(current.value.state) || (when && !when(current.value))) return { ok: false, reason: 'state', record: current.value };
    const next = approvalRecordSchema.parse(change(structuredClone(current.value)));
    try {
      await this.state.put(ns, id, next, { ifMatch: current.etag, ttlMs: this.ttlOf(next) });
    } catch (err) {
      if (!isStateConflict(err)) throw err;
      const winner = await this.get(id);
      return { ok: false, reason: winner ? 'state' : 'missing', record: winner };
    }
    if (isFinal(next.state)) await this.removeFromIndex(id).catch(() => undefined);
    return { ok: true, record: next };
  }

  /** Changes fields that are not the state (e.g. where the cards were posted), with retries on conflict. */
  async annotate(id: string, change: (r: ApprovalRecord) => void): Promise<ApprovalRecord | undefined> {
    return updateRecord<ApprovalRecord, ApprovalRecord | undefined>(
      this.state,
      ns,
      id,
      (current) => {
        if (!current) return { value: undefined, result: undefined };
        const next = structuredClone(current);
        change(next);
        return { value: next, result: next };
      },
      { parse: approvalRecordSchema.parse },
    );
  }

  /** Ids of approvals that were not final when last seen. */
  async openIds(): Promise<string[]> {
    return (await this.state.get<{ ids: string[] }>(indexNs, indexKey))?.value.ids ?? [];
  }

  async removeFromIndex(id: string): Promise<void> {
    await updateRecord<{ ids: string[] }, void>(this.state, indexNs, indexKey, (current) => {
      if (!current || !current.ids.includes(id)) return { value: undefined, result: undefined };
      return { value: { ids: current.ids.filter((i) => i !== id) }, result: undefined };
    });
  }

  private async addToIndex(id: string): Promise<void> {
    await updateRecord<{ ids: string[] }, void>(this.state, indexNs, indexKey, (current) => {
      const ids = current?.ids ?? [];
      if (ids.length >= maxOpen) throw new StateError('too-large', 'too many open approvals', this.state.backend);
      return { value: { ids: [...ids, id] }, result: undefined };
    });
  }

  private ttlOf(record: ApprovalRecord): number {
    return Math.max(60_000, Date.parse(record.expiresAt) - this.now() + keepFinalMs);
  }
}
