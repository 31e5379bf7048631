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
import { recordFromRow, selectColumns, toSql } from './codec';
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

/** What a commit has done so far: the refs its creates declared, and the items it wrote and has not deleted, which exist in its transaction. */
class CommitScope {
  readonly refs = new Map<string, RefTarget>();
  private readonly written = new Map<ListName, Set<number>>();

  wrote(list: ListName, id: number): void {
    let ids = this.written.get(list);
    if (!ids) {
      ids = new Set();
      this.written.set(list, ids);
    }
    ids.add(id);
  }

  deleted(list: ListName, id: number): void {
    this.written.get(list)?.delete(id);
  }

  holds(list: ListName, id: number): boolean {
    return this.written.get(list)?.has(id) === true;
  }
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** Query shapes are bounded by the schema, but a cap keeps a long-running process honest. */
const STATEMENT_CACHE_MAX = 500;

/** Keeps at most {@link STATEMENT_CACHE_MAX} statements, dropping the oldest. */
function cachedStatement(cache: Map<string, Database.Statement>, sql: string, prepare: () => Database.Statement): Database.Statement {
  const cached = cache.get(sql);
  if (cached) return cached;
  const prepared = prepare();
  if (cache.size >= STATEMENT_CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(sql, prepared);
  return prepared;
}

/** The SQL of the statements every commit runs on a list. */
interface ListSql {
  readonly byId: string;
  readonly byKey: string;
  readonly exists: string;
  readonly insert: string;
  readonly update: string;
  readonly delete: string;
}

const sqlByList = new Map<ListName, ListSql>();

/** Written once per list: a commit asks for these for every change and audit entry. */
function sqlOf(list: ListName): ListSql {
  let texts = sqlByList.get(list);
  if (!texts) {
    const table = ident(list);
    const columns = columnsOf(list).map(({ name }) => ident(name));
    const inserted = ['"key"', '"version"', '"created"', '"modified"', ...columns];
    texts = {
      byId: `SELECT ${selectColumns(list)} FROM ${table} WHERE "id" = ?`,
      byKey: `SELECT ${selectColumns(list)} FROM ${table} WHERE "key" = ?`,
      exists: `SELECT 1 FROM ${table} WHERE "id" = ?`,
      insert: `INSERT INTO ${table} (${inserted.join(', ')}) VALUES (${inserted.map(() => '?').join(', ')})`,
      update: `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')}, "version" = "version" + 1, "modified" = ? WHERE "id" = ? AND "version" = ?`,
      delete: `DELETE FROM ${table} WHERE "id" = ?`,
    };
    sqlByList.set(list, texts);
  }
  return texts;
}

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
  /** Statements that read whole items, answering each row as an array in {@link selectColumns} order. */
  private readonly rowStatements = new Map<string, Database.Statement>();
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
      const scope = new CommitScope();
      const write = this.db.transaction(() => changes.map((change) => this.apply(change, stamp, scope)));
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
    this.rowStatements.clear();
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
    return cachedStatement(this.statements, sql, () => this.db.prepare(sql));
  }

  /** A prepared read of whole items, its rows answered as arrays (better-sqlite3 names no columns, so reading is cheaper). */
  private rowStatement(sql: string): Database.Statement {
    return cachedStatement(this.rowStatements, sql, () => this.db.prepare(sql).raw(true));
  }

  private findNow<L extends ListName>(query: Query<L>): Array<RecordOf<L>> {
    const expansion = checkedExpansion(query as AnyQuery);
    const { sql, params } = compileQuery(query as AnyQuery);
    const records = (this.rowStatement(sql).all(...params) as unknown[][]).map((row) => recordFromRow(query.list, row));
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
    const row = this.rowStatement(sqlOf(list).byId).get(id) as unknown[] | undefined;
    return row && recordFromRow(list, row);
  }

  private apply(change: Change, stamp: Stamp, scope: CommitScope): RecordOf<ListName> | undefined {
    switch (change.op) {
      case 'create':
        return this.create(change, stamp, scope);
      case 'update':
        return this.update(change, stamp, scope);
      case 'delete':
        this.remove(change, stamp, scope);
        return undefined;
    }
  }

  private create(change: Extract<Change, { op: 'create' }>, stamp: Stamp, scope: CommitScope): RecordOf<ListName> {
    const { at } = stamp;
    const list = change.list;
    const key = checkedKey(change.key);
    const existing = this.rowStatement(sqlOf(list).byKey).get(key) as unknown[] | undefined;
    if (existing) {
      const record = recordFromRow(list, existing);
      declareRef(scope.refs, change.ref, { list, id: record.id });
      scope.wrote(list, record.id);
      return record;
    }
    const fields = canonicalFields(list, parseFields(list, resolveRefs(list, change.values, scope.refs)));
    this.checkLookups(list, fields, scope);
    const id = this.insert(list, key, at, fields);
    declareRef(scope.refs, change.ref, { list, id });
    scope.wrote(list, id);
    // As a read would give the row back: the values are parsed and canonical, and each column keeps its kind of value as it is.
    const stored = { id, key, version: 1, created: at, modified: at, ...fields } as RecordOf<ListName>;
    this.audit(changeEntry(change, id, undefined, stored), stamp);
    return stored;
  }

  private update(change: Extract<Change, { op: 'update' }>, stamp: Stamp, scope: CommitScope): RecordOf<ListName> {
    const { list } = change;
    const { at } = stamp;
    const changed = canonicalFields(list, parseFields(list, change.values, true));
    const before = checkedVersion(list, change.id, change.version, this.read(list, change.id));
    this.checkLookups(list, changed, scope);
    const merged: Record<string, unknown> = { ...before, ...changed };
    this.statement(sqlOf(list).update).run(
      ...columnsOf(list).map(({ name, meta }) => toSql(meta, merged[name])),
      at,
      change.id,
      change.version,
    );
    const after = { ...merged, version: before.version + 1, modified: at } as RecordOf<ListName>;
    this.audit(changeEntry(change, change.id, before, after), stamp);
    return after;
  }

  private remove(change: Extract<Change, { op: 'delete' }>, stamp: Stamp, scope: CommitScope): void {
    const list = change.list;
    const before = checkedVersion(list, change.id, change.version, this.read(list, change.id));
    try {
      this.statement(sqlOf(list).delete).run(change.id);
    } catch (error) {
      if (isSqliteError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw this.inUse(list, change.id);
      throw error;
    }
    scope.deleted(list, change.id);
    this.audit(changeEntry(change, change.id, before, undefined), stamp);
  }

  private insert(list: ListName, key: string, at: string, fields: Readonly<Record<string, unknown>>): number {
    const values = columnsOf(list).map(({ name, meta }) => toSql(meta, fields[name]));
    return Number(this.statement(sqlOf(list).insert).run(key, 1, at, at, ...values).lastInsertRowid);
  }

  private audit(entry: AuditEntry, stamp: Stamp): void {
    this.insert('activity', randomUUID(), stamp.at, auditFields(entry, stamp));
  }

  /**
   * Names each lookup column whose id is not in the list it points at (SQLite's own
   * error names none); an item this commit wrote and has not deleted is there without asking.
   */
  private checkLookups(list: ListName, fields: Readonly<Record<string, unknown>>, scope: CommitScope): void {
    refuseMissingLookups(
      lookupsOf(list, fields).filter(
        ({ list: target, id }) => !scope.holds(target, id) && this.statement(sqlOf(target).exists).get(id) === undefined,
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
