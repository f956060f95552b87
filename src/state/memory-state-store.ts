// The state store for one process: values kept as JSON text (so callers never
// share mutable objects and the semantics match the persistent backends),
// bounded by dropping the least recently written record first.
import { StateError } from './state-errors.js';
import { checkKey, checkNamespace, checkPutOptions, serialize, type DeleteOptions, type PutOptions, type StateProblemReporter, type StateRecord, type StateStore, type ValueParser } from './state-store.js';
import { decodeValue, keyHash, logProblems } from './record-codec.js';

interface Entry {
  text: string;
  etag: string;
  expiresAt?: number;
}

export interface MemoryStateStoreOptions {
  maxRecords?: number;
  now?: () => number;
  report?: StateProblemReporter;
}

export class MemoryStateStore implements StateStore {
  readonly backend = 'memory';
  private readonly entries = new Map<string, Entry>();
  private readonly maxRecords: number;
  private readonly now: () => number;
  private readonly report: StateProblemReporter;
  private version = 0;

  constructor(options: MemoryStateStoreOptions = {}) {
    this.maxRecords = options.maxRecords ?? 100_000;
    this.now = options.now ?? Date.now;
    this.report = options.report ?? logProblems;
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  async get<T = unknown>(namespace: string, key: string, parse?: ValueParser<T>): Promise<StateRecord<T> | undefined> {
    checkNamespace(namespace);
    checkKey(key);
    const entry = this.live(`${namespace}\u0000${key}`);
    if (!entry) return undefined;
    const decoded = decodeValue(entry.text, parse);
    if (!decoded.ok) {
      this.report({ kind: 'corrupt-record', backend: this.backend, namespace, keyHash: keyHash(key), detail: decoded.detail });
      return undefined;
    }
    return { value: decoded.value, etag: entry.etag, expiresAt: entry.expiresAt };
  }

  async put(namespace: string, key: string, value: unknown, options: PutOptions = {}): Promise<string> {
    checkNamespace(namespace);
    checkKey(key);
    checkPutOptions(options);
    const text = serialize(value);
    const id = `${namespace}\u0000${key}`;
    const current = this.live(id);
    if (options.ifNoneMatch === '*' && current) throw new StateError('conflict', 'record already exists', this.backend);
    if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) throw new StateError('conflict', 'record changed since it was read', this.backend);
    const etag = `m${++this.version}`;
    this.entries.delete(id);
    this.entries.set(id, { text, etag, expiresAt: options.ttlMs === undefined ? undefined : this.now() + options.ttlMs });
    while (this.entries.size > this.maxRecords) this.entries.delete(this.entries.keys().next().value!);
    return etag;
  }

  async delete(namespace: string, key: string, options: DeleteOptions = {}): Promise<boolean> {
    checkNamespace(namespace);
    checkKey(key);
    const id = `${namespace}\u0000${key}`;
    const current = this.live(id);
    if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) throw new StateError('conflict', 'record changed since it was read', this.backend);
    return this.entries.delete(id) && current !== undefined;
  }

  async sweepExpired(): Promise<number> {
    let removed = 0;
    for (const id of [...this.entries.keys()]) if (this.entries.has(id) && !this.live(id)) removed++;
    return removed;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
