/** The embedded SQLite adapter of the Store port; chosen only by the composition root. */
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export type { MigrationReport, UnknownColumn } from './migrate';
