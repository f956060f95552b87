// State store calls made during a turn as Application Insights dependencies
// (SQLite, Azure Tables), under the turn's request. Applied in one place
// (create-state-store.ts) and only when telemetry is on, so the hot path without
// Application Insights keeps no wrapper at all. Calls outside a turn (sweeps,
// timers) stay untraced: they belong to no operation.
import type { Attributes, Tracer } from '@opentelemetry/api';
import { traceDependency } from '../logging/dependency-span.js';
import { StateError } from './state-errors.js';
import type { StateStore } from './state-store.js';

export interface StorageTarget {
  /** OpenTelemetry db.system: `sqlite` (shown as SQL) or `Azure table` (the type Application Insights names Azure Tables with). */
  system: string;
  /** Database or table name (db.name). */
  name: string;
  /** The service host (server.address), for network stores. */
  host?: string;
}

// A lost compare-and-swap or create-only race is how the layer works, not a failed call.
const failed = (err: unknown) => !(err instanceof StateError && err.code === 'conflict');
const errorType = (err: unknown) => (err instanceof StateError ? err.code : err instanceof Error ? err.name : 'Error');

export function withDependencySpans(store: StateStore, tracer: Tracer, target: StorageTarget): StateStore {
  const base: Attributes = { 'db.system': target.system, 'db.name': target.name, ...(target.host ? { 'server.address': target.host } : {}) };
  // Namespaces are code constants (safe to name); keys may carry user ids and are never recorded.
  const traced = <T>(operation: string, namespace: string, work: () => Promise<T>) =>
    traceDependency(tracer, `${operation} ${namespace}`, { ...base, 'db.operation': operation, 'state.namespace': namespace }, work, { requireParent: true, failed, errorType });
  return {
    backend: store.backend,
    get: (namespace, key, parse) => traced('get', namespace, () => store.get(namespace, key, parse)),
    put: (namespace, key, value, options) => traced('put', namespace, () => store.put(namespace, key, value, options)),
    delete: (namespace, key, options) => traced('delete', namespace, () => store.delete(namespace, key, options)),
    sweepExpired: () => store.sweepExpired(),
    close: () => store.close(),
  };
}
