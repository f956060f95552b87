// Exchange claims in a SQLite file, shared by every agent process that opens
// the same file (several workers on one host, or a shared volume). The primary
// key makes the first INSERT win atomically; expired claims are swept on the way.
import Database from 'better-sqlite3';
import type { ExchangeClaimStore } from './exchange-deduplicator.js';

export class SqliteExchangeClaims implements ExchangeClaimStore {
  private readonly db: Database.Database;
  private readonly sweep: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec('CREATE TABLE IF NOT EXISTS sso_exchange_claims (claim_key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
    this.sweep = this.db.prepare('DELETE FROM sso_exchange_claims WHERE expires_at <= ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO sso_exchange_claims (claim_key, expires_at) VALUES (?, ?)');
    this.remove = this.db.prepare('DELETE FROM sso_exchange_claims WHERE claim_key = ?');
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.db.transaction(() => {
      this.sweep.run(now);
      return this.insert.run(key, now + ttlMs).changes === 1;
    }).immediate();
  }

  async release(key: string): Promise<void> {
    this.remove.run(key);
  }

  close(): void {
    this.db.close();
  }
}
