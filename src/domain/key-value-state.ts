/**
 * A stored value and its entity tag: the tag changes on every write, so a writer
 * that names the tag it read never overwrites someone else's change.
 */
export interface StateEntry<T> {
  readonly value: T;
  readonly etag: string;
}

/** When a write may happen. */
export type WriteCondition =
  /** Only if nothing is stored under the key (first writer wins). */
  | { readonly ifAbsent: true }
  /** Only if the stored entry still has this tag. */
  | { readonly ifMatch: string };

/** How a write is made: on a condition, and for how long it is kept. */
export interface WriteOptions {
  readonly condition?: WriteCondition;
  /** Forget the entry after this many milliseconds. */
  readonly ttlMs?: number;
}

/**
 * The port for the bot's own small state: conversation and dialog state,
 * conversation references, and records of reminders sent. Values are JSON.
 * A write whose condition fails throws a {@link ConflictError} and changes nothing.
 * Expired entries read as absent.
 */
export interface KeyValueState {
  read<T>(key: string): Promise<StateEntry<T> | undefined>;
  /** Stores a value and returns its new tag. */
  write<T>(key: string, value: T, options?: WriteOptions): Promise<string>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** How a state sweeps its expired entries out on its own, and whom it tells. */
export interface SweepOptions {
  /** Sweeps this often, until closed; never when absent. */
  readonly sweepEveryMs?: number;
  readonly onSweep?: (outcome: { readonly swept: number } | { readonly error: unknown }) => void;
}

/** A key-value state that can remove its expired entries, which otherwise only read as absent. */
export interface SweptState extends KeyValueState {
  /** Deletes every expired entry (unless written again meanwhile) and resolves to how many went. */
  sweepExpired(): Promise<number>;
}
