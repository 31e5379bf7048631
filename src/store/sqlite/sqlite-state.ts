import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, StoreUnavailableError } from '../../domain/errors';
import type { KeyValueState, StateEntry, WriteOptions } from '../../domain/key-value-state';
import { guarded } from './sqlite-errors';

interface StateRow {
  readonly value: string;
  readonly etag: number;
}

const ITEM_NAME = 'conversation state';

/**
 * Opens the bot's key-value state in a SQLite file (its own table, `bot_state`,
 * beside the pathway's lists when given the same path) or `:memory:`. Entity tags
 * are a counter per key; an expired entry reads as absent and is swept on write.
 */
export function openSqliteState(options: { readonly path: string }): KeyValueState {
  const inMemory = options.path === ':memory:';
  const db = guarded(() => {
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    const opened = new Database(inMemory ? ':memory:' : path.resolve(options.path));
    if (!inMemory) opened.pragma('journal_mode = WAL');
    opened.pragma('busy_timeout = 5000');
    opened.exec(
      `CREATE TABLE IF NOT EXISTS "bot_state" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL, "etag" INTEGER NOT NULL, "expires" INTEGER)`,
    );
    return opened;
  });
  return new SqliteState(db);
}

class SqliteState implements KeyValueState {
  private closed = false;

  constructor(private readonly db: Database.Database) {}

  async read<T>(key: string): Promise<StateEntry<T> | undefined> {
    return this.use(() => {
      const row = this.live(key);
      return row && { value: JSON.parse(row.value) as T, etag: String(row.etag) };
    });
  }

  async write<T>(key: string, value: T, options: WriteOptions = {}): Promise<string> {
    return this.use(() =>
      this.db
        .transaction(() => {
          this.db.prepare(`DELETE FROM "bot_state" WHERE "expires" IS NOT NULL AND "expires" <= ?`).run(Date.now());
          const current = this.live(key);
          const condition = options.condition;
          if (condition && 'ifAbsent' in condition && current) throw new ConflictError(ITEM_NAME);
          if (condition && 'ifMatch' in condition && (!current || String(current.etag) !== condition.ifMatch)) {
            throw new ConflictError(ITEM_NAME);
          }
          const etag = (current?.etag ?? 0) + 1;
          const expires = options.ttlMs === undefined ? null : Date.now() + options.ttlMs;
          this.db
            .prepare(
              `INSERT INTO "bot_state" ("key", "value", "etag", "expires") VALUES (?, ?, ?, ?)
               ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "etag" = excluded."etag", "expires" = excluded."expires"`,
            )
            .run(key, JSON.stringify(value), etag, expires);
          return String(etag);
        })
        .immediate(),
    );
  }

  async delete(key: string): Promise<void> {
    this.use(() => this.db.prepare(`DELETE FROM "bot_state" WHERE "key" = ?`).run(key));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private live(key: string): StateRow | undefined {
    return this.db
      .prepare(`SELECT "value", "etag" FROM "bot_state" WHERE "key" = ? AND ("expires" IS NULL OR "expires" > ?)`)
      .get(key, Date.now()) as StateRow | undefined;
  }

  private use<T>(work: () => T): T {
    if (this.closed) throw new StoreUnavailableError();
    return guarded(work);
  }
}
