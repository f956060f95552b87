// The independent proxy and calibration sets are hand-maintained JSONL: a
// malformed row would silently drop out of eval:guards or calibrate.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROXY_SETS, proxyFile } from '../../../bench/detectors/proxy-sets.js';

interface Row { id?: unknown; task?: unknown; channel?: unknown; label?: unknown; family?: unknown; text?: unknown }
const rowsOf = (name: string): Row[] => readFileSync(proxyFile(name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);

describe('independent proxy sets', () => {
  for (const name of [...PROXY_SETS, 'calibration-documents', 'workplace-harm-check']) {
    it(`${name}: every row is well-formed and its id unique`, () => {
      const rows = rowsOf(name);
      assert.ok(rows.length >= 60, `${name} has ${rows.length} rows`);
      const ids = new Set<unknown>();
      for (const r of rows) {
        const where = `${name} ${String(r.id)}`;
        assert.ok(['attack', 'harm'].includes(r.task as string), where);
        assert.ok(['user', 'document'].includes(r.channel as string), where);
        assert.ok(r.label === 0 || r.label === 1, where);
        assert.ok(typeof r.family === 'string' && r.family.length > 0, where);
        assert.ok(typeof r.text === 'string' && r.text.trim().length > 0, where);
        if (r.id !== undefined) {
          assert.ok(!ids.has(r.id), `duplicate id ${where}`);
          ids.add(r.id);
        }
      }
    });
  }

  it('the calibration documents are clean documents only', () => {
    for (const r of rowsOf('calibration-documents')) assert.ok(r.task === 'attack' && r.channel === 'document' && r.label === 0, String(r.id));
  });
});
