// Questions held until sign-in, in the shared state store: 15-minute TTL,
// taken exactly once when several instances race for them.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaitingQuestions } from '../../src/agent/waiting-questions.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';

describe('waiting questions (state store)', () => {
  it('expire after 15 minutes', async () => {
    let now = 1_000_000;
    const waiting = new WaitingQuestions(new MemoryStateStore({ now: () => now }));
    await waiting.hold('tenant|oid|29:megan|conv', { text: 'budget?', demand: { claims: '{"access_token":{}}', scopes: ['Files.Read'] } });
    now += 15 * 60_000 - 1;
    assert.deepEqual(await waiting.peek('tenant|oid|29:megan|conv'), { text: 'budget?', demand: { claims: '{"access_token":{}}', scopes: ['Files.Read'] } });
    now += 2;
    assert.equal(await waiting.take('tenant|oid|29:megan|conv'), undefined);
  });

  it('are taken by exactly one of two instances racing on one SQLite file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'waiting-')), 'state.db');
    const [a, b] = [new SqliteStateStore({ path: file }), new SqliteStateStore({ path: file })];
    const [wa, wb] = [new WaitingQuestions(a), new WaitingQuestions(b)];
    for (let i = 0; i < 20; i++) {
      await wa.hold(`k${i}`, { text: `q${i}` });
      const taken = (await Promise.all([wa.take(`k${i}`), wb.take(`k${i}`)])).filter(Boolean);
      assert.deepEqual(taken, [{ text: `q${i}` }]);
    }
    await a.close();
    await b.close();
  });
});
