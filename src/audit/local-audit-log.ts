// Append-only, hash-chained audit log in segment files. Every entry carries the
// SHA-256 of the one before it (across segments); a signed checkpoint every N
// records or minutes, and a signed anchor opening each segment, fix the chain
// head with the key from configuration. Start-up reads only the tail of the
// newest segment (from its last checkpoint), so it takes the same time and
// memory whatever the log's size. Writes are serialised in-process and grouped per
// pass of the event loop.
import { writeSync } from 'node:fs';
import { mkdir, open, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { checkpointMessage, decodeEntry, encodeEntry, GENESIS, type AuditEntry, type CheckpointBody, type EntryKind } from './audit-entry.js';
import { verifierFor, type CheckpointSigner } from './checkpoint-signer.js';
import { listSegments, readFirstLine, readLinesBackwards, segmentFileName, type SegmentFile } from './segment-files.js';
import { checkTail } from './verify-audit-log.js';

export interface LocalAuditLogOptions {
  dir: string;
  signer: CheckpointSigner;
  checkpointEveryRecords?: number;
  checkpointEveryMs?: number;
  /** A segment is sealed and a new one started past this size, and at each UTC day change. */
  segmentMaxBytes?: number;
  /** Whole sealed segments older than this are deleted; 0 keeps everything. */
  retentionDays?: number;
  /** How far back start-up reads to find the last checkpoint (bounds start-up time and memory). */
  tailWindowBytes?: number;
  /** Retention deletes a sealed segment only when this agrees (e.g. it is in the archive). */
  canPrune?: (segmentName: string) => Promise<boolean>;
}

export interface LocalAuditLog {
  readonly dir: string;
  /** Id of the key that signs checkpoints (hash of its public key). */
  readonly keyId: string;
  /** How the log resumed at start-up: the tail check, and whether a new segment had to be started. */
  readonly resumed: { seq: number; tailChecked: number; recovery?: string };
  append(record: unknown): Promise<AuditEntry>;
  /** Writes a signed checkpoint now if records were added since the last one. */
  checkpoint(): Promise<void>;
  /** The newest `count` records, newest last, read backwards from the end (never the whole log). */
  recent(count: number, query?: RecentQuery): Promise<AuditEntry[]>;
  /** Verifies the newest entries from the last checkpoint; cheap enough for a chat command. */
  checkTail(): Promise<{ ok: boolean; checked: number; lastSeq: number; reason?: string }>;
  /** Deletes whole sealed segments that ended before the retention period; returns their names. */
  prune(now?: Date): Promise<string[]>;
  close(): Promise<void>;
}

interface Pending {
  line: Buffer;
  segment: string;
  entry: AuditEntry;
  resolve?: (entry: AuditEntry) => void;
  reject?: (err: unknown) => void;
}

const dayOf = (iso: string) => iso.slice(0, 10);

export async function openLocalAuditLog(options: LocalAuditLogOptions): Promise<LocalAuditLog> {
  const { dir, signer } = options;
  const everyRecords = options.checkpointEveryRecords ?? 1000;
  const everyMs = options.checkpointEveryMs ?? 5 * 60_000;
  const maxBytes = options.segmentMaxBytes ?? 64 * 1024 * 1024;
  const retentionDays = options.retentionDays ?? 0;
  const tailWindow = options.tailWindowBytes ?? 8 * 1024 * 1024;
  const verifier = verifierFor([signer.publicKey]);
  await mkdir(dir, { recursive: true, mode: 0o700 });

  // Resume from the newest segment's tail.
  const segments = await listSegments(dir);
  const newest = segments.at(-1);
  let seq = 0;
  let prevHash = GENESIS;
  let segment: { name: string; bytes: number; day: string } | undefined;
  let resumeReason: CheckpointBody['reason'] = 'genesis';
  let recovery: string | undefined;
  let tailChecked = 0;
  if (newest) {
    const tail = await readTail(newest, tailWindow);
    const check = checkTail(tail.lines, verifier);
    tailChecked = check.checked;
    seq = check.lastSeq;
    prevHash = check.lastHash;
    if (check.ok) {
      const lastAt = decodeEntry(tail.lines.at(-1)!.line)?.at ?? '';
      segment = { name: newest.name, bytes: tail.size, day: dayOf(lastAt) };
      resumeReason = 'rollover';
    } else {
      // The agent keeps running on a broken tail: a new segment starts, anchored to the last good entry,
      // and says why; audit:verify still reports the break where it is.
      resumeReason = 'recovery';
      recovery = check.reason ?? 'the tail did not verify';
      if (seq === 0) seq = newest.firstSeq - 1;
    }
  }

  let sinceCheckpoint = 0;
  let lastCheckpointMs = Date.now();
  let pending: Pending[] = [];
  let writing: Promise<void> | undefined;
  let broken: unknown;
  let handle: { name: string; file: FileHandle } | undefined;

  const entry = (kind: EntryKind, body: unknown, at = new Date().toISOString()): AuditEntry => {
    const next = seq + 1;
    const { bytes, hash } = encodeEntry(next, at, kind, prevHash, body);
    const e: AuditEntry = { seq: next, at, kind, prevHash, body, hash };
    seq = next;
    prevHash = hash;
    if (!segment) throw new Error('no open segment');
    segment.bytes += bytes.length;
    pending.push({ line: bytes, segment: segment.name, entry: e });
    return e;
  };
  const signed = (kind: 'checkpoint' | 'anchor', extra: Partial<CheckpointBody>): void => {
    const at = new Date().toISOString();
    const sig = signer.sign(checkpointMessage(seq + 1, at, prevHash));
    entry(kind, { alg: 'ed25519', keyId: signer.keyId, sig, ...extra } satisfies CheckpointBody, at);
    sinceCheckpoint = 0;
    lastCheckpointMs = Date.now();
  };
  const startSegment = (reason: CheckpointBody['reason'], why?: string): void => {
    segment = { name: segmentFileName(seq + 1), bytes: 0, day: dayOf(new Date().toISOString()) };
    signed('anchor', { reason, records: sinceCheckpoint, ...(why ? { recovery: why.slice(0, 200) } : {}) });
    if (retentionDays > 0) void prune().catch(() => undefined);
  };

  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        for (let i = 0; i < batch.length; ) {
          let j = i;
          while (j < batch.length && batch[j]!.segment === batch[i]!.segment) j++;
          const file = await fileFor(batch[i]!.segment);
          appendNow(file.fd, j - i === 1 ? batch[i]!.line : Buffer.concat(batch.slice(i, j).map((b) => b.line)));
          i = j;
        }
        for (const b of batch) b.resolve?.(b.entry);
      } catch (err) {
        // The in-memory chain is now ahead of the file: refuse further appends rather than break it.
        broken = err;
        for (const b of [...batch, ...pending.splice(0)]) b.reject?.(err);
      }
    }
  };
  const fileFor = async (name: string): Promise<FileHandle> => {
    if (handle?.name === name) return handle.file;
    await handle?.file.close();
    handle = { name, file: await open(join(dir, name), 'a', 0o600) };
    return handle.file;
  };
  const kick = (): Promise<void> => {
    writing ??= flush().finally(() => {
      writing = undefined;
      if (pending.length > 0) void kick();
    });
    return writing;
  };
  // Group write: the records of the turns that end in one pass of the event loop (under load, many
  // requests are read in one poll phase) go out in one write call in the check phase after it, not
  // one call each. Each append still resolves only once its own line is written.
  let flushQueued = false;
  const kickSoon = (): void => {
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      void kick();
    });
  };

  const prune = async (now = new Date()): Promise<string[]> => {
    if (retentionDays <= 0) return [];
    const cutoff = now.getTime() - retentionDays * 86_400_000;
    const all = await listSegments(dir);
    const removed: string[] = [];
    // Oldest first and contiguous: what remains starts at a signed anchor and still verifies.
    for (let i = 0; i + 1 < all.length && all[i]!.name !== segment?.name; i++) {
      const nextFirst = await readFirstLine(all[i + 1]!.path);
      const endedAt = nextFirst ? Date.parse(decodeEntry(nextFirst)?.at ?? '') : NaN;
      if (!(endedAt < cutoff)) break;
      if (options.canPrune && !(await options.canPrune(all[i]!.name))) break;
      await unlink(all[i]!.path);
      removed.push(all[i]!.name);
    }
    return removed;
  };

  if (!segment) startSegment(resumeReason, recovery);
  else if (segment.bytes >= maxBytes) startSegment('rollover');
  else if (retentionDays > 0) await prune();
  await kick();
  if (broken) throw broken;

  const timer = setInterval(() => {
    // A quiet log still gets its newest records signed within the interval.
    if (sinceCheckpoint > 0 && !broken && Date.now() - lastCheckpointMs >= everyMs) {
      signed('checkpoint', { records: sinceCheckpoint });
      void kick();
    }
  }, Math.max(1000, Math.min(everyMs, 60_000)));
  timer.unref();

  return {
    dir,
    keyId: signer.keyId,
    resumed: { seq, tailChecked, ...(recovery ? { recovery } : {}) },
    append(record) {
      if (broken) return Promise.reject(new Error('the audit log failed a write earlier and accepts no more records until restarted'));
      const at = new Date().toISOString();
      if (segment!.bytes >= maxBytes || dayOf(at) !== segment!.day) startSegment('rollover');
      const e = entry('record', record, at);
      sinceCheckpoint++;
      const waiting = pending.at(-1)!;
      const done = new Promise<AuditEntry>((resolve, reject) => {
        waiting.resolve = resolve;
        waiting.reject = reject;
      });
      if (sinceCheckpoint >= everyRecords || Date.now() - lastCheckpointMs >= everyMs) signed('checkpoint', { records: sinceCheckpoint });
      kickSoon();
      return done.then(() => e);
    },
    async checkpoint() {
      if (sinceCheckpoint > 0 && !broken) signed('checkpoint', { records: sinceCheckpoint });
      await kick();
    },
    recent: (count, query) => readRecentAuditEntries(dir, count, query),
    async checkTail() {
      await kick();
      const all = await listSegments(dir);
      const last = all.at(-1);
      if (!last) return { ok: true, checked: 0, lastSeq: 0 };
      const tail = await readTail(last, tailWindow);
      const check = checkTail(tail.lines, verifier);
      return { ok: check.ok, checked: check.checked, lastSeq: check.lastSeq, ...(check.reason ? { reason: check.reason } : {}) };
    },
    prune,
    async close() {
      clearInterval(timer);
      if (sinceCheckpoint > 0 && !broken) signed('checkpoint', { records: sinceCheckpoint });
      await kick();
      await handle?.file.close();
      handle = undefined;
    },
  };
}

/**
 * Writes all the bytes at the end of the file before returning. Synchronous on purpose: an
 * append to the page cache takes a few microseconds, while an asynchronous write's round trip
 * through the thread pool costs about ten times that in CPU on every turn. The record reaches
 * the kernel before the turn's reply either way (neither syncs to the disk).
 */
function appendNow(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The newest lines of a segment, oldest first, back to its last checkpoint or the window's limit. */
async function readTail(segment: SegmentFile, windowBytes: number): Promise<{ lines: Array<{ line: Buffer; complete: boolean }>; size: number }> {
  const newestFirst: Array<{ line: Buffer; complete: boolean }> = [];
  for await (const l of readLinesBackwards(segment.path, windowBytes)) {
    newestFirst.push(l);
    // A checkpoint or anchor is where the check can start; stop there.
    if (l.complete && /"kind":"(?:checkpoint|anchor)"/.test(l.line.toString('latin1', 0, 120))) break;
  }
  return { lines: newestFirst.reverse(), size: (await stat(segment.path)).size };
}

export interface RecentQuery {
  /** Only records this accepts (e.g. one user or one conversation). */
  filter?: (body: unknown) => boolean;
  /** Matching records to pass over first, newest first (paging). */
  skip?: number;
  /** Stop after reading this much, however few records matched (bounds the cost of a rare filter). */
  maxScanBytes?: number;
}

/** The newest `count` records (after `skip`), newest last, read backwards from the end with async reads. */
export async function readRecentAuditEntries(dir: string, count: number, query: RecentQuery = {}): Promise<AuditEntry[]> {
  const newestFirst: AuditEntry[] = [];
  const segments = await listSegments(dir);
  let budget = query.maxScanBytes ?? 64 * 1024 * 1024;
  let skip = query.skip ?? 0;
  for (let i = segments.length - 1; i >= 0 && newestFirst.length < count && budget > 0; i--) {
    for await (const { line, complete } of readLinesBackwards(segments[i]!.path, budget)) {
      budget -= line.length + 1;
      if (!complete) continue;
      const e = decodeEntry(line);
      if (e?.kind !== 'record' || (query.filter && !query.filter(e.body))) continue;
      if (skip > 0) skip--;
      else newestFirst.push(e);
      if (newestFirst.length >= count || budget <= 0) break;
    }
  }
  return newestFirst.reverse();
}
