import { StoreUnavailableError } from '../../domain/errors';

/** Result codes that mean the database could not do its job just now, not that the request was wrong. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL|NOMEM|PERM|AUTH)/;

/**
 * The extended result code of an error raised by SQLite, or undefined for any
 * other error. Recognised by shape, not `instanceof`: the native addon keeps the
 * first `SqliteError` class it was given, so where modules are loaded more than
 * once in a process (jest loads them per test file, each in its own realm)
 * SQLite's errors come from another copy of the class and even of `Error`.
 */
function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' ? code : undefined;
}

/** True for a SQLite error whose extended result code starts with `code`. */
export function isSqliteError(error: unknown, code: string): boolean {
  return sqliteCode(error)?.startsWith(code) === true;
}

/**
 * Runs `work`, turning a failure of the database itself (busy, locked, I/O, full,
 * corrupt) into a {@link StoreUnavailableError} that keeps the SQLite error as its
 * `cause`. Domain errors and bugs pass through unchanged.
 */
export function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (UNAVAILABLE.test(sqliteCode(error) ?? '')) {
      const unavailable = new StoreUnavailableError();
      unavailable.cause = error;
      throw unavailable;
    }
    throw error;
  }
}
