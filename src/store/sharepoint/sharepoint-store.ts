import type { SPFI } from '@pnp/sp';
import { SPCollection, type ISPQueryable } from '@pnp/sp';
import type { IWeb } from '@pnp/sp/webs/index.js';
import { RefusedError, StoreUnavailableError } from '../../domain/errors';
import { LISTS, type ListName, type RecordOf } from '../../domain/schema/lists';
import type {
  AnyQuery,
  Change,
  CommitContext,
  Committed,
  ItemRef,
  Query,
  RecordAccess,
  Results,
  Store,
  StoreHealth,
} from '../../domain/store';
import { assertList, checkedAccess, checkedChanges, checkedContext, validationError } from '../commit-rules';
import { expandedFrom, lookedUpIds } from '../expansion';
import { expandedFromItem, recordFromItem, type CompiledExpansion, type SpItem } from './codec';
import { CommitRun, activityItem, type CommitHost } from './commit-run';
import { listTitle, selectProperties } from './names';
import { compileQuery, halvesOf, inIdRange, joinAnswers, LIST_VIEW_THRESHOLD, type CompiledQuery } from './odata';
import { HistoryPurge } from './purge';
import {
  createSp,
  isDuplicateValue,
  isMissingList,
  isPastThreshold,
  MAX_PAGE_SIZE,
  PageParse,
  retryPolicyOf,
  runBatch,
  sharePointFailure,
  toDomainError,
  type Page,
  type PartResult,
  type RetryPolicy,
  type SharePointConnection,
} from './sp-client';

type AnyRecord = RecordOf<ListName>;

/** One part of a read, as sent: a query (or a half of one) and its compiled form. */
interface ReadPart {
  readonly query: AnyQuery;
  readonly compiled: CompiledQuery;
}

/** Where the store's site is and how it reads. */
export interface SharePointStoreOptions extends SharePointConnection {
  /** Items per page of a read (SharePoint allows up to 5,000, the default). */
  readonly pageSize?: number;
}
const HEALTH_TIMEOUT_MS = 5000;
/**
 * The longest URL a read sends, in characters. SharePoint Online documents no
 * limit, but the web servers in front of it refuse long ones (IIS and ASP.NET
 * default to 2,048 characters of query string, and refusals are reported from
 * about 2,000), so a read whose URL would be longer is split (see {@link halvesOf}).
 */
const MAX_URL_LENGTH = 2000;

/**
 * The {@link Store} port on SharePoint Online lists, through PnPjs (see
 * `sp-client.ts`, the one place it is configured). Lists and columns are the ones
 * `npm run provision` makes from the schema; records are validated at this
 * boundary. Reads send explicit `$select`, filter on an indexed column first and
 * page; `findAll` is one `$batch`, and a read whose URL would be too long for
 * SharePoint (a long "is one of") goes as several parts of that batch.
 *
 * A commit is made safe without transactions (a `$batch` is not one) by a
 * {@link CommitRun}: it checks before it writes, and undoes what it wrote when a
 * later part fails.
 *
 * Provisioning turns version history on for every list (staff can see earlier
 * values), so an erasure calls `purgeHistory` to take those versions, and any copy
 * in the recycle bins, away.
 */
export class SharePointStore implements Store, CommitHost {
  readonly kind = 'sharepoint' as const;
  private readonly sp: SPFI;
  private readonly healthSp: SPFI;
  private readonly policy: RetryPolicy;
  private readonly pageSize: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The highest item id seen in each list that a read had to take in ranges of ids. */
  private readonly highestIds = new Map<ListName, number>();
  private readonly history: HistoryPurge;
  private closed = false;

  constructor(private readonly options: SharePointStoreOptions) {
    this.sp = createSp(options);
    this.history = new HistoryPurge(this, options.siteUrl);
    // A health check answers at once rather than waiting out throttling.
    this.healthSp = createSp({ ...options, retry: { ...options.retry, maxAttempts: 1, timeoutMs: HEALTH_TIMEOUT_MS } });
    this.policy = retryPolicyOf(options);
    // A filtered read SharePoint answers past the list view threshold matches at most
    // 5,000 items, so at the largest page it is one request, whatever the size of the list.
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  }

  async get<L extends ListName>(list: L, id: number): Promise<RecordOf<L> | undefined> {
    return this.use(async () => {
      assertList(list);
      try {
        const item = (await this.items(this.sp.web, list)
          .getById(id)
          .select(...selectProperties(list))()) as SpItem;
        return recordFromItem(list, item);
      } catch (error) {
        const failure = sharePointFailure(error);
        if (failure?.status === 404 && !isMissingList(failure)) return undefined;
        throw toDomainError(error, LISTS[list].itemName);
      }
    });
  }

  async find<L extends ListName>(query: Query<L>): Promise<Array<RecordOf<L>>> {
    return this.use(async () => {
      assertList(query.list);
      const parts = this.partsOf(query as AnyQuery);
      if (parts.length > 1 || query.expand) return (await this.readAll([query as AnyQuery]))[0] as unknown as Array<RecordOf<L>>;
      const records: Array<RecordOf<L>> = [];
      try {
        for (const { compiled } of parts) {
          for await (const page of this.pages(query.list, compiled)) records.push(...page);
        }
      } catch (error) {
        if (!(error instanceof RefusedError && error.code === 'too-many-items' && records.length === 0 && parts[0].compiled.byIndex))
          throw error;
        return (await this.readInIdRanges(parts)).get(parts[0]) as unknown as Array<RecordOf<L>>;
      }
      return records;
    });
  }

  async findAll<const Q extends readonly AnyQuery[]>(queries: Q): Promise<Results<Q>> {
    return this.use(async () => {
      for (const query of queries) assertList(query.list);
      return (await this.readAll(queries)) as Results<Q>;
    });
  }

  async commit(changes: readonly Change[], context: CommitContext): Promise<Committed> {
    return this.use(async () => {
      const stamp = checkedContext(context);
      checkedChanges(changes);
      return new CommitRun(this, changes, stamp).run();
    });
  }

  /** One `activity` item; a create repeated after a lost answer finds the entry already there (its key is unique). */
  async recordAccess(access: RecordAccess, context: CommitContext): Promise<void> {
    return this.use(async () => {
      const stamp = checkedContext(context);
      checkedAccess(access);
      const { body } = activityItem(
        { list: access.list, itemId: access.id, action: access.action, summary: access.summary, changes: null },
        stamp,
      );
      try {
        await this.items(this.sp.web, 'activity').add(body);
      } catch (error) {
        if (!isDuplicateValue(error)) throw toDomainError(error, LISTS.activity.itemName);
      }
    });
  }

  /** Every earlier version and recycle bin copy of the items, both stages; see {@link HistoryPurge} for how, and what it costs. */
  async purgeHistory(items: ReadonlyArray<ItemRef>): Promise<void> {
    return this.use(async () => {
      for (const item of items) {
        assertList(item.list);
        if (!Number.isSafeInteger(item.id) || item.id < 1)
          throw validationError({ id: `There is no ${LISTS[item.list].itemName} with id ${String(item.id)}.` });
      }
      await this.history.purge(items);
    });
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, kind: this.kind, detail: 'closed' };
    try {
      await this.healthSp.web.select('Title')();
      return { ok: true, kind: this.kind, detail: this.options.siteUrl };
    } catch (error) {
      const failure = sharePointFailure(error);
      return { ok: false, kind: this.kind, detail: `${this.options.siteUrl}: ${failure ? `HTTP ${failure.status}` : 'not reachable'}` };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }

  /** The items collection of a list, on the site or inside a batch (for the commit in progress). */
  items(web: IWeb, list: ListName) {
    return web.lists.getByTitle(listTitle(list)).items;
  }

  /** Runs batched requests, translating a failure of the whole batch; each part's own failure is in its result. */
  async batchParts<T>(parts: ReadonlyArray<(web: IWeb) => Promise<T>>): Promise<Array<PartResult<T>>> {
    if (parts.length === 0) return [];
    try {
      return await runBatch(this.sp, this.policy, parts);
    } catch (error) {
      throw toDomainError(error, 'record');
    }
  }

  /** Runs batched requests that must all succeed; the first failure is raised as a domain error. */
  async batch<T>(parts: ReadonlyArray<(web: IWeb) => Promise<T>>, itemName: string): Promise<T[]> {
    const results = await this.batchParts(parts);
    return results.map((result) => {
      if (!result.ok) throw toDomainError(result.error, itemName);
      return result.value;
    });
  }

  /**
   * Every query in one `$batch`, each split into parts whose URLs SharePoint
   * accepts; the parts' answers are joined back into one answer per query.
   */
  private async readAll(queries: readonly AnyQuery[]): Promise<AnyRecord[][]> {
    const split = queries.map((query) => this.partsOf(query));
    const parts = split.flat();
    const firstPages = await this.batchParts(parts.map((part) => (web: IWeb) => this.pageRequest(web, part.query.list, part.compiled)()));
    const refused = parts.filter((_, index) => {
      const result = firstPages[index];
      if (result.ok) return false;
      if (isPastThreshold(result.error) && parts[index].compiled.byIndex) return true;
      throw toDomainError(result.error, 'record');
    });
    const ranged = refused.length > 0 ? await this.readInIdRanges(refused) : new Map<ReadPart, AnyRecord[]>();
    let position = 0;
    const answers: AnyRecord[][] = [];
    for (const [index, queryParts] of split.entries()) {
      const partAnswers: AnyRecord[][] = [];
      for (const part of queryParts) {
        const first = firstPages[position];
        partAnswers.push(ranged.get(part) ?? (await this.collect(part.query.list, part.compiled, (first as { value: Page }).value)));
        position += 1;
      }
      answers.push(joinAnswers(queries[index], partAnswers));
    }
    for (const [index, parts] of split.entries()) {
      const expansion = parts[0]?.compiled.expand;
      if (expansion) answers[index] = await this.withCopiesRead(expansion, answers[index]);
    }
    return answers;
  }

  /**
   * Records whose expanded choice had no text copy (written before the copy
   * existed) get their expanded fields from the items their lookup points at, read
   * by id; the copy is written with the next change of each of those items.
   */
  private async withCopiesRead(expansion: CompiledExpansion, records: AnyRecord[]): Promise<AnyRecord[]> {
    const unread = records.filter((record) => (record as { expanded?: unknown }).expanded === undefined);
    if (unread.length === 0) return records;
    const ids = lookedUpIds(expansion.checked, unread);
    const [targets] = await this.readAll([{ list: expansion.checked.list, where: { id: ids } } as AnyQuery]);
    const byId = new Map(targets.map((target) => [target.id, target]));
    return records.map((record) => {
      if ((record as { expanded?: unknown }).expanded !== undefined) return record;
      const id = (record as unknown as Record<string, unknown>)[expansion.checked.lookup] as number;
      return { ...record, expanded: expandedFrom(expansion.checked, byId.get(id)) } as unknown as AnyRecord;
    });
  }

  /**
   * Reads that SharePoint refused because their first indexed condition matches more
   * than 5,000 items (the involvements of a workstream of more than 5,000 partners,
   * say), each read again as ranges of at most 5,000 ids (`Id ge a and Id lt b and
   * ...`: the id is always indexed), all in one `$batch`. The ranges run to the
   * list's highest id, read once per list (one more round trip the first time) and
   * remembered; an open last range catches items added since, and if that range is
   * refused too, the highest id is read again.
   */
  private async readInIdRanges(parts: readonly ReadPart[]): Promise<Map<ReadPart, AnyRecord[]>> {
    const found = new Map(parts.map((part) => [part, [] as AnyRecord[][]]));
    let pending = parts.map((part) => ({ part, from: 1 }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      await this.learnHighestIds(pending.map(({ part }) => part.query.list).filter((list) => !this.highestIds.has(list)));
      const ranges = pending.flatMap(({ part, from }) => {
        const highest = this.highestIds.get(part.query.list) ?? 0;
        const bounds: Array<[number, number | undefined]> = [];
        for (let start = from; start <= highest; start += LIST_VIEW_THRESHOLD) bounds.push([start, start + LIST_VIEW_THRESHOLD]);
        bounds.push([Math.max(from, bounds.at(-1)?.[1] ?? from), undefined]);
        return bounds.map(([start, end]) => ({ part, start, compiled: inIdRange(part.compiled, start, end) }));
      });
      const pages = await this.batchParts(
        ranges.map(
          ({ part, compiled }) =>
            (web: IWeb) =>
              this.pageRequest(web, part.query.list, compiled)(),
        ),
      );
      pending = [];
      for (const [index, { part, start, compiled }] of ranges.entries()) {
        const page = pages[index];
        if (page.ok) (found.get(part) as AnyRecord[][]).push(await this.collect(part.query.list, compiled, page.value));
        else if (isPastThreshold(page.error) && attempt === 1) {
          this.highestIds.delete(part.query.list);
          pending.push({ part, from: start });
        } else throw toDomainError(page.error, LISTS[part.query.list].itemName);
      }
    }
    return new Map([...found].map(([part, answers]) => [part, joinAnswers(part.query, answers)]));
  }

  /** Reads the highest id of each list, in one `$batch`, for {@link readInIdRanges}. */
  private async learnHighestIds(lists: readonly ListName[]): Promise<void> {
    const unique = [...new Set(lists)];
    const pages = await this.batch(
      unique.map(
        (list) => (web: IWeb) =>
          (this.items(web, list).select('Id').orderBy('Id', false).top(1).using(PageParse()) as unknown as () => Promise<Page>)(),
      ),
      'record',
    );
    for (const [index, list] of unique.entries()) this.highestIds.set(list, Number(pages[index].items[0]?.Id ?? 0));
  }

  /** The query compiled, halved until every part's URL is short enough; none when it can match nothing. */
  private partsOf(query: AnyQuery): ReadPart[] {
    const compiled = compileQuery(query);
    if (compiled.empty) return [];
    const halves = this.pageRequest(this.sp.web, query.list, compiled).toRequestUrl().length > MAX_URL_LENGTH ? halvesOf(query) : undefined;
    return halves ? halves.flatMap((half) => this.partsOf(half)) : [{ query, compiled }];
  }

  /** The request for the first page of a query, with explicit `$select` and the indexed condition first. */
  private pageRequest(web: IWeb, list: ListName, query: CompiledQuery) {
    const expansion = query.expand;
    let request = this.items(web, list).select(
      ...selectProperties(list),
      ...(expansion?.fields.map(({ property }) => `${expansion.lookup}/${property}`) ?? []),
    );
    if (expansion) request = request.expand(expansion.lookup);
    if (query.filter) request = request.filter(query.filter);
    for (const { property, ascending } of query.orderBy) request = request.orderBy(property, ascending);
    request = request.top(Math.min(query.top ?? this.pageSize, this.pageSize));
    return request.using(PageParse()) as unknown as (() => Promise<Page>) & { toRequestUrl(): string };
  }

  private async nextPage(link: string): Promise<Page> {
    try {
      return await (SPCollection([this.sp.web as unknown as ISPQueryable, link]).using(PageParse()) as unknown as () => Promise<Page>)();
    } catch (error) {
      throw toDomainError(error, 'record');
    }
  }

  /** The records of a query page by page, following SharePoint's next links up to `top`. */
  private async *pages<L extends ListName>(list: L, query: CompiledQuery, first?: Page): AsyncGenerator<Array<RecordOf<L>>> {
    let page: Page;
    try {
      page = first ?? (await this.pageRequest(this.sp.web, list, query)());
    } catch (error) {
      throw toDomainError(error, LISTS[list].itemName);
    }
    let remaining = query.top ?? Number.POSITIVE_INFINITY;
    for (;;) {
      const expansion = query.expand;
      const records = page.items
        .slice(0, remaining)
        .map((item) =>
          expansion
            ? ({ ...recordFromItem(list, item), expanded: expandedFromItem(list, expansion, item) } as RecordOf<L>)
            : recordFromItem(list, item),
        );
      remaining -= records.length;
      yield records;
      if (!page.next || remaining <= 0) return;
      page = await this.nextPage(page.next);
    }
  }

  private async collect(list: ListName, query: CompiledQuery, first: Page): Promise<AnyRecord[]> {
    const records: AnyRecord[] = [];
    for await (const page of this.pages(list, query, first)) records.push(...page);
    return records;
  }

  private async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError();
    const running = work();
    this.inFlight.add(running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(running);
    }
  }
}

/** One commit, from validation to its writes (and their undoing when a part fails). */
