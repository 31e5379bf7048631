import type { LogLevel } from '../config';
import { DomainError } from '../domain';

/**
 * Plain values attached to a log line. Callers put only operational facts here
 * (routes, statuses, durations, error codes), never request bodies or personal data.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The server's logger: small enough that tests pass their own without a mocking framework. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2, silent: 3 };

/** `logger` with the lines below `level` dropped. */
export function atLevel(level: LogLevel, logger: Logger): Logger {
  const keep = (lineLevel: keyof Logger) => (message: string, fields?: LogFields) => {
    if (RANK[lineLevel] >= RANK[level]) logger[lineLevel](message, fields);
  };
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/**
 * Writes one JSON object per line (`time`, `level`, `message` and the fields):
 * info to stdout, warnings and errors to stderr. Lines below `level` are dropped.
 */
export function consoleLogger(level: LogLevel = 'info'): Logger {
  const write =
    (lineLevel: keyof Logger) =>
    (message: string, fields: LogFields = {}) => {
      const core = { time: new Date().toISOString(), level: lineLevel, message };
      // Core keys lead the line for reading, and are spread again last so no field can overwrite them.
      const line = JSON.stringify({ ...core, ...fields, ...core });
      (lineLevel === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
    };
  return atLevel(level, { info: write('info'), warn: write('warn'), error: write('error') });
}

/** Drops everything; for tests that do not look at the log. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * What other errors' messages may carry from the values they were given (a
 * SharePoint answer quoting a field's value, a library naming what it parsed):
 * quoted text, email addresses, tokens and long digit runs such as phone numbers.
 */
const VALUES_IN_MESSAGES: readonly RegExp[] = [
  /Bearer\s+\S+/gi,
  /eyJ[\w-]*\.[\w-]*\.?[\w-]*/g,
  /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|“[^”\n]*”|‘[^’\n]*’/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\+?\d[\d ()-]{5,}\d/g,
];

/** `text` with anything that could be a person's data or a secret replaced by `[redacted]`. */
export function redacted(text: string): string {
  return VALUES_IN_MESSAGES.reduce((scrubbed, pattern) => scrubbed.replace(pattern, '[redacted]'), text);
}

/**
 * What may be logged about a failure. Domain errors give their name and code only,
 * because their messages can name partners; other errors give message and stack
 * (whose first line repeats the message), both {@link redacted}: the code wrote
 * them, but they can quote the values it was handling.
 */
export function errorFields(error: unknown): LogFields {
  if (error instanceof DomainError) return { error: error.name, code: error.code };
  if (error instanceof Error)
    return { error: error.name, errorMessage: redacted(error.message), stack: error.stack && redacted(error.stack) };
  return { error: typeof error };
}
