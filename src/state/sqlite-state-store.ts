// The embedded persistent backend: one SQLite file under .local/, so a restart
// keeps the state and several processes on one machine share it. Each write is
// in an IMMEDIATE transaction, so the compare-and-swap is atomic across processes
// (the read-change-writes of one event-loop pass share one: a group commit);
// a lock held too long by another process surfaces as a 'timeout' StateError.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { StateError } from './state-errors.js';
import { checkKey, checkNamespace, checkPutOptions, serialize, type DeleteOptions, type PutOptions, type StateProblemReporter, type StateRecord, type StateStore, type UpdateInTransaction, type ValueParser, type WriteDurability } from './state-store.js';
import { decodeValue, keyHash, logProblems } from './record-codec.js';

export interface SqliteStateStoreOptions {
  path: string;
  /** How long a call waits for another process's lock before failing. */
  timeoutMs?: number;
  now?: () => number;
  report?: StateProblemReporter;
}

// Version tags need only differ from every earlier tag of a record, also one another process sharing
// the file wrote: 72 random bits per process, then a counter (a random tag per write cost ~1.5 µs,
// paid twice per turn for the rate limits). A restart draws new random bits.
const etagPrefix = randomBytes(9).toString('hex');
let etagCount = 0;

/** A fresh version tag: this process's random prefix and the number of tags it handed out. */
function newEtag(): string {
  return etagPrefix + (etagCount++).toString(36);
}

interface Row {
  v: string;
  etag: string;
  expires_at: number | null;
}

/** The statements a read-change-write needs, prepared on one connection. */
interface Connection {
  db: Database.Database;
  select: Database.Statement<[string, string], Row>;
  upsert: Database.Statement<[string, string, string, string, number | null]>;
  /**
   * Runs a closure in a transaction; built once (building one per call costs more than the write).
   * Called inside another transaction it is a savepoint: a throw undoes only its own writes.
   */
  atomically: { immediate<R>(work: () => R): R; <R>(work: () => R): R };
  /** Writes asked for in this pass of the event loop, committed together (see SqliteStateStore.commit). */
  pending: PendingWrite[];
}

function prepareConnection(db: Database.Database): Connection {
  return {
    db,
    select: db.prepare('SELECT v, etag, expires_at FROM state_records WHERE ns = ? AND k = ?'),
    upsert: db.prepare('INSERT INTO state_records (ns, k, v, etag, expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ns, k) DO UPDATE SET v = excluded.v, etag = excluded.etag, expires_at = excluded.expires_at'),
    atomically: db.transaction((work: () => unknown) => work()) as unknown as Connection['atomically'],
    pending: [],
  };
}

/** A write waiting for its connection's group commit. */
interface PendingWrite {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export class SqliteStateStore implements StateStore {
  readonly backend = 'sqlite';
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly report: StateProblemReporter;
  /** Commits wait for the disk (synchronous=FULL): every write but the relaxed ones. */
  private readonly durable: Connection;
  /**
   * A second connection to the same file for relaxed writes, set once to synchronous=NORMAL
   * (WAL: a commit does not wait for the disk; a process crash keeps it, a power failure may
   * lose it but never corrupts the file; the next durable commit makes it durable too). Its own
   * connection instead of switching the pragma around each relaxed write (two more statements
   * per turn for the rate limits). An in-memory database has one connection and no disk.
   */
  private readonly relaxed: Connection;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly removeIf: Database.Statement<[string, string, string]>;
  private readonly sweep: Database.Statement<[number]>;
  /**
   * Where plain reads go: the connection that committed last. Both see every commit, but a commit on
   * one makes the other drop its page cache and read its pages again; the writer's cache stays warm
   * (a turn reads the policy generation right after the last turns' rate limits committed).
   */
  private reader: Connection;

  constructor(options: SqliteStateStoreOptions) {
    this.now = options.now ?? Date.now;
    this.report = options.report ?? logProblems;
    const timeout = options.timeoutMs ?? 2000;
    let db: Database.Database | undefined;
    let relaxedDb: Database.Database | undefined;
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      db = new Database(options.path, { timeout });
      db.pragma('journal_mode = WAL');
      db.exec(`CREATE TABLE IF NOT EXISTS state_records (
        ns TEXT NOT NULL, k TEXT NOT NULL, v TEXT NOT NULL, etag TEXT NOT NULL, expires_at INTEGER,
        PRIMARY KEY (ns, k)) WITHOUT ROWID`);
      db.exec('CREATE INDEX IF NOT EXISTS state_records_expiry ON state_records (expires_at) WHERE expires_at IS NOT NULL');
      db.pragma('synchronous = FULL');
      if (options.path !== ':memory:') {
        relaxedDb = new Database(options.path, { timeout });
        relaxedDb.pragma('synchronous = NORMAL');
      }
    } catch (err) {
      relaxedDb?.close();
      db?.close();
      throw this.translate(err);
    }
    this.db = db;
    this.durable = prepareConnection(this.db);
    this.relaxed = relaxedDb ? prepareConnection(relaxedDb) : this.durable;
    this.reader = this.durable;
    this.remove = this.db.prepare('DELETE FROM state_records WHERE ns = ? AND k = ?');
    this.removeIf = this.db.prepare('DELETE FROM state_records WHERE ns = ? AND k = ? AND etag = ?');
    this.sweep = this.db.prepare('DELETE FROM state_records WHERE expires_at IS NOT NULL AND expires_at <= ?');
  }

  private translate(err: unknown): StateError {
    if (err instanceof StateError) return err;
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StateError('timeout', 'the state database stayed locked past the deadline', this.backend);
    if (code === 'SQLITE_TOOBIG') return new StateError('too-large', 'the state value is too large', this.backend);
    return new StateError('unavailable', `the state database failed (${code || 'error'})`, this.backend);
  }

  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw this.translate(err);
    }
  }

  private isLive(row: Row | undefined): row is Row {
    return row !== undefined && (row.expires_at === null || row.expires_at > this.now());
  }

  async get<T = unknown>(namespace: string, key: string, parse?: ValueParser<T>): Promise<StateRecord<T> | undefined> {
    checkNamespace(namespace);
    checkKey(key);
    const row = this.run(() => this.reader.select.get(namespace, key));
    if (!this.isLive(row)) return undefined;
    const decoded = decodeValue(row.v, parse);
    if (!decoded.ok) {
      this.report({ kind: 'corrupt-record', backend: this.backend, namespace, keyHash: keyHash(key), detail: decoded.detail });
      return undefined;
    }
    return { value: decoded.value, etag: row.etag, expiresAt: row.expires_at ?? undefined };
  }

  async put(namespace: string, key: string, value: unknown, options: PutOptions = {}): Promise<string> {
    checkNamespace(namespace);
    checkKey(key);
    checkPutOptions(options);
    const text = serialize(value);
    const etag = newEtag();
    const { atomically, select, upsert } = this.durable;
    this.reader = this.durable;
    this.run(() =>
      atomically.immediate(() => {
        const row = select.get(namespace, key);
        // Expired or unparseable records count as absent, so create-only may replace them.
        const live = this.isLive(row) && decodeValue(row.v).ok;
        if (options.ifNoneMatch === '*' && live) throw new StateError('conflict', 'record already exists', this.backend);
        if (options.ifMatch !== undefined && (!live || row!.etag !== options.ifMatch)) throw new StateError('conflict', 'record changed since it was read', this.backend);
        upsert.run(namespace, key, text, etag, options.ttlMs === undefined ? null : this.now() + options.ttlMs);
      }),
    );
    return etag;
  }

  async update<T, R>(namespace: string, key: string, change: (current: T | undefined) => { value: T | undefined; result: R }, options: { ttlMs?: number; parse?: ValueParser<T>; durability?: WriteDurability } = {}): Promise<R> {
    const connection = this.connectionFor(options.durability);
    return this.inGroupCommit(connection, () => this.updateNow(connection, namespace, key, change, options));
  }

  async transact<R>(work: (update: UpdateInTransaction) => R, options: { durability?: WriteDurability } = {}): Promise<R> {
    const connection = this.connectionFor(options.durability);
    return this.inGroupCommit(connection, () => work((namespace, key, change, opts) => this.updateNow(connection, namespace, key, change, opts)));
  }

  private connectionFor(durability: WriteDurability | undefined): Connection {
    return durability === 'relaxed' ? this.relaxed : this.durable;
  }

  /**
   * Group commit: the read-change-writes asked for on one connection in one pass of the event loop
   * (under load, those of every turn whose request was read in that pass: the rate limits on the
   * relaxed connection, the conversation histories on the durable one) run in one transaction, in
   * the order asked, each in a savepoint of its own (a throw undoes only its own writes), and commit
   * once, in the check phase after the pass: one commit, and on the durable connection one wait for
   * the disk, for all of them. Each caller still gets its own result or error only after that
   * commit, so a durable write is on disk when its call returns, as before; a failed commit fails all.
   */
  private inGroupCommit<R>(connection: Connection, work: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (connection.pending.push({ work, resolve: resolve as (value: unknown) => void, reject }) === 1) setImmediate(() => this.commit(connection));
    });
  }

  private commit(connection: Connection): void {
    const jobs = connection.pending;
    if (jobs.length === 0) return;
    connection.pending = [];
    this.reader = connection;
    const { atomically } = connection;
    let outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
    try {
      outcomes = atomically.immediate(() =>
        jobs.map((job) => {
          try {
            // Alone in the batch, a throw rolls back the whole transaction anyway: no savepoint needed.
            return { ok: true as const, value: jobs.length === 1 ? job.work() : atomically(job.work) };
          } catch (error) {
            if (jobs.length === 1) throw error;
            return { ok: false as const, error };
          }
        }),
      );
    } catch (err) {
      const error = this.translate(err);
      for (const job of jobs) job.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? jobs[i]!.resolve(outcome.value) : jobs[i]!.reject(this.translate(outcome.error))));
  }

  /** update()'s read-change-write; the caller holds the transaction on `connection`. */
  private updateNow<T, R>(connection: Connection, namespace: string, key: string, change: (current: T | undefined) => { value: T | undefined; result: R }, options: { ttlMs?: number; parse?: ValueParser<T> } = {}): R {
    checkNamespace(namespace);
    checkKey(key);
    if (options.ttlMs !== undefined) checkPutOptions({ ttlMs: options.ttlMs });
    const row = connection.select.get(namespace, key);
    let current: T | undefined;
    if (this.isLive(row)) {
      const decoded = decodeValue(row.v, options.parse);
      if (decoded.ok) current = decoded.value;
      else this.report({ kind: 'corrupt-record', backend: this.backend, namespace, keyHash: keyHash(key), detail: decoded.detail });
    }
    const { value, result } = change(current);
    if (value !== undefined) connection.upsert.run(namespace, key, serialize(value), newEtag(), options.ttlMs === undefined ? null : this.now() + options.ttlMs);
    return result;
  }

  async delete(namespace: string, key: string, options: DeleteOptions = {}): Promise<boolean> {
    checkNamespace(namespace);
    checkKey(key);
    this.reader = this.durable;
    return this.run(() =>
      this.durable.atomically.immediate((): boolean => {
        const row = this.durable.select.get(namespace, key);
        const live = this.isLive(row);
        if (options.ifMatch !== undefined) {
          if (!live || row.etag !== options.ifMatch) throw new StateError('conflict', 'record changed since it was read', this.backend);
          return this.removeIf.run(namespace, key, options.ifMatch).changes === 1;
        }
        return this.remove.run(namespace, key).changes === 1 && live;
      }),
    );
  }

  async sweepExpired(): Promise<number> {
    this.reader = this.durable;
    return this.run(() => this.sweep.run(this.now()).changes);
  }

  async close(): Promise<void> {
    // Writes asked for before close still commit (their callers are waiting).
    if (this.db.open) {
      this.commit(this.relaxed);
      this.commit(this.durable);
    }
    if (this.relaxed.db.open) this.relaxed.db.close();
    if (this.db.open) this.db.close();
  }
}
