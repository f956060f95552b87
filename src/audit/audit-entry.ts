// One line of the local audit log. The line is written so that it can be
// checked without re-serialising JSON: its SHA-256 covers the exact bytes up
// to `,"hash":`, and the fixed-order header (seq, at, kind, prevHash) can be
// read from the first bytes. A verifier hashes byte slices straight from disk.
import { createHash } from 'node:crypto';

export type EntryKind = 'record' | 'checkpoint' | 'anchor';

export interface AuditEntry<T = unknown> {
  seq: number;
  at: string;
  kind: EntryKind;
  prevHash: string;
  body: T;
  hash: string;
}

/** Signed statement about the chain head: `prevHash` covers every entry before it. */
export interface CheckpointBody {
  alg: 'ed25519';
  keyId: string;
  sig: string;
  /** Records since the previous checkpoint or anchor. */
  records?: number;
  /** Anchors only: why a new segment started (`recovery` when the previous tail did not verify). */
  reason?: 'genesis' | 'rollover' | 'restart' | 'recovery';
  recovery?: string;
}

export const GENESIS = '0'.repeat(64);
/** `,"hash":"<64 hex>"}` closes every line. */
const trailerBytes = 75;

/**
 * The entry's line as UTF-8 bytes, and its hash. Encoded once: the hash reads the same bytes the
 * log writes (a string line was encoded for the hash, measured again for the segment size, joined
 * with the other lines of its write and encoded once more).
 */
export function encodeEntry(seq: number, at: string, kind: EntryKind, prevHash: string, body: unknown): { bytes: Buffer; hash: string } {
  const head = Buffer.from(`{"seq":${seq},"at":${JSON.stringify(at)},"kind":"${kind}","prevHash":"${prevHash}","body":${JSON.stringify(body) ?? 'null'}`, 'utf8');
  const hash = createHash('sha256').update(head).digest('hex');
  const bytes = Buffer.allocUnsafe(head.length + trailerBytes + 1);
  head.copy(bytes, 0);
  bytes.write(`,"hash":"${hash}"}\n`, head.length, 'latin1');
  return { bytes, hash };
}

/** The message a checkpoint or anchor signs: its place in the chain and the hash of everything before it. */
export function checkpointMessage(seq: number, at: string, prevHash: string): string {
  return `secure-teams-agent/audit-checkpoint|${seq}|${at}|${prevHash}`;
}

export interface ParsedLine {
  seq: number;
  at: string;
  kind: EntryKind;
  prevHash: string;
  hash: string;
  /** The stored hash matches the line's bytes. */
  hashValid: boolean;
}

// Bounded quantifiers only: the header is a fixed shape written by encodeEntry().
const header = /^\{"seq":(\d{1,15}),"at":"([0-9A-Z:.+-]{10,40})","kind":"(record|checkpoint|anchor)","prevHash":"([0-9a-f]{64})","body":/;
const trailer = /^,"hash":"([0-9a-f]{64})"\}$/;

/** Reads the header and checks the hash of one line (without its newline); undefined when the line is not an entry. */
export function parseLine(line: Buffer): ParsedLine | undefined {
  if (line.length <= trailerBytes) return undefined;
  const head = header.exec(line.toString('latin1', 0, Math.min(line.length, 220)));
  const tail = trailer.exec(line.toString('latin1', line.length - trailerBytes));
  if (!head || !tail) return undefined;
  const digest = createHash('sha256').update(line.subarray(0, line.length - trailerBytes)).digest('hex');
  return { seq: Number(head[1]), at: head[2]!, kind: head[3] as EntryKind, prevHash: head[4]!, hash: tail[1]!, hashValid: digest === tail[1] };
}

/** The whole entry, body included (for checkpoints and the audit view; not needed to check the chain). */
export function decodeEntry<T = unknown>(line: Buffer | string): AuditEntry<T> | undefined {
  try {
    const entry = JSON.parse(typeof line === 'string' ? line : line.toString('utf8')) as AuditEntry<T>;
    return typeof entry?.seq === 'number' && typeof entry.hash === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
