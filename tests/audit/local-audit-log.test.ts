import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalAuditLog, readRecentAuditEntries, verifyAuditLog } from '../../src/audit/local-audit-log.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'sta-audit-')), 'nested', 'audit.jsonl');

describe('local hash-chained audit log', () => {
  it('keeps one unbroken chain under 500 concurrent appends, in call order', async () => {
    const path = freshPath();
    const log = await openLocalAuditLog(path);
    const entries = await Promise.all(Array.from({ length: 500 }, (_, i) => log.append({ turn: i })));
    assert.deepEqual(entries.map((e) => e.seq), Array.from({ length: 500 }, (_, i) => i + 1));
    const verified = await verifyAuditLog(path);
    assert.ok(verified.ok);
    assert.equal(verified.ok && verified.entries, 500);
    const recent = await readRecentAuditEntries(path, 3);
    assert.deepEqual(recent.map((e) => (e.record as { turn: number }).turn), [497, 498, 499]);
  });

  it('continues the chain after a restart and refuses to extend a tampered one', async () => {
    const path = freshPath();
    const first = await openLocalAuditLog(path);
    await first.append({ a: 1 });
    const second = await openLocalAuditLog(path);
    const entry = await second.append({ a: 2 });
    assert.equal(entry.seq, 2);
    assert.ok((await verifyAuditLog(path)).ok);

    const lines = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, lines[1] + '\n');
    const truncated = await verifyAuditLog(path);
    assert.equal(truncated.ok, false);
    await assert.rejects(openLocalAuditLog(path), /fails verification/);
  });

  it('detects an edited field, a reordered line and garbage', async () => {
    const path = freshPath();
    const log = await openLocalAuditLog(path);
    for (let i = 0; i < 3; i++) await log.append({ outcome: 'replied', i });
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const edited = JSON.parse(lines[2]!);
    edited.record.outcome = 'blocked';
    for (const [variant, brokenAt] of [
      [[lines[0], lines[1], JSON.stringify(edited)], 3],
      [[lines[1], lines[0], lines[2]], 1],
      [[lines[0], '{not json', lines[2]], 2],
    ] as const) {
      writeFileSync(path, variant.join('\n') + '\n');
      const result = await verifyAuditLog(path);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.brokenAt, brokenAt);
    }
  });
});
