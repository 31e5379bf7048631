/**
 * Errors the domain raises. Each carries a stable `code` that callers can branch on
 * and a plain sentence a member of staff can act on. They know nothing of HTTP or
 * Teams: the server and the bot translate them.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Some fields of a request are missing or wrong. `fields` maps each field to what is wrong with it. */
export class ValidationError extends DomainError {
  readonly code = 'validation';

  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** The record asked for does not exist (or has been erased). */
export class NotFoundError extends DomainError {
  readonly code = 'not-found';

  constructor(
    readonly itemName: string,
    readonly id: number | string,
  ) {
    super(`There is no ${itemName} with id ${id}. It may have been removed; reload to see the latest.`);
  }
}

/** The record changed since the caller read it; nothing was written. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';

  constructor(itemName: string) {
    super(`This ${itemName} was changed by someone else since you opened it. Reload to see the latest, then try again.`);
  }
}

/**
 * A pathway rule refuses the step asked for. `code` says which rule
 * (for example `induction-incomplete`), the message says what to do.
 */
export class RefusedError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/**
 * The person asking may not see or change what they asked for. The message names
 * no record, so it tells nothing about workstreams the person cannot see.
 */
export class AccessDeniedError extends DomainError {
  readonly code = 'no-access';

  constructor(
    message = 'You are not a member of this workstream, so you cannot see or change its records. Ask the Engagement team or a member of the workstream to add you.',
  ) {
    super(message);
  }
}

/** The store cannot be reached or failed; the request did not complete. */
export class StoreUnavailableError extends DomainError {
  readonly code = 'store-unavailable';

  constructor(message = 'The data store is not available just now. Nothing was changed; please try again in a minute.') {
    super(message);
  }
}
