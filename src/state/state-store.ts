// The contract every state backend meets: JSON records under (namespace, key),
// each with an ETag for optimistic concurrency and an optional time to live.
// "Absent" means missing, expired or unparseable: all three read as undefined,
// and a create-only write may replace an expired or unparseable record.
import { StateError } from './state-errors.js';

export interface StateRecord<T> {
  value: T;
  /** Opaque version; pass it back as `ifMatch` to update only this version. */
  etag: string;
  /** Epoch ms after which the record reads as absent; undefined = never. */
  expiresAt?: number;
}

export interface PutOptions {
  /** Write only if the stored version still has this ETag (compare-and-swap). */
  ifMatch?: string;
  /** '*' = create only: fail if a live record exists. */
  ifNoneMatch?: '*';
  /** Time to live in ms from now; omitted = keep until deleted. */
  ttlMs?: number;
}

export interface DeleteOptions {
  ifMatch?: string;
}

/** Something the store skipped rather than failed on (reported, never thrown). */
export interface StateProblem {
  kind: 'corrupt-record';
  backend: string;
  namespace: string;
  /** A short hash of the key: keys may carry user ids. */
  keyHash: string;
  detail: string;
}

export type StateProblemReporter = (problem: StateProblem) => void;

/** Validates a parsed value (e.g. a zod schema's `parse`); throwing marks the record corrupt. */
export type ValueParser<T> = (value: unknown) => T;

/**
 * How a write is committed. 'durable' (default) is on disk when the call returns; 'relaxed' may
 * skip waiting for the disk: an application crash keeps it, a power failure may lose the last few
 * (never tears a record). For records that may be lost, such as rate-limit buckets.
 */
export type WriteDurability = 'durable' | 'relaxed';

/** One record's read-change-write inside a transaction (see StateStore.transact). */
export type UpdateInTransaction = <T, R>(namespace: string, key: string, change: (current: T | undefined) => { value: T | undefined; result: R }, options?: { ttlMs?: number; parse?: ValueParser<T> }) => R;

export interface StateStore {
  /** 'memory' | 'sqlite' | 'azure-tables' */
  readonly backend: string;
  get<T = unknown>(namespace: string, key: string, parse?: ValueParser<T>): Promise<StateRecord<T> | undefined>;
  /** Writes and returns the new ETag; throws StateError('conflict') when a condition fails. */
  put(namespace: string, key: string, value: unknown, options?: PutOptions): Promise<string>;
  /** True when a live record was deleted; throws 'conflict' when ifMatch does not match. */
  delete(namespace: string, key: string, options?: DeleteOptions): Promise<boolean>;
  /**
   * Optional: reads, changes and writes one record in one atomic step (a transaction), for
   * backends that have one. updateRecord() uses it when present and otherwise loops over
   * get and a conditional put. `change` gets the live, parsed value (undefined when absent);
   * `value: undefined` writes nothing.
   */
  update?<T, R>(namespace: string, key: string, change: (current: T | undefined) => { value: T | undefined; result: R }, options?: { ttlMs?: number; parse?: ValueParser<T>; durability?: WriteDurability }): Promise<R>;
  /**
   * Optional: several such updates in one transaction (one commit), e.g. a turn's user and
   * tenant rate-limit buckets. `work` runs synchronously; a throw writes nothing. Backends
   * without multi-record transactions (Azure Tables across namespaces) leave it out.
   */
  transact?<R>(work: (update: UpdateInTransaction) => R, options?: { durability?: WriteDurability }): Promise<R>;
  /** Removes expired records now; returns how many. Backends also expire lazily on read. */
  sweepExpired(): Promise<number>;
  close(): Promise<void>;
}

const namespacePattern = /^[a-z][a-z0-9-]{0,62}$/;

/** Namespaces are ours (code constants), so they are strict; keys are free text. */
export function checkNamespace(namespace: string): void {
  if (!namespacePattern.test(namespace)) throw new StateError('invalid', 'state namespace must be lower-case letters, digits and dashes, starting with a letter (at most 63)');
}

export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new StateError('invalid', 'state key must be a non-empty string');
  if (key.length > 64 * 1024) throw new StateError('invalid', 'state key is longer than 64K characters');
}

export function checkPutOptions(options: PutOptions): void {
  if (options.ifMatch !== undefined && options.ifNoneMatch !== undefined) throw new StateError('invalid', 'ifMatch and ifNoneMatch are exclusive');
  if (options.ttlMs !== undefined && !(Number.isFinite(options.ttlMs) && options.ttlMs > 0)) throw new StateError('invalid', 'ttlMs must be a positive number');
}

/** JSON text of a value; refuses what JSON cannot round-trip (undefined, functions, cycles). */
export function serialize(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    throw new StateError('invalid', 'state value is not JSON-serialisable');
  }
  if (text === undefined) throw new StateError('invalid', 'state value is not JSON-serialisable');
  return text;
}
