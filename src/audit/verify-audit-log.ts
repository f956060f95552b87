// Streams every segment of the local audit log and reports the first record
// that was altered, deleted, inserted or reordered, or a checkpoint whose
// signature does not hold. Memory stays flat: lines are hashed as byte slices
// as they stream by; only a short look-ahead is kept to name the tampering.
import { checkpointMessage, decodeEntry, GENESIS, parseLine, type CheckpointBody, type ParsedLine } from './audit-entry.js';
import type { CheckpointVerifier } from './checkpoint-signer.js';
import { listSegments, readLines } from './segment-files.js';

export type TamperKind = 'altered' | 'deleted' | 'inserted' | 'reordered' | 'bad-signature' | 'torn';

export interface AuditProblem {
  kind: TamperKind;
  segment: string;
  line: number;
  /** The sequence number the chain expected at this line. */
  expectedSeq: number;
  detail: string;
}

export interface AuditSummary {
  segments: number;
  records: number;
  checkpoints: number;
  firstSeq: number;
  lastSeq: number;
  lastHash: string;
  bytes: number;
  /** Records after the last checkpoint (hash-chained but not yet signed). */
  unsignedTail: number;
  /** True when older segments were pruned by retention and the log starts at a signed anchor. */
  pruned: boolean;
}

export type AuditVerification = ({ ok: true } & AuditSummary) | ({ ok: false; problem: AuditProblem } & AuditSummary);

interface Located {
  parsed: ParsedLine | undefined;
  raw: Buffer;
  segment: string;
  line: number;
  complete: boolean;
}

const lookAhead = 64;

/** Checks one checkpoint or anchor line's signature. */
export function signatureHolds(raw: Buffer, parsed: ParsedLine, verifier: CheckpointVerifier): string | undefined {
  const entry = decodeEntry<CheckpointBody>(raw);
  const body = entry?.body;
  if (!body || body.alg !== 'ed25519' || typeof body.sig !== 'string' || typeof body.keyId !== 'string') return 'checkpoint without a signature';
  if (!verifier.knows(body.keyId)) return `checkpoint signed by an unknown key ${body.keyId.slice(0, 16)}`;
  if (!verifier.verify(body.keyId, checkpointMessage(parsed.seq, parsed.at, parsed.prevHash), body.sig)) return 'checkpoint signature does not verify';
  return undefined;
}

/** Names what happened at the first line that breaks the chain, from the lines that follow it. */
function classify(at: Located, expectedSeq: number, prevHash: string, following: Located[]): Omit<AuditProblem, 'segment' | 'line'> {
  const p = at.parsed;
  const next = following[0]?.parsed;
  if (!at.complete) return { kind: 'torn', expectedSeq, detail: 'the last line is incomplete (a write was interrupted or the file was cut)' };
  if (!p || !p.hashValid) {
    if (next?.hashValid && next.seq === expectedSeq && next.prevHash === prevHash) return { kind: 'inserted', expectedSeq, detail: 'a line that is not part of the chain was inserted here' };
    return { kind: 'altered', expectedSeq, detail: p ? `record ${p.seq} was edited (its hash no longer matches its content)` : 'the line is not an audit entry (edited or garbage)' };
  }
  if (p.seq > expectedSeq) {
    if (following.some((f) => f.parsed?.seq === expectedSeq)) return { kind: 'reordered', expectedSeq, detail: `record ${p.seq} comes before record ${expectedSeq}` };
    return { kind: 'deleted', expectedSeq, detail: `records ${expectedSeq}–${p.seq - 1} are missing` };
  }
  if (p.seq < expectedSeq) return { kind: 'inserted', expectedSeq, detail: `record ${p.seq} appears again after record ${expectedSeq - 1}` };
  return { kind: 'altered', expectedSeq, detail: `record ${p.seq} does not follow the one before it: record ${p.seq - 1} was edited and its hash recomputed, or a forged record was inserted` };
}

async function* allLines(segments: Array<{ name: string; path: string }>): AsyncGenerator<Located> {
  for (const segment of segments) {
    for await (const { line, lineNo, complete } of readLines(segment.path)) {
      yield { parsed: parseLine(line), raw: line, segment: segment.name, line: lineNo, complete };
    }
  }
}

export interface VerifyOptions {
  /**
   * Whether the log may start after record 1 (retention prunes whole segments). Without
   * retention, a log that starts later has lost its oldest segments: reported as deleted.
   */
  allowPruned?: boolean;
}

export async function verifyAuditLog(dir: string, verifier: CheckpointVerifier, options: VerifyOptions = {}): Promise<AuditVerification> {
  const segments = await listSegments(dir);
  const summary: AuditSummary = { segments: segments.length, records: 0, checkpoints: 0, firstSeq: 0, lastSeq: 0, lastHash: GENESIS, bytes: 0, unsignedTail: 0, pruned: false };
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let started = false;
  const lines = allLines(segments);
  const fail = async (at: Located, problem: Omit<AuditProblem, 'segment' | 'line'>): Promise<AuditVerification> => {
    await lines.return(undefined);
    return { ok: false, ...summary, problem: { ...problem, segment: at.segment, line: at.line } };
  };
  for await (const at of lines) {
    summary.bytes += at.raw.length + (at.complete ? 1 : 0);
    const p = at.parsed;
    if (!started && p?.hashValid && p.kind === 'anchor' && p.seq > 1) {
      // Retention pruned the segments before this one: a signed anchor carries the chain on.
      expectedSeq = p.seq;
      prevHash = p.prevHash;
      summary.pruned = true;
      if (options.allowPruned === false) {
        await lines.return(undefined);
        return { ok: false, ...summary, firstSeq: p.seq, problem: { kind: 'deleted', segment: at.segment, line: at.line, expectedSeq: 1, detail: `the log starts at record ${p.seq}: its oldest segments are missing and no retention is configured` } };
      }
    }
    if (!started) summary.firstSeq = expectedSeq;
    started = true;
    if (!at.complete || !p || !p.hashValid || p.seq !== expectedSeq || p.prevHash !== prevHash) {
      const raw = Buffer.from(at.raw);
      const following: Located[] = [];
      for await (const next of lines) {
        following.push({ ...next, raw: Buffer.alloc(0) });
        if (following.length >= lookAhead) break;
      }
      return fail({ ...at, raw }, classify(at, expectedSeq, prevHash, following));
    }
    if (p.kind !== 'record') {
      const broken = signatureHolds(at.raw, p, verifier);
      if (broken) return fail(at, { kind: 'bad-signature', expectedSeq, detail: broken });
      summary.checkpoints++;
      summary.unsignedTail = 0;
    } else {
      summary.records++;
      summary.unsignedTail++;
    }
    summary.lastSeq = p.seq;
    summary.lastHash = p.hash;
    expectedSeq = p.seq + 1;
    prevHash = p.hash;
  }
  return { ok: true, ...summary };
}

export interface TailCheck {
  ok: boolean;
  /** Where to continue the chain: the last entry whose hash holds. */
  lastSeq: number;
  lastHash: string;
  /** Entries checked (from the last checkpoint in the window to the end). */
  checked: number;
  reason?: string;
}

/**
 * Checks the newest entries of a segment, oldest first, from the last checkpoint or anchor
 * in them: hashes, links and that checkpoint's signature. Bounded by the window the caller read.
 */
export function checkTail(linesOldestFirst: Array<{ line: Buffer; complete: boolean }>, verifier: CheckpointVerifier): TailCheck {
  const parsed = linesOldestFirst.map((l) => ({ ...l, parsed: parseLine(l.line) }));
  let from = 0;
  for (let i = parsed.length - 1; i >= 0; i--) {
    if (parsed[i]!.parsed?.hashValid && parsed[i]!.parsed!.kind !== 'record') {
      from = i;
      break;
    }
  }
  let last: ParsedLine | undefined;
  let reason: string | undefined;
  for (let i = from; i < parsed.length; i++) {
    const { parsed: p, line, complete } = parsed[i]!;
    if (!complete) reason ??= 'the last line is incomplete';
    else if (!p || !p.hashValid) reason ??= `line ${i - from + 1} from the last checkpoint does not hash`;
    else if (last && (p.seq !== last.seq + 1 || p.prevHash !== last.hash)) reason ??= `record ${p.seq} does not follow record ${last.seq}`;
    else if (i === from && p.kind !== 'record') reason ??= signatureHolds(line, p, verifier);
    if (reason) break;
    last = p;
  }
  return { ok: reason === undefined && last !== undefined, lastSeq: last?.seq ?? 0, lastHash: last?.hash ?? GENESIS, checked: parsed.length - from, reason: last ? reason : (reason ?? 'no entry found') };
}
