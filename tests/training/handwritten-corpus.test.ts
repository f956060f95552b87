import assert from 'node:assert/strict';
import { readHandwritten, type HandwrittenSet } from '../../scripts/train/handwritten.js';

// The training corpus is data the team wrote by hand; these checks keep it usable:
// labels are binary, texts unique, injections locatable, and a check split exists.
const sets: HandwrittenSet[] = ['user-attacks', 'user-benign', 'user-mixed', 'user-only', 'documents', 'documents-only', 'harm', 'odd-text'];

describe('hand-written training corpus', () => {
  for (const set of sets) {
    it(`${set}: every row has text, a 0/1 label and a kind, and no text repeats`, () => {
      const rows = readHandwritten(set);
      assert.ok(rows.length > 100, `${set} has ${rows.length} rows`);
      const seen = new Set<string>();
      for (const row of rows) {
        assert.equal(typeof row.text, 'string');
        assert.ok(row.text.trim().length > 0);
        assert.ok(row.label === 0 || row.label === 1);
        assert.equal(typeof row.kind, 'string');
        assert.ok(!seen.has(row.text), `duplicate: ${row.text.slice(0, 60)}`);
        seen.add(row.text);
      }
    });
    it(`${set}: sets about a fifth of the rows aside as a check split, stable per text`, () => {
      const rows = readHandwritten(set);
      const share = rows.filter((r) => r.split === 'check').length / rows.length;
      assert.ok(share > 0.12 && share < 0.28, `check share ${share.toFixed(3)}`);
      assert.deepEqual(readHandwritten(set).map((r) => r.split), rows.map((r) => r.split));
    });
  }
  it('documents: every injected document names its injection, found verbatim in the text', () => {
    for (const row of [...readHandwritten('documents'), ...readHandwritten('documents-only')].filter((r) => r.label === 1)) {
      assert.ok(row.injection && row.text.includes(row.injection), `kind ${row.kind}`);
    }
  });
  it('both labels are present wherever a set mixes them', () => {
    for (const set of ['user-mixed', 'user-only', 'documents', 'documents-only', 'harm'] as const) {
      const labels = new Set(readHandwritten(set).map((r) => r.label));
      assert.deepEqual([...labels].sort(), [0, 1], set);
    }
  });
});
