// Teams may deliver one signin/tokenExchange several times, to several instances:
// only the first claim of an exchange id is processed; a released claim (the
// exchange failed) can be taken again.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryExchangeClaims } from '../../src/agent/sso/exchange-deduplicator.js';
import { SqliteExchangeClaims } from '../../src/agent/sso/sqlite-exchange-claims.js';

describe('token exchange de-duplication', () => {
  it('lets only the first claim of an exchange id through, per store and across stores sharing a SQLite file', async () => {
    const memory = new InMemoryExchangeClaims();
    assert.equal(await memory.claim('a', 60_000), true);
    assert.equal(await memory.claim('a', 60_000), false);
    assert.equal(await memory.claim('b', 60_000), true);
    await memory.release('a');
    assert.equal(await memory.claim('a', 60_000), true);
    const file = join(mkdtempSync(join(tmpdir(), 'claims-')), 'claims.db');
    const instanceA = new SqliteExchangeClaims(file);
    const instanceB = new SqliteExchangeClaims(file);
    try {
      assert.equal(await instanceA.claim('ex-1', 60_000), true);
      assert.equal(await instanceB.claim('ex-1', 60_000), false);
      assert.equal(await instanceB.claim('ex-2', 60_000), true);
      // An expired claim can be taken again.
      assert.equal(await instanceA.claim('ex-3', -1), true);
      assert.equal(await instanceB.claim('ex-3', 60_000), true);
      // A failed exchange gives its claim up, for the other instance too.
      await instanceB.release('ex-3');
      assert.equal(await instanceA.claim('ex-3', 60_000), true);
    } finally {
      instanceA.close();
      instanceB.close();
    }
  });
});
