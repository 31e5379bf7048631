import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, StoreUnavailableError } from '../../domain/errors';
import type { StateEntry, SweepOptions, SweptState, WriteOptions } from '../../domain/key-value-state';
import { guarded } from './sqlite-errors';
import { sweepTimer } from '../sweep-timer';

interface StateRow {
  readonly value: string;
  readonly etag: number;
}

const ITEM_NAME = 'conversation state';

/**
 * Opens the bot's key-value state in a SQLite file (its own table, `bot_state`,
 * beside the pathway's lists when given the same path) or `:memory:`. Entity tags
 * are a counter per key; an expired entry reads as absent until a sweep deletes
 * it ({@link SweptState.sweepExpired}, and every `sweepEveryMs` when given). The
 * expiry is indexed, so a sweep reads only what has expired however many entries a
 * day of traffic leaves (every activity's `seen:` key is kept for a day).
 */
export function openSqliteState(options: { readonly path: string }, sweeping: SweepOptions = {}): SweptState {
  const inMemory = options.path === ':memory:';
  const db = guarded(() => {
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    const opened = new Database(inMemory ? ':memory:' : path.resolve(options.path));
    if (!inMemory) opened.pragma('journal_mode = WAL');
    opened.pragma('busy_timeout = 5000');
    // As the pathway's store: in WAL mode a commit is not flushed to disk on its own
    // (a typed turn writes three entries); the log is at checkpoints. A power cut can lose
    // the last entries written, never corrupt the file; a crash of the process loses nothing.
    opened.pragma('synchronous = NORMAL');
    opened.exec(
      `CREATE TABLE IF NOT EXISTS "bot_state" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL, "etag" INTEGER NOT NULL, "expires" INTEGER);
       CREATE INDEX IF NOT EXISTS "bot_state_expires" ON "bot_state" ("expires") WHERE "expires" IS NOT NULL`,
    );
    return opened;
  });
  const state = new SqliteState(db);
  if (sweeping.sweepEveryMs !== undefined) state.sweeping = sweepTimer(state, sweeping.sweepEveryMs, sweeping.onSweep);
  return state;
}

/** Every statement the state runs, prepared once when it opens. */
function statementsOf(db: Database.Database) {
  return {
    live: db.prepare<[string, number], StateRow>(
      `SELECT "value", "etag" FROM "bot_state" WHERE "key" = ? AND ("expires" IS NULL OR "expires" > ?)`,
    ),
    upsert: db.prepare<[string, string, number, number | null]>(
      `INSERT INTO "bot_state" ("key", "value", "etag", "expires") VALUES (?, ?, ?, ?)
       ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "etag" = excluded."etag", "expires" = excluded."expires"`,
    ),
    delete: db.prepare<[string]>(`DELETE FROM "bot_state" WHERE "key" = ?`),
    sweep: db.prepare<[number]>(`DELETE FROM "bot_state" WHERE "expires" IS NOT NULL AND "expires" <= ?`),
  };
}

class SqliteState implements SweptState {
  private closed = false;
  /** The timer that sweeps every so often, when asked to; cleared on close. */
  sweeping: NodeJS.Timeout | undefined;
  private readonly statements: ReturnType<typeof statementsOf>;
  /** One write: the condition checked and the entry stored in one transaction. */
  private readonly writeEntry: Database.Transaction<(key: string, value: unknown, options: WriteOptions) => string>;

  constructor(private readonly db: Database.Database) {
    this.statements = statementsOf(db);
    this.writeEntry = db.transaction((key, value, options) => {
      const current = this.live(key);
      const condition = options.condition;
      if (condition && 'ifAbsent' in condition && current) throw new ConflictError(ITEM_NAME);
      if (condition && 'ifMatch' in condition && (!current || String(current.etag) !== condition.ifMatch)) {
        throw new ConflictError(ITEM_NAME);
      }
      const etag = (current?.etag ?? 0) + 1;
      const expires = options.ttlMs === undefined ? null : Date.now() + options.ttlMs;
      this.statements.upsert.run(key, JSON.stringify(value), etag, expires);
      return String(etag);
    });
  }

  async read<T>(key: string): Promise<StateEntry<T> | undefined> {
    return this.use(() => {
      const row = this.live(key);
      return row && { value: JSON.parse(row.value) as T, etag: String(row.etag) };
    });
  }

  async write<T>(key: string, value: T, options: WriteOptions = {}): Promise<string> {
    return this.use(() => this.writeEntry.immediate(key, value, options));
  }

  async delete(key: string): Promise<void> {
    this.use(() => this.statements.delete.run(key));
  }

  async sweepExpired(): Promise<number> {
    return this.use(() => this.statements.sweep.run(Date.now()).changes);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeping);
    this.db.close();
  }

  private live(key: string): StateRow | undefined {
    return this.statements.live.get(key, Date.now());
  }

  private use<T>(work: () => T): T {
    if (this.closed) throw new StoreUnavailableError();
    return guarded(work);
  }
}
