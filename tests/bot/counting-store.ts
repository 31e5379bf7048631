import type { Store } from '../../src/domain';

/** The calls a store was asked to make, by method. */
export type StoreCalls = Record<'get' | 'find' | 'findAll' | 'commit' | 'recordAccess' | 'purgeHistory', number>;

/**
 * A store that counts the reads and writes asked of it and passes each to `store`, so a
 * test can say how many calls one turn of the bot costs. `reset` starts the count again.
 */
export function countingStore(store: Store): { store: Store; calls: StoreCalls; reset(): void } {
  const calls: StoreCalls = { get: 0, find: 0, findAll: 0, commit: 0, recordAccess: 0, purgeHistory: 0 };
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (typeof property === 'string' && Object.hasOwn(calls, property)) calls[property as keyof StoreCalls] += 1;
        return (value as (...params: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store: counted,
    calls,
    reset: () => {
      for (const method of Object.keys(calls) as Array<keyof StoreCalls>) calls[method] = 0;
    },
  };
}
