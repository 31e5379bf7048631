import type { ListName, RecordOf } from '../schema/lists';
import type { AnyQuery, Change, CommitContext, Committed, ItemRef, Query, RecordAccess, Results, Store, StoreHealth } from '../store';

/** Items as remembered, whatever their list: only their ids are looked at. */
type Items = ReadonlyArray<{ readonly id: number }>;

function keyOf(query: AnyQuery): string {
  return `${query.list}:${JSON.stringify(query)}`;
}

/** The key of the one item a query reads by id and nothing else, if that is what it is. */
function itemKeyOf(query: AnyQuery): string | undefined {
  const where: Readonly<Record<string, unknown>> = query.where ?? {};
  const conditions = Object.keys(where);
  return conditions.length === 1 && typeof where.id === 'number' ? `${query.list}#${where.id}` : undefined;
}

/**
 * The store as one bot turn sees it: each read goes to the store once and is answered
 * from what it gave after that (the same query; an item by id that an earlier read
 * already gave, whatever that read was), so a turn whose steps each check the
 * person's reach or load the same item reads them once.
 * A commit forgets what it may have changed, so what is read after it is what is stored:
 * the lists it wrote and the audit trail, keeping each item it wrote as the store gave it
 * back; one refused forgets everything. Recording an access forgets the audit trail read. The
 * commit itself goes to the store, whose conflict checks see the stored versions, not
 * what this turn read. Made anew for each turn: a later turn must see others' changes.
 */
export class ReadingOnce implements Store {
  private readonly read = new Map<string, Promise<Items>>();
  /** Every item read so far, by list and id. */
  private readonly items = new Map<string, { readonly id: number }>();

  constructor(private readonly store: Store) {}

  get kind(): Store['kind'] {
    return this.store.kind;
  }

  async get<L extends ListName>(list: L, id: number): Promise<RecordOf<L> | undefined> {
    const key = `${list}:get:${id}`;
    const read =
      this.known({ list, where: { id } } as AnyQuery) ??
      this.read.get(key) ??
      this.remember(
        key,
        this.store.get(list, id).then((item): Items => (item ? [item as { readonly id: number }] : [])),
      );
    return (await read)[0] as unknown as RecordOf<L> | undefined;
  }

  find<L extends ListName>(query: Query<L>): Promise<Array<RecordOf<L>>> {
    const key = keyOf(query as AnyQuery);
    const read = this.known(query as AnyQuery) ?? this.remember(key, this.store.find(query) as Promise<unknown> as Promise<Items>);
    return copyOf(read) as Promise<unknown> as Promise<Array<RecordOf<L>>>;
  }

  /** Sends the queries not read yet in one `findAll` (one round trip, as before), and answers the rest from what was read. */
  async findAll<const Q extends readonly AnyQuery[]>(queries: Q): Promise<Results<Q>> {
    const known = queries.map((query) => this.known(query));
    const unread = queries.filter((_, index) => !known[index]);
    if (unread.length > 0) {
      const answers = this.store.findAll(unread) as Promise<Items[]>;
      unread.forEach((query, index) =>
        this.remember(
          keyOf(query),
          answers.then((all) => all[index]),
        ),
      );
    }
    return (await Promise.all(
      queries.map((query, index) => copyOf(known[index] ?? (this.read.get(keyOf(query)) as Promise<Items>))),
    )) as Results<Q>;
  }

  async commit(changes: readonly Change[], context: CommitContext): Promise<Committed> {
    let committed: Committed;
    try {
      committed = await this.store.commit(changes, context);
    } catch (error) {
      this.forget();
      throw error;
    }
    // Only the lists it changed and the audit trail differ from what was read; the items it wrote are as stored.
    for (const list of new Set<ListName>([...changes.map((change) => change.list), 'activity'])) this.forget(list);
    changes.forEach((change, index) => {
      const item = committed[index] as { readonly id: number } | undefined;
      if (item) this.items.set(`${change.list}#${item.id}`, item);
    });
    return committed;
  }

  async recordAccess(access: RecordAccess, context: CommitContext): Promise<void> {
    try {
      await this.store.recordAccess(access, context);
    } finally {
      this.forget('activity');
    }
  }

  async purgeHistory(items: ReadonlyArray<ItemRef>): Promise<void> {
    try {
      await this.store.purgeHistory(items);
    } finally {
      this.forget();
    }
  }

  health(): Promise<StoreHealth> {
    return this.store.health();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /** What the turn already read for this query: the same query, or the one item it asks for by id. */
  private known(query: AnyQuery): Promise<Items> | undefined {
    const same = this.read.get(keyOf(query));
    if (same) return same;
    const item = this.items.get(itemKeyOf(query) ?? '');
    return item && Promise.resolve([item]);
  }

  /** Remembers a read under way and the items it gives; one that fails is forgotten, so the next asks the store again. */
  private remember(key: string, read: Promise<Items>): Promise<Items> {
    this.read.set(key, read);
    read.then(
      (items) => {
        if (this.read.get(key) !== read) return;
        for (const item of items) this.items.set(`${key.slice(0, key.indexOf(':'))}#${item.id}`, item);
      },
      () => {
        if (this.read.get(key) === read) this.read.delete(key);
      },
    );
    return read;
  }

  /** Forgets what was read, of one list or of all. */
  private forget(list?: ListName): void {
    for (const key of this.read.keys()) if (list === undefined || key.startsWith(`${list}:`)) this.read.delete(key);
    for (const key of this.items.keys()) if (list === undefined || key.startsWith(`${list}#`)) this.items.delete(key);
  }
}

/** A copy, so a caller that sorts or filters in place leaves the remembered answer as it was. */
async function copyOf(items: Promise<Items>): Promise<Array<{ readonly id: number }>> {
  return [...(await items)];
}
