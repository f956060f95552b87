// Append-only, hash-chained JSON Lines audit log. Each line carries the SHA-256
// of the previous line, so editing or deleting any earlier record breaks the
// chain, which verifyAuditLog() detects. Writes are serialised in-process.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditEntry<T = unknown> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
  record: T;
}

const GENESIS = '0'.repeat(64);

function hashOf(seq: number, at: string, prevHash: string, record: unknown): string {
  return createHash('sha256').update(JSON.stringify({ seq, at, prevHash, record })).digest('hex');
}

export interface LocalAuditLog {
  readonly path: string;
  append(record: unknown): Promise<AuditEntry>;
}

export async function openLocalAuditLog(path: string): Promise<LocalAuditLog> {
  await mkdir(dirname(path), { recursive: true });
  let seq = 0;
  let prevHash = GENESIS;
  if (existsSync(path)) {
    const result = await verifyAuditLog(path);
    if (!result.ok) throw new Error(`audit log ${path} fails verification at line ${result.brokenAt}: ${result.reason}; refusing to append to a broken chain`);
    seq = result.entries;
    prevHash = result.lastHash;
  }
  // Group commit: entries are chained in call order at once, and whatever has
  // queued while a write is in flight goes to disk in the next single append.
  let pending: Array<{ line: string; entry: AuditEntry; resolve: (e: AuditEntry) => void; reject: (err: unknown) => void }> = [];
  let writing = false;
  // After a failed write the in-memory chain is ahead of the file; appending more would break it.
  let broken: unknown;
  const flush = async (): Promise<void> => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await appendFile(path, batch.map((b) => b.line).join(''), { encoding: 'utf8', mode: 0o600 });
        for (const b of batch) b.resolve(b.entry);
      } catch (err) {
        broken = err;
        for (const b of [...batch, ...pending.splice(0)]) b.reject(err);
      }
    }
    writing = false;
  };
  return {
    path,
    append(record) {
      if (broken) return Promise.reject(new Error('the audit log failed a write earlier and accepts no more records until restarted'));
      const at = new Date().toISOString();
      const entry: AuditEntry = { seq: seq + 1, at, prevHash, hash: hashOf(seq + 1, at, prevHash, record), record };
      seq = entry.seq;
      prevHash = entry.hash;
      return new Promise<AuditEntry>((resolve, reject) => {
        pending.push({ line: JSON.stringify(entry) + '\n', entry, resolve, reject });
        if (!writing) void flush();
      });
    },
  };
}

export type AuditVerification = { ok: true; entries: number; lastHash: string } | { ok: false; brokenAt: number; reason: string };

export async function verifyAuditLog(path: string): Promise<AuditVerification> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  let prevHash = GENESIS;
  for (let i = 0; i < lines.length; i++) {
    let entry: AuditEntry;
    try {
      entry = JSON.parse(lines[i]!) as AuditEntry;
    } catch {
      return { ok: false, brokenAt: i + 1, reason: 'not JSON' };
    }
    if (entry.seq !== i + 1) return { ok: false, brokenAt: i + 1, reason: 'sequence gap' };
    if (entry.prevHash !== prevHash) return { ok: false, brokenAt: i + 1, reason: 'previous hash mismatch' };
    if (hashOf(entry.seq, entry.at, entry.prevHash, entry.record) !== entry.hash) return { ok: false, brokenAt: i + 1, reason: 'content hash mismatch' };
    prevHash = entry.hash;
  }
  return { ok: true, entries: lines.length, lastHash: prevHash };
}

/** The last `count` entries, newest last (reads the whole file: the audit view is an admin command, not a hot path). */
export async function readRecentAuditEntries(path: string, count: number): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n').filter((l) => l.length > 0);
  return lines.slice(-count).flatMap((line) => {
    try {
      return [JSON.parse(line) as AuditEntry];
    } catch {
      return [];
    }
  });
}
