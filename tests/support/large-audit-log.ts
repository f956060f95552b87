// A large, valid local audit log for load tests and benches (written through
// the log's own append, so the chain and its checkpoints verify), and a probe
// that keeps asking /healthz while something else runs.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signerFromPrivateKey } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog } from '../../src/audit/local-audit-log.js';
import { newTurnRecord, type TurnRecord } from '../../src/audit/turn-record.js';

export interface LargeAuditLog {
  /** The signing key: pass `signingKeyEnv` as AUDIT_SIGNING_KEY to the agent that reads the log. */
  key: KeyObject;
  signingKeyEnv: string;
  /** Records written, and those of the target user among them. */
  records: number;
  targetRecords: number;
}

export interface LargeAuditLogOptions {
  megabytes: number;
  /** A few records of this user, this far (in MB) from the end of the log: a filtered `audit` has to scan back to them. */
  target?: { aadObjectId: string; count: number; megabytesFromEnd: number };
}

// About 2.3 KB a record, the size the issue measured.
const recordBytes = 2300;
const pad = 'r'.repeat(1500);

function turn(i: number, aadObjectId: string): TurnRecord & { pad: string } {
  const record = newTurnRecord({ channelId: 'msteams', conversationId: `conv-${i % 97}`, activityType: 'message', actor: { userId: `29:user-${i % 31}`, aadObjectId, roles: ['User'] } });
  record.outcome = 'replied';
  return { ...record, pad };
}

export async function writeLargeAuditLog(dir: string, options: LargeAuditLogOptions): Promise<LargeAuditLog> {
  const key = generateKeyPairSync('ed25519').privateKey;
  const log = await openLocalAuditLog({ dir, signer: signerFromPrivateKey(key) });
  const total = Math.ceil((options.megabytes * 1024 * 1024) / recordBytes);
  const target = options.target;
  const targetAt = target ? total - Math.ceil((target.megabytesFromEnd * 1024 * 1024) / recordBytes) : -1;
  let i = 0;
  while (i < total) {
    // Appends in batches of 500: the log coalesces them into one write.
    const batch: Array<Promise<unknown>> = [];
    for (let b = 0; b < 500 && i < total; b++, i++) {
      const isTarget = target !== undefined && i >= targetAt && i < targetAt + target.count;
      batch.push(log.append(turn(i, isTarget ? target.aadObjectId : `00000000-0000-0000-0000-${String(i % 1000).padStart(12, '0')}`)));
    }
    await Promise.all(batch);
  }
  await log.close();
  return { key, signingKeyEnv: key.export({ format: 'der', type: 'pkcs8' }).toString('base64'), records: total, targetRecords: target?.count ?? 0 };
}

export interface HealthProbe {
  /** Latency (ms) of each `GET /healthz` asked while the work ran, whether answered before it ended or after. */
  latenciesMs: number[];
  /** How many were answered (200) while the work was still running. */
  answeredDuring: number;
  /** Answers other than 200, and requests that failed. */
  failures: number;
}

/** Asks `GET /healthz` one request after another until `work` settles; returns what answered meanwhile and work's result. */
export async function probeHealthWhile<T>(baseUrl: string, work: Promise<T>): Promise<{ probe: HealthProbe; result: T }> {
  let done = false;
  const settled = work.finally(() => (done = true));
  const probe: HealthProbe = { latenciesMs: [], answeredDuring: 0, failures: 0 };
  while (!done) {
    const t0 = performance.now();
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.status !== 200) {
        probe.failures++;
        continue;
      }
      probe.latenciesMs.push(performance.now() - t0);
      // An answer held behind a blocked event loop arrives only after the work's own answer.
      if (!done) probe.answeredDuring++;
    } catch {
      probe.failures++;
    }
  }
  return { probe, result: await settled };
}
