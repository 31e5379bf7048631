import { RefusedError } from '../../src/domain';

/**
 * The refusal a rule throws: a {@link RefusedError}, or the kind of error named. Fails the
 * test if the rule allows the change or throws anything else.
 */
export function refusal(act: () => unknown): RefusedError;
export function refusal<E extends Error>(act: () => unknown, kind: new (...args: never[]) => E): E;
export function refusal(act: () => unknown, kind: new (...args: never[]) => Error = RefusedError): Error {
  try {
    act();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
