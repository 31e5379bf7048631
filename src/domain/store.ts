import type { Principal } from './principal';
import type { Fields, ListName, RecordOf } from './schema/lists';

/** A range on an ordered column (dates, numbers); both ends inclusive. */
export interface Range<V> {
  readonly gte?: V;
  readonly lte?: V;
}

/**
 * Conditions on a list's columns (and on `id`), all of which must hold. A value means "equals",
 * an array "is one of", `null` "is empty", and a range "between". A multi-choice column can
 * be filtered only on `null`. Text comparison may or may not be case-sensitive, depending on
 * the store: callers must not rely on either.
 */
export type Where<L extends ListName> = {
  readonly [K in keyof Fields<L>]?: Fields<L>[K] | ReadonlyArray<NonNullable<Fields<L>[K]>> | Range<NonNullable<Fields<L>[K]>>;
} & {
  /** Items by id: one id, or any of several. */
  readonly id?: number | readonly number[];
};

/**
 * Fields of the item a lookup column points at, read with each item (on SharePoint
 * in the same request: the lookup is expanded). SharePoint shows only some kinds of
 * column through a lookup: single lines of text, numbers and dates, and choice
 * columns the schema marks `expandable`; stores refuse any other field.
 */
export interface Expansion<T extends ListName = ListName, F extends keyof Fields<T> & string = keyof Fields<T> & string> {
  /** The lookup column of the list read. */
  readonly lookup: string;
  /** The list that column points at. */
  readonly list: T;
  readonly fields: readonly F[];
}

/** A read of one list. The first condition should be on an indexed column. */
export interface Query<L extends ListName> {
  readonly list: L;
  readonly where?: Where<L>;
  readonly orderBy?: ReadonlyArray<{ readonly field: keyof Fields<L> & string; readonly descending?: boolean }>;
  /** At most this many items. */
  readonly top?: number;
  /** Fields of the item one lookup points at, given back on each record as `expanded`. */
  readonly expand?: AnyExpansion;
}

/** An expansion to any list; `list` decides which fields it may name. */
export type AnyExpansion = { [T in ListName]: Expansion<T> }[ListName];

/** What an {@link Expansion} adds to each record: the fields asked for, or null when the lookup is empty. */
export interface ExpandedFields<T extends ListName, F extends keyof Fields<T>> {
  readonly expanded: { readonly [K in F]: Fields<T>[K] } | null;
}

type ExpandedOf<Q> = Q extends { readonly expand: Expansion<infer T, infer F> } ? ExpandedFields<T, F> : unknown;

/** A read of any list; `list` decides which fields `where` and `orderBy` may name. */
export type AnyQuery = { [L in ListName]: Query<L> }[ListName];

/** The results of several queries, in the same order. */
export type Results<Q extends readonly AnyQuery[]> = {
  -readonly [I in keyof Q]: Q[I] extends Query<infer L> ? Array<RecordOf<L> & ExpandedOf<Q[I]>> : never;
};

/**
 * Refers to an item created earlier in the same commit, where a lookup id is
 * not known yet (a new partner and their first involvement, say).
 */
export interface Ref {
  readonly ref: string;
}

type Creatable<L extends ListName> = {
  readonly [K in keyof Fields<L>]: Fields<L>[K] extends number | null ? Fields<L>[K] | Ref : Fields<L>[K];
};

/** One write to one list. */
export type ChangeOf<L extends ListName> =
  | {
      readonly op: 'create';
      readonly list: L;
      /** Client-generated and unique per list, so a retried create does not duplicate. */
      readonly key: string;
      readonly values: Creatable<L>;
      /** A name later changes in the same commit can use in a {@link Ref}. */
      readonly ref?: string;
      /** A short plain description for the audit trail, free of personal data. */
      readonly summary?: string;
    }
  | {
      readonly op: 'update';
      readonly list: L;
      readonly id: number;
      /** The version the caller read; the update is refused if the item has moved on. */
      readonly version: number;
      readonly values: Partial<Fields<L>>;
      readonly summary?: string;
    }
  | {
      readonly op: 'delete';
      readonly list: L;
      readonly id: number;
      readonly version: number;
      readonly summary?: string;
    };

/** One write in a commit, to any list; `list` decides the shape of `values`. */
export type Change = { [L in ListName]: ChangeOf<L> }[ListName];

/** One item of one list. */
export interface ItemRef {
  readonly list: ListName;
  readonly id: number;
}

/** A read recorded in the audit trail. */
export interface RecordAccess extends ItemRef {
  readonly action: 'Viewed' | 'Exported';
  /** A short plain description, free of personal data. */
  readonly summary: string;
}

/** Who is writing, and when: recorded in the audit trail with every change. */
export interface CommitContext {
  readonly actor: Principal;
  /** ISO 8601 instant. */
  readonly at: string;
  /**
   * The idempotency key of the person's action, when it has one: recorded as the
   * `operation` of every audit entry the commit writes, so a repeat of the action
   * can tell that it was already done.
   */
  readonly key?: string;
}

/** What a commit wrote: for each create and update, the item as stored; for a delete, undefined. */
export type Committed = ReadonlyArray<RecordOf<ListName> | undefined>;

/** The store's own view of its health, for `/healthz`. */
export interface StoreHealth {
  readonly ok: boolean;
  readonly kind: string;
  readonly detail: string;
}

/**
 * The port every store adapter implements. Adapters validate what they read and
 * write against the list schema, translate their own failures into domain errors
 * ({@link ConflictError}, {@link NotFoundError}, {@link StoreUnavailableError}, and a
 * `RefusedError` with code `in-use` for a delete of an item others still refer to) and
 * append an entry to the `activity` list for every change they commit. Instants come
 * back as `Date.prototype.toISOString()` strings (UTC, with milliseconds).
 */
export interface Store {
  readonly kind: 'sqlite' | 'sharepoint';

  /** One item, or undefined if there is none with that id. */
  get<L extends ListName>(list: L, id: number): Promise<RecordOf<L> | undefined>;

  /** The items matching one query. */
  find<L extends ListName>(query: Query<L>): Promise<Array<RecordOf<L>>>;

  /** Several queries answered together (one round trip where the store allows). */
  findAll<const Q extends readonly AnyQuery[]>(queries: Q): Promise<Results<Q>>;

  /**
   * Writes the changes as one unit and records each in the audit trail. Either
   * every change is written or none is: a stale version anywhere refuses the whole
   * commit with a {@link ConflictError}. A create whose key already exists returns
   * the existing item instead of writing a duplicate.
   */
  commit(changes: readonly Change[], context: CommitContext): Promise<Committed>;

  /**
   * Appends an entry to the audit trail for a read that matters (someone viewed or
   * exported a person's record), so the trail says who saw what as well as who
   * changed it. `summary` must be free of personal data.
   */
  recordAccess(access: RecordAccess, context: CommitContext): Promise<void>;

  /**
   * Makes erased values unrecoverable for these items: removes every earlier
   * version the store keeps (SharePoint's version history) and any copy in a
   * recycle bin, and overwrites freed space where the store can (SQLite). Called
   * after a commit that blanked the items' personal fields; the items themselves
   * and their current values stay.
   */
  purgeHistory(items: ReadonlyArray<ItemRef>): Promise<void>;

  health(): Promise<StoreHealth>;

  /** Finishes what is in flight and releases the store. */
  close(): Promise<void>;
}
