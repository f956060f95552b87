// Where each AgentTurn goes: Application Insights (when configured) and the
// local tamper-evident log. Telemetry is queued first and never waits; the
// local append is awaited, so a turn's record is on disk when the turn ends.
import { createAppInsightsTelemetry, type TurnTelemetry, type TurnTelemetryTargets } from './app-insights-telemetry.js';
import type { AppInsightsSettings } from './app-insights-settings.js';
import type { AuditSettings } from './audit-settings.js';
import type { LocalAuditLog } from './local-audit-log.js';
import { openConfiguredAuditLog } from './open-audit-log.js';
import { containerClientFor, createSegmentArchive, type SegmentArchive } from './segment-archive.js';
import type { TurnRecord } from './turn-record.js';
import { createLogger } from '../logging/logger.js';

const logger = createLogger('audit');

export interface AuditTrail {
  log: LocalAuditLog;
  archive?: SegmentArchive;
  telemetry?: TurnTelemetry;
  /** Runs a turn so that what it calls meanwhile (state store) is traced under its request; just runs it without telemetry. */
  runTurn<T>(record: TurnRecord, work: () => Promise<T>): Promise<T>;
  write(record: TurnRecord): Promise<void>;
  close(): Promise<void>;
}

/** How long shutdown waits for telemetry to leave; what has not is kept on disk by the SDK and re-sent at the next start. */
const flushTimeoutMs = 10_000;

export async function openAuditTrail(audit: AuditSettings, appInsights: AppInsightsSettings, targets: TurnTelemetryTargets = {}): Promise<AuditTrail> {
  const telemetry = createAppInsightsTelemetry(appInsights, targets);
  const container = audit.archive ? containerClientFor(audit.archive) : undefined;
  const archive = container && audit.archive ? createSegmentArchive(container, audit.dir, audit.archive.prefix, telemetry?.tracer) : undefined;
  const log = await openConfiguredAuditLog(audit, archive ? (name) => archive.isArchived(name).catch(() => false) : undefined);
  const ship = () =>
    archive
      ?.shipSealed()
      .then((names) => names.length > 0 && logger.info('audit segments archived', { segments: names }))
      .catch((err) => logger.error('audit segments could not be archived; retrying later', { error: err }));
  void ship();
  // Segments seal at a size limit or a day change; a minute later they are on their way.
  const archiveTimer = archive ? setInterval(() => void ship(), 60_000) : undefined;
  archiveTimer?.unref();
  // The key id names the checkpoint key (no secret): auditors check it against the public key they hold.
  logger.info('audit log ready', { dir: audit.dir, resumedAt: log.resumed.seq, tailChecked: log.resumed.tailChecked, recovery: log.resumed.recovery, keyId: log.keyId, appInsights: appInsights.connectionString ? appInsights.auth : 'off' });
  if (!audit.signingKey) logger.warn('no AUDIT_SIGNING_KEY: checkpoints are signed with a key kept beside the log (fine locally; in Azure set the key from Key Vault)', { keyFile: audit.devKeyFile });
  if (log.resumed.recovery) logger.error('the audit chain did not verify at start-up; a new segment continues it', { reason: log.resumed.recovery });
  if (log.resumed.recovery) telemetry?.trackAuditAlert({ reason: 'recovery', detail: log.resumed.recovery });
  let writeAlerted = false;
  return {
    log,
    telemetry,
    runTurn: (record, work) => (telemetry ? telemetry.runTurn(record, work) : work()),
    async write(record) {
      telemetry?.track(record);
      try {
        await log.append(record);
      } catch (err) {
        if (!writeAlerted) telemetry?.trackAuditAlert({ reason: 'write-failed', detail: err instanceof Error ? err.name : 'Error' });
        writeAlerted = true;
        throw err;
      }
    },
    archive,
    async close() {
      if (archiveTimer) clearInterval(archiveTimer);
      await log.close();
      await ship();
      if (telemetry) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([telemetry.flush().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, flushTimeoutMs)))]);
        clearTimeout(timer);
      }
    },
  };
}
