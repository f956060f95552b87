// Sends each AgentTurn to Application Insights through the applicationinsights
// 3.x SDK (Azure Monitor OpenTelemetry): the turn as a request, its model,
// Graph and Content Safety calls as dependencies (from the stage timings the
// record already carries), storage calls as dependencies (spans made while the
// turn runs under its request: runTurn), and the record itself as the custom event
// `AgentTurn`, all under one operation id (the record's operationId as the
// W3C trace id). AgentTurn events are logs, which the SDK's trace sampling
// does not touch (trace-based log sampling is off), so they are never sampled
// away; requests and dependencies follow the configured percentage.
import { ManagedIdentityCredential } from '@azure/identity';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { TelemetryClient } from 'applicationinsights';
import { randomBytes } from 'node:crypto';
import type { AppInsightsSettings } from './app-insights-settings.js';
import type { StageEvent, TurnRecord } from './turn-record.js';

export interface TurnTelemetry {
  /** Where other modules start their dependency spans (storage, archive). */
  readonly tracer: Tracer;
  /** Runs the turn with its request span active, so the calls it makes (state store) are dependencies of the turn. */
  runTurn<T>(record: TurnRecord, work: () => Promise<T>): Promise<T>;
  /** Queues the turn's request, dependencies and AgentTurn event; never throws, never waits. */
  track(record: TurnRecord): void;
  /** The custom event `AuditChainAlert`: the local log's chain broke or could not be written (the alert rule fires on any). */
  trackAuditAlert(alert: AuditChainAlert): void;
  flush(): Promise<void>;
}

export interface AuditChainAlert {
  /** recovery: start-up found a broken tail; write-failed: an append failed; verify: audit:verify found tampering. */
  reason: 'recovery' | 'write-failed' | 'verify';
  detail: string;
  segment?: string;
  kind?: string;
}

export interface TurnTelemetryTargets {
  /** Hosts named as dependency targets (no paths, no secrets). */
  graphHost?: string;
  contentSafetyHost?: string;
}

/** App Insights keeps custom dimensions up to 8192 characters. */
const maxPropertyChars = 8192;

/** The record as custom dimensions: scalars as they are, lists and objects as JSON (queried with parse_json). */
export function agentTurnProperties(record: TurnRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    out[key] = text.length > maxPropertyChars ? text.slice(0, maxPropertyChars - 14) + '…[truncated]' : text;
  }
  // Flat copies of what alert rules filter on most, so queries need no parse_json.
  if (record.actor.aadObjectId) out.userOid = record.actor.aadObjectId;
  if (record.actor.tenantId) out.tenantId = record.actor.tenantId;
  out.blockedBy = record.guardVerdicts.filter((v) => v.action === 'block').map((v) => `${v.channel}:${v.guard}`).join(',');
  out.filesRead = String(record.dataSources.reduce((n, d) => n + d.ids.length, 0));
  return out;
}

let shared: { client: TelemetryClient; connectionString: string } | undefined;

/** One SDK pipeline per process (the SDK registers global OpenTelemetry providers). */
function clientFor(settings: AppInsightsSettings & { connectionString: string }): TelemetryClient {
  if (shared) return shared.client;
  const client = new TelemetryClient(settings.connectionString);
  const config = client.config;
  config.samplingPercentage = settings.samplingPercentage;
  // Only what this module sends: no automatic HTTP, console or logger collection, no live metrics.
  config.enableAutoCollectRequests = false;
  config.enableAutoCollectDependencies = false;
  config.enableAutoCollectExceptions = false;
  config.enableAutoCollectPerformance = false;
  config.enableAutoCollectPreAggregatedMetrics = false;
  config.enableAutoCollectExternalLoggers = false;
  config.enableAutoCollectConsole = false;
  config.azureMonitorOpenTelemetryOptions = {
    enableLiveMetrics: false,
    enableStandardMetrics: false,
    enableTraceBasedSamplingForLogs: false,
    // 0: the configured percentage instead of the default rate limit (about 5 traces/s).
    tracesPerSecond: 0,
    instrumentationOptions: { http: { enabled: false }, azureSdk: { enabled: false }, mongoDb: { enabled: false }, mySql: { enabled: false }, postgreSql: { enabled: false }, redis: { enabled: false }, redis4: { enabled: false }, bunyan: { enabled: false }, winston: { enabled: false } },
  };
  if (settings.auth === 'managed-identity') {
    config.aadTokenCredential = settings.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId }) : new ManagedIdentityCredential();
  }
  client.initialize();
  shared = { client, connectionString: settings.connectionString };
  return client;
}

/** A context whose parent is the turn's operation: every span under it carries the operation id. */
function operationContext(operationId: string): Context {
  const traceId = /^[0-9a-f]{32}$/.test(operationId) && !/^0+$/.test(operationId) ? operationId : randomBytes(16).toString('hex');
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: randomBytes(8).toString('hex'), traceFlags: TraceFlags.SAMPLED, isRemote: true });
}

interface DependencyShape {
  name: string;
  host: string;
  path: string;
}

function dependencyOf(stage: StageEvent, record: TurnRecord, targets: TurnTelemetryTargets): DependencyShape | undefined {
  if (stage.stage === 'model' && record.model) return { name: `chat.completions ${record.model.deployment}`, host: record.model.host ?? record.model.provider, path: '/chat/completions' };
  if (stage.stage === 'tool') {
    const tool = typeof stage.detail?.tool === 'string' ? stage.detail.tool : 'tool';
    return { name: `graph ${tool}`, host: targets.graphHost ?? 'graph', path: `/${tool}` };
  }
  if ((stage.stage === 'input-guard' || stage.stage === 'output-guard') && targets.contentSafetyHost) {
    const channel = stage.stage === 'input-guard' ? 'input' : 'output';
    if (record.guardVerdicts.some((v) => v.channel === channel && v.provider === 'azure')) return { name: `content-safety ${channel}`, host: targets.contentSafetyHost, path: '/contentsafety' };
  }
  return undefined;
}

const requestName = (record: TurnRecord) => `AgentTurn ${record.kind}${record.name ? ` ${record.name}` : ''}`;

export function createAppInsightsTelemetry(settings: AppInsightsSettings, targets: TurnTelemetryTargets = {}): TurnTelemetry | undefined {
  const { connectionString } = settings;
  if (!connectionString) return undefined;
  const client = clientFor({ ...settings, connectionString });
  const tracer = trace.getTracer('secure-teams-agent');
  // Requests of turns still running (runTurn), ended when their record is tracked.
  const open = new WeakMap<TurnRecord, { request: Span; inRequest: Context }>();

  const startRequest = (record: TurnRecord) => {
    const parent = operationContext(record.operationId);
    const request = tracer.startSpan(requestName(record), { kind: SpanKind.SERVER, startTime: Date.parse(record.startedAt), attributes: { 'http.method': 'POST', 'http.route': '/api/messages', 'http.url': '/api/messages', 'agent.turnId': record.correlationId } }, parent);
    return { request, inRequest: trace.setSpan(parent, request) };
  };

  return {
    tracer,
    runTurn(record, work) {
      let started: ReturnType<typeof startRequest>;
      try {
        started = startRequest(record);
      } catch {
        return work();
      }
      open.set(record, started);
      return context.with(started.inRequest, work);
    },
    track(record) {
      try {
        const started = Date.parse(record.startedAt);
        const ended = record.endedAt ? Date.parse(record.endedAt) : Date.now();
        const failed = record.outcome === 'error';
        const live = open.get(record);
        open.delete(record);
        const { request, inRequest } = live ?? startRequest(record);
        // The kind and name may have changed while the turn ran (a message that was a command).
        request.updateName(requestName(record));
        request.setAttributes({ 'http.status_code': failed ? 500 : 200, 'agent.outcome': record.outcome ?? 'unknown' });
        request.setStatus({ code: failed ? SpanStatusCode.ERROR : SpanStatusCode.OK });
        for (const stage of record.stages) {
          const dep = dependencyOf(stage, record, targets);
          if (!dep) continue;
          const at = Date.parse(stage.at);
          const span = tracer.startSpan(
            dep.name,
            { kind: SpanKind.CLIENT, startTime: at, attributes: { 'http.method': 'POST', 'http.url': `https://${dep.host}${dep.path}`, 'http.status_code': stage.detail?.failed ? 500 : 200, 'peer.service': dep.host } },
            inRequest,
          );
          span.setStatus({ code: stage.detail?.failed ? SpanStatusCode.ERROR : SpanStatusCode.OK });
          span.end(at + stage.durationMs);
        }
        request.end(ended);
        context.with(inRequest, () =>
          client.trackEvent({
            name: 'AgentTurn',
            properties: agentTurnProperties(record),
            measurements: { durationMs: record.durationMs ?? ended - started, ...(record.tokens ? { totalTokens: record.tokens.total } : {}) },
          }),
        );
      } catch {
        // Telemetry must never fail a turn; the local audit log still has the record.
      }
    },
    trackAuditAlert(alert) {
      try {
        client.trackEvent({ name: 'AuditChainAlert', properties: { ...alert, detail: alert.detail.slice(0, 500) } });
      } catch {
        // As above: never fail the caller.
      }
    },
    flush: () => client.flush(),
  };
}
