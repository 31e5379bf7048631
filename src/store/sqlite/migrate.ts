import type Database from 'better-sqlite3';
import { columnsOf, LISTS, type ListName } from '../../domain/schema/lists';
import { columnDefinition, ident, indexName, naturalEmptyValue, SYSTEM_COLUMN_DEFINITIONS, SYSTEM_COLUMNS } from './sql';

/** A column found in the database that the schema no longer declares. */
export interface UnknownColumn {
  readonly list: string;
  readonly column: string;
}

/** What {@link migrate} found and did. */
export interface MigrationReport {
  /** How many migrations this database has had, this one included; 0 for none. */
  readonly schemaVersion: number;
  /** The steps this run applied, in order; empty when the database was already up to date. */
  readonly applied: readonly string[];
  /** Columns the schema no longer declares. They are kept (data is never dropped) and reported. */
  readonly unknownColumns: readonly UnknownColumn[];
}

const BOOKKEEPING = [
  `CREATE TABLE IF NOT EXISTS "schema_migrations" (
     "version" INTEGER PRIMARY KEY AUTOINCREMENT,
     "applied_at" TEXT NOT NULL,
     "steps" TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS "app_meta" (
     "name" TEXT PRIMARY KEY,
     "value" TEXT NOT NULL
   )`,
];

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

function indexExists(db: Database.Database, index: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index) !== undefined;
}

function existingColumns(db: Database.Database, table: string): Set<string> {
  const rows = db.pragma(`table_info(${ident(table)})`) as Array<{ name: string }>;
  return new Set(rows.map((row) => row.name));
}

function checkLookups(list: ListName): void {
  for (const { name, meta } of columnsOf(list)) {
    if (meta.kind === 'lookup' && !(meta.lookupList && Object.hasOwn(LISTS, meta.lookupList))) {
      throw new Error(`Column ${list}.${name} looks up ${String(meta.lookupList)}, which is not a list in the schema`);
    }
  }
}

function migrateList(db: Database.Database, list: ListName, steps: string[], unknown: UnknownColumn[]): void {
  checkLookups(list);
  const columns = columnsOf(list);
  if (!tableExists(db, list)) {
    const definitions = [...SYSTEM_COLUMN_DEFINITIONS, ...columns.map(({ name, meta }) => columnDefinition(name, meta))];
    db.exec(`CREATE TABLE ${ident(list)} (\n  ${definitions.join(',\n  ')}\n)`);
    steps.push(`create table ${list}`);
  } else {
    const present = existingColumns(db, list);
    const missingSystem = SYSTEM_COLUMNS.filter((name) => !present.has(name));
    if (missingSystem.length > 0) {
      throw new Error(`Table ${list} has no ${missingSystem.join(', ')} column: it was not made by this app, so it is left alone`);
    }
    for (const { name, meta } of columns) {
      if (present.has(name)) continue;
      db.exec(`ALTER TABLE ${ident(list)} ADD COLUMN ${columnDefinition(name, meta, true)}`);
      const empty = meta.required ? naturalEmptyValue(meta) : null;
      steps.push(`add column ${list}.${name}` + (empty === null ? '' : ` (existing rows get ${JSON.stringify(empty)})`));
    }
    const declared = new Set<string>([...SYSTEM_COLUMNS, ...columns.map((column) => column.name)]);
    for (const column of present) {
      if (!declared.has(column)) unknown.push({ list, column });
    }
  }
  for (const { name, meta } of columns) {
    if (!meta.indexed) continue;
    const index = indexName(list, name);
    if (indexExists(db, index)) continue;
    db.exec(`CREATE INDEX ${ident(index)} ON ${ident(list)}(${ident(name)})`);
    steps.push(`create index ${index}`);
  }
}

/**
 * Brings the database up to the schema in `LISTS`, in one transaction: creates
 * missing tables, adds missing columns (a required one gets its natural empty
 * value in existing rows, see `naturalEmptyValue`) and creates missing indexes.
 * It never drops or changes a column; columns the schema no longer declares are
 * reported. A run that changes anything is recorded as one row of
 * `schema_migrations`; running it again changes nothing. Also ensures the
 * `app_meta` table.
 */
export function migrate(db: Database.Database, now: () => string = () => new Date().toISOString()): MigrationReport {
  const run = db.transaction((): MigrationReport => {
    for (const statement of BOOKKEEPING) db.exec(statement);
    const applied: string[] = [];
    const unknownColumns: UnknownColumn[] = [];
    for (const list of Object.keys(LISTS) as ListName[]) migrateList(db, list, applied, unknownColumns);
    if (applied.length > 0) {
      db.prepare(`INSERT INTO "schema_migrations" ("applied_at", "steps") VALUES (?, ?)`).run(now(), JSON.stringify(applied));
    }
    return { schemaVersion: schemaVersion(db), applied, unknownColumns };
  });
  // IMMEDIATE takes the write lock before looking, so two processes opening the
  // same file at once migrate one after the other instead of both trying to.
  return run.immediate();
}

/** The number of recorded migrations (the highest version). */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare(`SELECT coalesce(max("version"), 0) AS "version" FROM "schema_migrations"`).get() as { version: number };
  return row.version;
}
