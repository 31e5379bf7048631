import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RefusedError, StoreUnavailableError } from '../../domain/errors';
import { columnsOf, type ListName, type RecordOf } from '../../domain/schema/lists';
import { parseFields } from '../../domain/schema/validate';
import type {
  AnyQuery,
  Change,
  CommitContext,
  Committed,
  ItemRef,
  Query,
  RecordAccess,
  Results,
  Store,
  StoreHealth,
} from '../../domain/store';
import { auditFields, changeEntry, type AuditEntry } from '../audit';
import { checkedExpansion, expandedFrom, lookedUpIds } from '../expansion';
import {
  assertList,
  canonicalFields,
  checkedAccess,
  checkedChanges,
  checkedContext,
  checkedKey,
  checkedVersion,
  declareRef,
  inUseError,
  lookupsOf,
  referencesTo,
  refuseMissingLookups,
  resolveRefs,
  type RefTarget,
  type Stamp,
} from '../commit-rules';
import { recordFromRow, selectColumns, toSql, type Row } from './codec';
import { migrate, schemaVersion, type MigrationReport } from './migrate';
import { compileQuery } from './query';
import { ident } from './sql';
import { guarded, isSqliteError } from './sqlite-errors';

/** Where the database lives and how patient a write is. */
export interface SqliteStoreOptions {
  /** A file path (its folder is created if missing), or `:memory:` for a private in-memory database. */
  readonly path: string;
  /** How long a write waits for another connection's lock before giving up, in milliseconds. Default 5000. */
  readonly busyTimeoutMs?: number;
}

type Refs = Map<string, RefTarget>;

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** Query shapes are bounded by the schema, but a cap keeps a long-running process honest. */
const STATEMENT_CACHE_MAX = 500;

/**
 * Opens (creating and migrating as needed) an embedded SQLite store. Files get
 * write-ahead logging, so readers never wait for a writer; every connection
 * enforces foreign keys. Throws {@link StoreUnavailableError} if the file cannot
 * be opened.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return SqliteStore.open(options);
}

/**
 * The {@link Store} port on an embedded SQLite database (better-sqlite3). One
 * table per list, derived from the schema. Reads are validated against the list
 * schema at this boundary; each commit is one IMMEDIATE transaction that also
 * appends the audit trail. Open it with {@link openSqliteStore}.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly location: string,
    /** What migrating at open found and did, including columns the schema no longer declares. */
    readonly migration: MigrationReport,
  ) {}

  /** See {@link openSqliteStore}. */
  static open(options: SqliteStoreOptions): SqliteStore {
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
      throw new RangeError(`busyTimeoutMs must be a whole number of milliseconds, not ${busyTimeoutMs}`);
    }
    const inMemory = options.path === ':memory:';
    const location = inMemory ? ':memory:' : path.resolve(options.path);
    return guarded(() => {
      if (!inMemory) fs.mkdirSync(path.dirname(location), { recursive: true });
      const db = new Database(location);
      try {
        if (!inMemory) db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        // Overwrites deleted and replaced content with zeros, so erased personal data does not linger in free pages.
        db.pragma('secure_delete = ON');
        db.pragma(`busy_timeout = ${busyTimeoutMs}`);
        db.pragma('synchronous = NORMAL');
        return new SqliteStore(db, location, migrate(db));
      } catch (error) {
        db.close();
        throw error;
      }
    });
  }

  async get<L extends ListName>(list: L, id: number): Promise<RecordOf<L> | undefined> {
    return this.use(() => {
      assertList(list);
      return this.read(list, id);
    });
  }

  async find<L extends ListName>(query: Query<L>): Promise<Array<RecordOf<L>>> {
    return this.use(() => this.findNow(query));
  }

  async findAll<const Q extends readonly AnyQuery[]>(queries: Q): Promise<Results<Q>> {
    // One transaction, so every answer comes from the same snapshot.
    const answers = this.use(() => this.db.transaction(() => queries.map((query) => this.findNow(query)))());
    return answers as Results<Q>;
  }

  async commit(changes: readonly Change[], context: CommitContext): Promise<Committed> {
    return this.use(() => {
      const stamp = checkedContext(context);
      checkedChanges(changes);
      const refs: Refs = new Map();
      const write = this.db.transaction(() => changes.map((change) => this.apply(change, stamp, refs)));
      // IMMEDIATE takes the write lock first, so a busy database waits (busy_timeout)
      // instead of failing half-way when a read turns into a write.
      return write.immediate();
    });
  }

  async recordAccess(access: RecordAccess, context: CommitContext): Promise<void> {
    this.use(() => {
      const stamp = checkedContext(context);
      checkedAccess(access);
      this.audit({ list: access.list, itemId: access.id, action: access.action, summary: access.summary, changes: null }, stamp);
    });
  }

  /**
   * SQLite keeps no earlier versions, and `secure_delete` zeroes replaced content as
   * it is written; what remains is the write-ahead log, which can still hold pages
   * from before the erasure. A TRUNCATE checkpoint copies them into the database and
   * empties the log. If another connection's read keeps it from finishing, the store
   * says it is unavailable, so the erasure can be retried.
   */
  async purgeHistory(items: ReadonlyArray<ItemRef>): Promise<void> {
    this.use(() => {
      for (const item of items) assertList(item.list);
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result && result.busy !== 0)
        throw new StoreUnavailableError(
          'The erasure was saved, but older copies could not be cleared yet because the database is busy. Erase again in a minute to finish.',
        );
    });
  }

  async health(): Promise<StoreHealth> {
    return this.use(() => {
      const unknown = this.migration.unknownColumns.map(({ list, column }) => `${list}.${column}`);
      const kept = unknown.length > 0 ? `; columns kept that the schema no longer declares: ${unknown.join(', ')}` : '';
      return { ok: true, kind: this.kind, detail: `${this.location}, schema version ${schemaVersion(this.db)}${kept}` };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }

  /** A value the app recorded about this database (for example that demo data was seeded), or undefined. */
  getMeta(name: string): string | undefined {
    return this.use(() => {
      const row = this.statement(`SELECT "value" FROM "app_meta" WHERE "name" = ?`).get(name) as { value: string } | undefined;
      return row?.value;
    });
  }

  /** Records a value about this database, replacing any earlier one of that name. */
  setMeta(name: string, value: string): void {
    this.use(() => {
      this.statement(
        `INSERT INTO "app_meta" ("name", "value") VALUES (?, ?) ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"`,
      ).run(name, value);
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError();
  }

  private use<T>(work: () => T): T {
    this.assertOpen();
    return guarded(work);
  }

  private statement(sql: string): Database.Statement {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const prepared = this.db.prepare(sql);
    if (this.statements.size >= STATEMENT_CACHE_MAX) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    this.statements.set(sql, prepared);
    return prepared;
  }

  private findNow<L extends ListName>(query: Query<L>): Array<RecordOf<L>> {
    const expansion = checkedExpansion(query as AnyQuery);
    const { sql, params } = compileQuery(query as AnyQuery);
    const records = (this.statement(sql).all(...params) as Row[]).map((row) => recordFromRow(query.list, row));
    if (!expansion) return records;
    const ids = lookedUpIds(expansion, records);
    const targets = new Map(
      ids.length > 0 ? this.findNow({ list: expansion.list, where: { id: ids } }).map((target) => [target.id, target]) : [],
    );
    return records.map((record) => {
      const id = (record as unknown as Record<string, unknown>)[expansion.lookup];
      return { ...record, expanded: expandedFrom(expansion, typeof id === 'number' ? targets.get(id) : undefined) };
    });
  }

  private read<L extends ListName>(list: L, id: number): RecordOf<L> | undefined {
    const row = this.statement(`SELECT ${selectColumns(list)} FROM ${ident(list)} WHERE "id" = ?`).get(id) as Row | undefined;
    return row && recordFromRow(list, row);
  }

  private readWritten<L extends ListName>(list: L, id: number): RecordOf<L> {
    const record = this.read(list, id);
    if (!record) throw new Error(`The ${list} row with id ${id} was written but cannot be read back`);
    return record;
  }

  private apply(change: Change, stamp: Stamp, refs: Refs): RecordOf<ListName> | undefined {
    switch (change.op) {
      case 'create':
        return this.create(change, stamp, refs);
      case 'update':
        return this.update(change, stamp);
      case 'delete':
        this.remove(change, stamp);
        return undefined;
    }
  }

  private create(change: Extract<Change, { op: 'create' }>, stamp: Stamp, refs: Refs): RecordOf<ListName> {
    const { at } = stamp;
    const list = change.list;
    const key = checkedKey(change.key);
    const existing = this.statement(`SELECT ${selectColumns(list)} FROM ${ident(list)} WHERE "key" = ?`).get(key) as Row | undefined;
    if (existing) {
      const record = recordFromRow(list, existing);
      declareRef(refs, change.ref, { list, id: record.id });
      return record;
    }
    const fields = canonicalFields(list, parseFields(list, resolveRefs(list, change.values, refs)));
    this.checkLookups(list, fields);
    const id = this.insert(list, key, at, fields);
    declareRef(refs, change.ref, { list, id });
    const stored = this.readWritten(list, id);
    this.audit(changeEntry(change, id, undefined, stored), stamp);
    return stored;
  }

  private update(change: Extract<Change, { op: 'update' }>, stamp: Stamp): RecordOf<ListName> {
    const { list } = change;
    const { at } = stamp;
    const changed = canonicalFields(list, parseFields(list, change.values, true));
    const before = checkedVersion(list, change.id, change.version, this.read(list, change.id));
    this.checkLookups(list, changed);
    const merged: Record<string, unknown> = { ...before, ...changed };
    const columns = columnsOf(list);
    const assignments = columns.map(({ name }) => `${ident(name)} = ?`).join(', ');
    this.statement(
      `UPDATE ${ident(list)} SET ${assignments}, "version" = "version" + 1, "modified" = ? WHERE "id" = ? AND "version" = ?`,
    ).run(...columns.map(({ name, meta }) => toSql(meta, merged[name])), at, change.id, change.version);
    const after = this.readWritten(list, change.id);
    this.audit(changeEntry(change, change.id, before, after), stamp);
    return after;
  }

  private remove(change: Extract<Change, { op: 'delete' }>, stamp: Stamp): void {
    const list = change.list;
    const before = checkedVersion(list, change.id, change.version, this.read(list, change.id));
    try {
      this.statement(`DELETE FROM ${ident(list)} WHERE "id" = ?`).run(change.id);
    } catch (error) {
      if (isSqliteError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw this.inUse(list, change.id);
      throw error;
    }
    this.audit(changeEntry(change, change.id, before, undefined), stamp);
  }

  private insert(list: ListName, key: string, at: string, fields: Readonly<Record<string, unknown>>): number {
    const columns = columnsOf(list);
    const names = ['key', 'version', 'created', 'modified', ...columns.map((column) => column.name)];
    const sql = `INSERT INTO ${ident(list)} (${names.map(ident).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    const values = columns.map(({ name, meta }) => toSql(meta, fields[name]));
    return Number(this.statement(sql).run(key, 1, at, at, ...values).lastInsertRowid);
  }

  private audit(entry: AuditEntry, stamp: Stamp): void {
    this.insert('activity', randomUUID(), stamp.at, auditFields(entry, stamp));
  }

  /** Names each lookup column whose id is not in the list it points at (SQLite's own error names none). */
  private checkLookups(list: ListName, fields: Readonly<Record<string, unknown>>): void {
    refuseMissingLookups(
      lookupsOf(list, fields).filter(
        ({ list: target, id }) => this.statement(`SELECT 1 FROM ${ident(target)} WHERE "id" = ?`).get(id) === undefined,
      ),
    );
  }

  /** The refusal for deleting an item that others still point at, counting them by list. */
  private inUse(list: ListName, id: number): RefusedError {
    const references: Record<string, number> = {};
    for (const { list: other, name } of referencesTo(list)) {
      const row = this.statement(`SELECT count(*) AS "count" FROM ${ident(other)} WHERE ${ident(name)} = ?`).get(id) as { count: number };
      if (row.count > 0) references[other] = (references[other] ?? 0) + row.count;
    }
    return inUseError(list, id, references);
  }
}
