import type { ErrorBody } from '../../contract/api';

/** A failed API call, carrying the server's plain-language message for the person to read. */
export class ApiError extends Error {
  constructor(
    /** The server's stable error code, or one of the tab's own (`network`, `unexpected-response`). */
    readonly code: string,
    message: string,
    /** The HTTP failure status, or null when there was none (no answer, or an answer the tab could not read). */
    readonly status: number | null,
    /** What is wrong with each field of the request, by field name, when the server said (400). */
    readonly fields: Readonly<Record<string, string>> = {},
    /** The facts behind a refusal by a rule (422), when the server gave them: the people already on record, say. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isApiErrorBody(body: unknown): body is ErrorBody {
  if (!isRecord(body) || !isRecord(body.error)) return false;
  return typeof body.error.message === 'string' && body.error.message.trim() !== '';
}

function textFields(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The error for an answer the tab cannot read as `what`. */
export function unexpected(what: string): ApiError {
  return new ApiError('unexpected-response', `The server sent ${what} in a form this tab does not understand.`, null);
}

/**
 * The error to show for a failed response: the server's own message (and field
 * messages) when it sent `{ error: { code, message, fields } }`, else a plain
 * sentence built from the status (a proxy or gateway may answer with HTML).
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const { code, message } = body.error;
    const details = isRecord(body.error.details) ? body.error.details : {};
    return new ApiError(typeof code === 'string' ? code : 'error', message, status, textFields(body.error.fields), details);
  }
  if (status === 401) return new ApiError('unauthenticated', 'Your sign-in could not be checked. Close and reopen the tab.', status);
  if (status === 403) {
    return new ApiError(
      'no-access',
      'You do not have access to this. Ask the Engagement team or a member of the workstream to add you.',
      status,
    );
  }
  if (status === 404) return new ApiError('not-found', 'The server could not find what the tab asked for.', status);
  return new ApiError('server-error', `The server could not answer just now (HTTP ${status}).`, status);
}

/** Whether an error is the server refusing the person access (403), as opposed to a fault. */
export function isNoAccess(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
