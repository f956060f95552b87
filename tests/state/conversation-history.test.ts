// The conversation history over a state store: bounds (turns, characters, oldest
// first), retention, isolation by key, and no lost update under concurrent appends
// (on the embedded SQLite store, two processes' worth of writers on one file).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationHistory, HISTORY_NAMESPACE, historyKey, type HistoryTurn } from '../../src/state/conversation-history.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';

const key = { tenantId: 't1', conversationId: 'c1', userId: 'u1' };
const turn = (user: string, at: number, extra: Partial<HistoryTurn> = {}): HistoryTurn => ({ at, user, calls: [], answer: `answer to ${user}`, tainted: false, ...extra });

describe('conversation history (state layer)', () => {
  it('keeps the newest turns within the turn bound, oldest first', async () => {
    let now = 1_000_000;
    const history = new ConversationHistory(new MemoryStateStore({ now: () => now }), { maxTurns: 3, maxChars: 10_000, retentionMs: 3_600_000 }, { now: () => now });
    for (let i = 1; i <= 5; i++) await history.append(key, turn(`q${i}`, (now += 1000)));
    assert.deepEqual((await history.load(key)).map((t) => t.user), ['q3', 'q4', 'q5']);
  });

  it('drops the oldest turns to stay within the character bound, and cuts a single oversized turn', async () => {
    const history = new ConversationHistory(new MemoryStateStore(), { maxTurns: 10, maxChars: 1000, retentionMs: 3_600_000 });
    const at = Date.now();
    // About 400 characters a turn: two fit in 1000.
    for (let i = 1; i <= 4; i++) await history.append(key, turn(`q${i} ${'x'.repeat(390)}`, at + i, { answer: 'ok' }));
    const kept = await history.load(key);
    assert.deepEqual(kept.map((t) => t.user.slice(0, 2)), ['q3', 'q4']);
    await history.append(key, turn('big', at + 10, { calls: [{ id: 'c', name: 'read_file', arguments: '{}', result: 'y'.repeat(50_000), untrusted: true, zone: 'confidential' }] }));
    const [last] = (await history.load(key)).slice(-1);
    assert.ok(last!.calls[0]!.result.length < 1000);
    assert.match(last!.calls[0]!.result, /\[cut from the history\]$/);
    assert.equal(last!.calls[0]!.zone, 'confidential');
  });

  it('forgets turns older than the retention, and the record expires with it', async () => {
    let now = 5_000_000;
    const store = new MemoryStateStore({ now: () => now });
    const history = new ConversationHistory(store, { maxTurns: 10, maxChars: 10_000, retentionMs: 60_000 }, { now: () => now });
    await history.append(key, turn('old', now));
    now += 30_000;
    await history.append(key, turn('newer', now));
    now += 40_000;
    assert.deepEqual((await history.load(key)).map((t) => t.user), ['newer']);
    now += 61_000;
    assert.deepEqual(await history.load(key), []);
    assert.equal(await store.get(HISTORY_NAMESPACE, historyKey(key)), undefined);
  });

  it('keys by tenant, conversation and user, hashed (a 10 KB or path-like id is one short key)', async () => {
    const history = new ConversationHistory(new MemoryStateStore(), { maxTurns: 10, maxChars: 10_000, retentionMs: 3_600_000 });
    await history.append(key, turn('mine', Date.now()));
    for (const other of [{ ...key, userId: 'u2' }, { ...key, conversationId: 'c2' }, { ...key, tenantId: 't2' }, { conversationId: 'c1', userId: 'u1' }]) assert.deepEqual(await history.load(other), []);
    const long = { ...key, conversationId: `../${'x'.repeat(10_240)}/?#\\` };
    assert.match(historyKey(long), /^[A-Za-z0-9_-]{43}$/);
    await history.append(long, turn('long', Date.now()));
    assert.equal((await history.load(long))[0]?.user, 'long');
    assert.equal(await history.clear(long), true);
    assert.deepEqual(await history.load(long), []);
  });

  it('loses no turn when several writers append to one conversation at once (SQLite, CAS)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sta-history-')), 'state.db');
    const stores = [new SqliteStateStore({ path, timeoutMs: 5000 }), new SqliteStateStore({ path, timeoutMs: 5000 })];
    try {
      const histories = stores.map((s) => new ConversationHistory(s, { maxTurns: 50, maxChars: 100_000, retentionMs: 3_600_000 }));
      const at = Date.now();
      await Promise.all(Array.from({ length: 12 }, (_, i) => histories[i % 2]!.append(key, turn(`q${i}`, at + i))));
      assert.equal((await histories[0]!.load(key)).length, 12);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('is off with zero turns: nothing is read or written', async () => {
    const store = new MemoryStateStore();
    const history = new ConversationHistory(store, { maxTurns: 0, maxChars: 10_000, retentionMs: 3_600_000 });
    await history.append(key, turn('q', Date.now()));
    assert.equal(await store.get(HISTORY_NAMESPACE, historyKey(key)), undefined);
    assert.deepEqual(await history.load(key), []);
  });
});
