// Builds the configured state store and its periodic sweep of expired records.
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { StateSettings } from './state-settings.js';
import type { StateProblemReporter, StateStore } from './state-store.js';
import { MemoryStateStore } from './memory-state-store.js';
import { SqliteStateStore } from './sqlite-state-store.js';
import { AzureTablesStateStore } from './azure-tables-state-store.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('state');

export function createStateStore(settings: StateSettings, report?: StateProblemReporter): StateStore {
  const common = { timeoutMs: settings.timeoutMs, report };
  let store: StateStore;
  if (settings.backend === 'memory') store = new MemoryStateStore({ report });
  else if (settings.backend === 'sqlite') store = new SqliteStateStore({ path: settings.sqlitePath, ...common });
  else if (settings.connectionString) store = new AzureTablesStateStore({ tableName: settings.tableName, connectionString: settings.connectionString, ...common });
  else {
    const credential = settings.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId }) : new DefaultAzureCredential();
    store = new AzureTablesStateStore({ tableName: settings.tableName, endpoint: settings.tablesEndpoint, credential, ...common });
  }
  return settings.sweepIntervalMs > 0 ? withPeriodicSweep(store, settings.sweepIntervalMs) : store;
}

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
