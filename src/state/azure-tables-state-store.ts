// The shared backend for several instances: one Azure Storage table, the
// namespace as partition key and an encoded key as row key. Every write is
// conditional on the entity's ETag (or create-only), so two instances never
// overwrite each other silently. Keyless in production (a TokenCredential);
// a connection string is for Azurite only. Each call has a deadline.
import { RestError, TableClient, odata, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { StateError } from './state-errors.js';
import { checkKey, checkNamespace, checkPutOptions, serialize, type DeleteOptions, type PutOptions, type StateProblemReporter, type StateRecord, type StateStore, type ValueParser } from './state-store.js';
import { decodeValue, keyHash, logProblems, withDeadline } from './record-codec.js';
import { tableRowKey } from './table-keys.js';

export interface AzureTablesStateStoreOptions {
  tableName: string;
  /** https://<account>.table.core.windows.net with `credential`, or */
  endpoint?: string;
  credential?: TokenCredential;
  /** Azurite only (UseDevelopmentStorage=true or an explicit loopback endpoint). */
  connectionString?: string;
  timeoutMs?: number;
  now?: () => number;
  report?: StateProblemReporter;
}

type Entity = TableEntity<Record<string, unknown>>;

// A string property holds at most 64 KiB (32K UTF-16 units); an entity at most
// 1 MiB and 252 properties. Values are split across v0..vN.
const chunkChars = 30_000;
const maxChunks = 15;

export class AzureTablesStateStore implements StateStore {
  readonly backend = 'azure-tables';
  /** The table service's host (no path, no credentials): the target named in telemetry. */
  readonly host: string;
  private readonly client: TableClient;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly report: StateProblemReporter;
  private ready?: Promise<void>;

  constructor(options: AzureTablesStateStoreOptions) {
    if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(options.tableName)) throw new StateError('invalid', 'an Azure table name is 3 to 63 letters and digits, starting with a letter', 'azure-tables');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.report = options.report ?? logProblems;
    // Few retries: the deadline, not the retry policy, bounds how long a turn waits.
    const clientOptions = { retryOptions: { maxRetries: 2, retryDelayInMs: 50, maxRetryDelayInMs: 500 } };
    if (options.connectionString) {
      this.client = TableClient.fromConnectionString(options.connectionString, options.tableName, { ...clientOptions, allowInsecureConnection: true });
    } else if (options.endpoint && options.credential) {
      this.client = new TableClient(options.endpoint, options.tableName, options.credential, clientOptions);
    } else {
      throw new StateError('invalid', 'Azure Tables state needs an endpoint and a credential (or an Azurite connection string)', this.backend);
    }
    this.host = new URL(this.client.url).host;
  }

  /** Runs a write and returns the entity's new ETag. */
  private async write(what: string, work: (signal: AbortSignal) => Promise<{ etag?: string }>): Promise<string> {
    const { etag } = await this.call(what, work);
    if (!etag) throw new StateError('unavailable', `Azure Tables ${what} returned no ETag`, this.backend);
    return etag;
  }

  private call<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withDeadline(work, this.timeoutMs, () => new StateError('timeout', `Azure Tables ${what} took longer than ${this.timeoutMs} ms`, this.backend)).catch((err: unknown) => {
      throw this.translate(err, what);
    });
  }

  private translate(err: unknown, what: string): StateError {
    if (err instanceof StateError) return err;
    if (err instanceof RestError || (err as { name?: string }).name === 'RestError') {
      const status = (err as RestError).statusCode;
      if (status === 409 || status === 412 || status === 404) return new StateError('conflict', 'record changed since it was read', this.backend);
      if (status === 413 || /TooLarge/i.test(String((err as RestError).code ?? ''))) return new StateError('too-large', 'the state value is too large for one table entity', this.backend);
      return new StateError('unavailable', `Azure Tables ${what} failed${status ? ` (HTTP ${status})` : ''}`, this.backend);
    }
    if ((err as { name?: string }).name === 'AbortError') return new StateError('timeout', `Azure Tables ${what} took longer than ${this.timeoutMs} ms`, this.backend);
    return new StateError('unavailable', `Azure Tables ${what} failed`, this.backend);
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.call('create table', (abortSignal) => this.client.createTable({ abortSignal })).catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** The raw entity, or undefined when it does not exist. */
  private async fetch(namespace: string, rowKey: string): Promise<TableEntityResult<Record<string, unknown>> | undefined> {
    await this.ensureTable();
    return this.call('read', (abortSignal) =>
      this.client.getEntity<Record<string, unknown>>(namespace, rowKey, { abortSignal }).catch((err: unknown) => {
        if ((err as RestError).statusCode === 404) return undefined;
        throw err;
      }),
    );
  }

  private isExpired(entity: Record<string, unknown>): boolean {
    return typeof entity.expiresAt === 'number' && entity.expiresAt <= this.now();
  }

  private textOf(entity: Record<string, unknown>): unknown {
    const count = entity.chunks;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > maxChunks) return undefined;
    let text = '';
    for (let i = 0; i < count; i++) {
      const part = entity[`v${i}`];
      if (typeof part !== 'string') return undefined;
      text += part;
    }
    return text;
  }

  private entityOf(namespace: string, rowKey: string, text: string, ttlMs: number | undefined): Entity {
    const chunks = Math.max(1, Math.ceil(text.length / chunkChars));
    if (chunks > maxChunks) throw new StateError('too-large', `state values are limited to ${chunkChars * maxChunks} characters in Azure Tables`, this.backend);
    const entity: Entity = { partitionKey: namespace, rowKey, chunks };
    for (let i = 0; i < chunks; i++) entity[`v${i}`] = text.slice(i * chunkChars, (i + 1) * chunkChars);
    if (ttlMs !== undefined) entity.expiresAt = this.now() + ttlMs;
    return entity;
  }

  async get<T = unknown>(namespace: string, key: string, parse?: ValueParser<T>): Promise<StateRecord<T> | undefined> {
    checkNamespace(namespace);
    checkKey(key);
    const rowKey = tableRowKey(key);
    const entity = await this.fetch(namespace, rowKey);
    if (!entity) return undefined;
    if (this.isExpired(entity)) {
      // Lazy clean-up, only of this version: a concurrent re-create survives.
      void this.client.deleteEntity(namespace, rowKey, { etag: entity.etag, abortSignal: AbortSignal.timeout(this.timeoutMs) }).catch(() => undefined);
      return undefined;
    }
    const decoded = decodeValue(this.textOf(entity), parse);
    if (!decoded.ok) {
      this.report({ kind: 'corrupt-record', backend: this.backend, namespace, keyHash: keyHash(key), detail: decoded.detail });
      return undefined;
    }
    return { value: decoded.value, etag: entity.etag, expiresAt: typeof entity.expiresAt === 'number' ? entity.expiresAt : undefined };
  }

  async put(namespace: string, key: string, value: unknown, options: PutOptions = {}): Promise<string> {
    checkNamespace(namespace);
    checkKey(key);
    checkPutOptions(options);
    const rowKey = tableRowKey(key);
    const entity = this.entityOf(namespace, rowKey, serialize(value), options.ttlMs);
    await this.ensureTable();
    if (options.ifMatch !== undefined) {
      const etag = options.ifMatch;
      return this.write('conditional write', (abortSignal) => this.client.updateEntity(entity, 'Replace', { etag, abortSignal }));
    }
    if (options.ifNoneMatch === '*') {
      try {
        return await this.write('create', (abortSignal) => this.client.createEntity(entity, { abortSignal }));
      } catch (err) {
        if (!(err instanceof StateError && err.code === 'conflict')) throw err;
      }
      // It exists: an expired or unparseable record counts as absent and may be replaced (that version only).
      const existing = await this.fetch(namespace, rowKey);
      if (existing && !this.isExpired(existing) && decodeValue(this.textOf(existing)).ok) throw new StateError('conflict', 'record already exists', this.backend);
      if (!existing) return this.write('create', (abortSignal) => this.client.createEntity(entity, { abortSignal }));
      return this.write('conditional write', (abortSignal) => this.client.updateEntity(entity, 'Replace', { etag: existing.etag, abortSignal }));
    }
    return this.write('write', (abortSignal) => this.client.upsertEntity(entity, 'Replace', { abortSignal }));
  }

  async delete(namespace: string, key: string, options: DeleteOptions = {}): Promise<boolean> {
    checkNamespace(namespace);
    checkKey(key);
    const rowKey = tableRowKey(key);
    await this.ensureTable();
    if (options.ifMatch !== undefined) {
      const etag = options.ifMatch;
      await this.call('conditional delete', (abortSignal) => this.client.deleteEntity(namespace, rowKey, { etag, abortSignal }));
      return true;
    }
    try {
      await this.call('delete', (abortSignal) => this.client.deleteEntity(namespace, rowKey, { abortSignal }));
      return true;
    } catch (err) {
      if (err instanceof StateError && err.code === 'conflict') return false; // 404: nothing to delete
      throw err;
    }
  }

  async sweepExpired(): Promise<number> {
    await this.ensureTable();
    const cutoff = this.now();
    return this.call('sweep', async (abortSignal) => {
      let removed = 0;
      const expired = this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`expiresAt le ${cutoff}`, select: ['PartitionKey', 'RowKey'] }, abortSignal });
      for await (const e of expired) {
        try {
          await this.client.deleteEntity(e.partitionKey!, e.rowKey!, { etag: e.etag, abortSignal });
          removed++;
        } catch {
          /* rewritten or deleted meanwhile */
        }
      }
      return removed;
    });
  }

  async close(): Promise<void> {
    /* the HTTP pipeline holds no open handles between calls */
  }
}
