import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signerFromPrivateKey, verifierFor } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog, readRecentAuditEntries, type LocalAuditLogOptions } from '../../src/audit/local-audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';

const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const verifier = verifierFor([signer.publicKey]);
const freshDir = () => join(mkdtempSync(join(tmpdir(), 'sta-audit-')), 'nested', 'log');
const open = (dir: string, extra: Partial<LocalAuditLogOptions> = {}) => openLocalAuditLog({ dir, signer, ...extra });
const segmentsOf = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('segment-')).sort();
const linesOf = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');
const writeLines = (path: string, lines: string[]) => writeFileSync(path, lines.join('\n') + '\n');

/** Bytes this process has read through read(2) so far, page cache included (Linux). */
const bytesRead = () => Number(/rchar:\s+(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

describe('local audit log: segments, hash chain, signed checkpoints', () => {
  it('keeps one unbroken chain under 500 concurrent appends, in call order', async () => {
    const dir = freshDir();
    const log = await open(dir, { checkpointEveryRecords: 100 });
    const entries = await Promise.all(Array.from({ length: 500 }, (_, i) => log.append({ turn: i })));
    const seqs = entries.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
    await log.close();
    const verified = await verifyAuditLog(dir, verifier);
    assert.ok(verified.ok, JSON.stringify(verified));
    assert.equal(verified.records, 500);
    assert.ok(verified.checkpoints >= 6, 'an anchor and a checkpoint every 100 records');
    assert.equal(verified.unsignedTail, 0, 'close() signs the tail');
    const recent = await readRecentAuditEntries(dir, 3);
    assert.deepEqual(recent.map((e) => (e.body as { turn: number }).turn), [497, 498, 499]);
  });

  it('signs a quiet log’s newest records within the checkpoint interval, without waiting for N records', async () => {
    const dir = freshDir();
    const log = await open(dir, { checkpointEveryRecords: 1000, checkpointEveryMs: 1000 });
    await log.append({ a: 1 });
    await new Promise((r) => setTimeout(r, 2100));
    const before = await verifyAuditLog(dir, verifier);
    await log.close();
    assert.ok(before.ok);
    assert.equal(before.unsignedTail, 0);
    assert.equal(before.checkpoints, 2, 'the anchor and one timed checkpoint');
  });

  it('continues the chain after a restart, across segment files', async () => {
    const dir = freshDir();
    const first = await open(dir, { segmentMaxBytes: 2048 });
    for (let i = 0; i < 20; i++) await first.append({ a: i, pad: 'x'.repeat(200) });
    await first.close();
    const second = await open(dir, { segmentMaxBytes: 2048 });
    await second.append({ a: 'after restart' });
    await second.close();
    assert.ok(segmentsOf(dir).length > 2);
    const verified = await verifyAuditLog(dir, verifier);
    assert.ok(verified.ok, JSON.stringify(verified));
    assert.equal(verified.records, 21);
  });

  describe('reports the first tampered record', () => {
    let dir: string;
    let path: string;
    let original: string[];
    before(async () => {
      dir = freshDir();
      const log = await open(dir, { checkpointEveryRecords: 3 });
      for (let i = 1; i <= 8; i++) await log.append({ outcome: 'replied', i });
      await log.close();
      path = join(dir, segmentsOf(dir)[0]!);
      original = linesOf(path);
    });
    afterEach(() => writeLines(path, original));
    const recordLine = (i: number) => original.findIndex((l) => l.includes(`"i":${i}}`));

    it('is intact before tampering', async () => {
      assert.ok((await verifyAuditLog(dir, verifier)).ok);
    });

    for (const [name, tamper, kind] of [
      ['an edited field', (l: string[]) => l.map((line, n) => (n === recordLine(4) ? line.replace('"replied"', '"blocked"') : line)), 'altered'],
      ['a deleted record', (l: string[]) => l.filter((_, n) => n !== recordLine(4)), 'deleted'],
      ['an inserted copy of a record', (l: string[]) => [...l.slice(0, recordLine(5) + 1), l[recordLine(4)]!, ...l.slice(recordLine(5) + 1)], 'inserted'],
      ['an inserted forged line', (l: string[]) => [...l.slice(0, recordLine(4)), '{"seq":5,"outcome":"replied"}', ...l.slice(recordLine(4))], 'inserted'],
      ['two records swapped', (l: string[]) => l.map((line, n) => (n === recordLine(4) ? l[recordLine(5)]! : n === recordLine(5) ? l[recordLine(4)]! : line)), 'reordered'],
      ['a checkpoint with a forged signature', (l: string[]) => l.map((line) => (line.includes('"kind":"checkpoint"') ? line.replace(/"sig":"[A-Za-z0-9+/]{4}/, '"sig":"AAAA') : line)), 'altered'],
    ] as const) {
      it(`names ${name}`, async () => {
        writeLines(path, tamper([...original]));
        const result = await verifyAuditLog(dir, verifier);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.problem.kind, kind, JSON.stringify(!result.ok && result.problem));
        assert.equal(!result.ok && result.problem.segment, segmentsOf(dir)[0]);
      });
    }

    it('names a checkpoint re-signed with another key', async () => {
      const other = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
      const forged = await (async () => {
        const d = freshDir();
        const log = await openLocalAuditLog({ dir: d, signer: other });
        await log.close();
        return linesOf(join(d, segmentsOf(d)[0]!))[0]!;
      })();
      // The other log's anchor has its own, valid hash but another signer: first line replaced.
      writeLines(path, [forged, ...original.slice(1)]);
      const result = await verifyAuditLog(dir, verifier);
      assert.equal(result.ok, false);
    });
  });

  it('reports a whole segment deleted from the middle', async () => {
    const dir = freshDir();
    const log = await open(dir, { segmentMaxBytes: 1024 });
    for (let i = 0; i < 12; i++) await log.append({ i, pad: 'y'.repeat(300) });
    await log.close();
    const segments = segmentsOf(dir);
    unlinkSync(join(dir, segments[2]!));
    const result = await verifyAuditLog(dir, verifier);
    assert.equal(!result.ok && result.problem.kind, 'deleted');
  });

  it('prunes whole segments past the retention period and what remains still verifies', async () => {
    const dir = freshDir();
    const log = await open(dir, { segmentMaxBytes: 1024, retentionDays: 30 });
    for (let i = 0; i < 12; i++) await log.append({ i, pad: 'z'.repeat(300) });
    const before = segmentsOf(dir);
    assert.deepEqual(await log.prune(new Date()), [], 'nothing is old yet');
    const removed = await log.prune(new Date(Date.now() + 31 * 86_400_000));
    await log.close();
    assert.deepEqual(removed, before.slice(0, -1), 'every sealed segment, never the open one');
    const result = await verifyAuditLog(dir, verifier);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.pruned, true);
    assert.ok(result.firstSeq > 1);
    const strict = await verifyAuditLog(dir, verifier, { allowPruned: false });
    assert.equal(!strict.ok && strict.problem.kind, 'deleted', 'without retention, missing oldest segments are a deletion');
  });

  it('keeps running on a torn tail: a new segment anchors to the last good entry, verify still reports the break', async () => {
    const dir = freshDir();
    const log = await open(dir);
    await log.append({ a: 1 });
    await log.close();
    const path = join(dir, segmentsOf(dir)[0]!);
    writeFileSync(path, readFileSync(path, 'utf8') + '{"seq":4,"at":"2026-');
    const reopened = await open(dir);
    assert.match(reopened.resumed.recovery ?? '', /incomplete/);
    await reopened.append({ a: 2 });
    await reopened.close();
    assert.equal(segmentsOf(dir).length, 2);
    const result = await verifyAuditLog(dir, verifier);
    assert.equal(!result.ok && result.problem.kind, 'torn');
  });

  it('starts on a 50 MB log reading only its tail', async function () {
    this.timeout(120_000);
    const dir = freshDir();
    const log = await open(dir, { segmentMaxBytes: 256 * 1024 * 1024 });
    const pad = 'p'.repeat(2000);
    for (let batch = 0; batch < 25; batch++) await Promise.all(Array.from({ length: 1000 }, (_, i) => log.append({ turn: batch * 1000 + i, pad })));
    await log.close();
    const size = segmentsOf(dir).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);
    assert.ok(size > 50 * 1024 * 1024, `log is ${size} bytes`);

    const readBefore = bytesRead();
    const heapBefore = process.memoryUsage().heapUsed;
    const reopened = await open(dir, { segmentMaxBytes: 256 * 1024 * 1024 });
    const read = bytesRead() - readBefore;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const next = await reopened.append({ turn: 'next' });
    await reopened.close();
    assert.ok(read < 4 * 1024 * 1024, `start-up read ${read} bytes of a ${size}-byte log`);
    assert.ok(heapGrowth < 32 * 1024 * 1024, `heap grew ${heapGrowth} bytes`);
    assert.ok(next.seq > 25_000);
  });
});
