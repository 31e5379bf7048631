import { RefusedError } from '../../src/domain';

/** The refusal a rule throws; fails the test if the rule allows the change or throws anything else. */
export function refusal(act: () => unknown): RefusedError {
  try {
    act();
  } catch (error) {
    if (error instanceof RefusedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
