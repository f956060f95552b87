// Builds the configured state store and its periodic sweep of expired records.
import { basename } from 'node:path';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { Tracer } from '@opentelemetry/api';
import type { StateSettings } from './state-settings.js';
import type { StateProblemReporter, StateStore } from './state-store.js';
import { MemoryStateStore } from './memory-state-store.js';
import { SqliteStateStore } from './sqlite-state-store.js';
import { AzureTablesStateStore } from './azure-tables-state-store.js';
import { withDependencySpans } from './traced-state-store.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('state');

export interface StateStoreOptions {
  report?: StateProblemReporter;
  /** With Application Insights on: each call made in a turn becomes a dependency of the turn. */
  tracer?: Tracer;
}

export function createStateStore(settings: StateSettings, options: StateStoreOptions = {}): StateStore {
  const { report, tracer } = options;
  const common = { timeoutMs: settings.timeoutMs, report };
  let store: StateStore;
  if (settings.backend === 'memory') store = new MemoryStateStore({ report });
  else if (settings.backend === 'sqlite') {
    store = new SqliteStateStore({ path: settings.sqlitePath, ...common });
    if (tracer) store = withDependencySpans(store, tracer, { system: 'sqlite', name: basename(settings.sqlitePath) });
  } else {
    const tables = settings.connectionString
      ? new AzureTablesStateStore({ tableName: settings.tableName, connectionString: settings.connectionString, ...common })
      : new AzureTablesStateStore({ tableName: settings.tableName, endpoint: settings.tablesEndpoint, credential: credentialFor(settings), ...common });
    store = tracer ? withDependencySpans(tables, tracer, { system: 'Azure table', name: settings.tableName, host: tables.host }) : tables;
  }
  return settings.sweepIntervalMs > 0 ? withPeriodicSweep(store, settings.sweepIntervalMs) : store;
}

const credentialFor = (settings: StateSettings) => (settings.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId }) : new DefaultAzureCredential());

/** Sweeps expired records on a timer that never keeps the process alive; stops on close(). */
function withPeriodicSweep(store: StateStore, intervalMs: number): StateStore {
  const timer = setInterval(() => {
    store.sweepExpired().then(
      (removed) => removed > 0 && log.debug('expired state records removed', { removed, backend: store.backend }),
      (err: unknown) => log.warn('state sweep failed', { backend: store.backend, error: err instanceof Error ? err.message : 'error' }),
    );
  }, intervalMs);
  timer.unref();
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      clearInterval(timer);
      await close();
    },
  });
}
