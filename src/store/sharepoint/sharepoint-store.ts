import { randomUUID } from 'node:crypto';
import type { SPFI } from '@pnp/sp';
import { SPCollection, type ISPQueryable } from '@pnp/sp';
import type { IWeb } from '@pnp/sp/webs/index.js';
import { ConflictError, NotFoundError, RefusedError, StoreUnavailableError, ValidationError } from '../../domain/errors';
import { AUDIT_ACTIONS, LISTS, type ListName, type RecordOf } from '../../domain/schema/lists';
import { metaOf } from '../../domain/schema/columns';
import { parseFields } from '../../domain/schema/validate';
import type { AnyQuery, Change, CommitContext, Committed, ItemRef, Query, RecordAccess, Results, Store, StoreHealth } from '../../domain/store';
import { auditChanges } from '../audit';
import { checkedContext, checkedKey, inUseError, isRef, validationError, type Stamp } from '../commit-rules';
import { asStored, instant, itemBody, recordFromItem, versionOf, type SpItem } from './codec';
import { listTitle, selectProperties, spColumns, SYSTEM_FIELDS } from './names';
import { compileQuery, halvesOf, joinAnswers, odataLiteral, type CompiledQuery } from './odata';
import { HistoryPurge } from './purge';
import {
  createSp,
  isDuplicateValue,
  isMissingList,
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
import { canonicalFields } from './values';

/** Where the store's site is and how it reads. */
export interface SharePointStoreOptions extends SharePointConnection {
  /** Items per page of a read (SharePoint allows up to 5,000). Default 2,000. */
  readonly pageSize?: number;
}

type AuditAction = (typeof AUDIT_ACTIONS)[number];
type AnyRecord = RecordOf<ListName>;
type CreateChange = Extract<Change, { op: 'create' }>;
type UpdateChange = Extract<Change, { op: 'update' }>;
type DeleteChange = Extract<Change, { op: 'delete' }>;

/** A write done during a commit, and how to undo it if a later part fails. */
/** A write of the commit to undo if a later part fails, with the summary of the change it made (none for an audit entry). */
type Undo =
  | { readonly kind: 'created'; readonly list: ListName; readonly id: number; readonly summary?: string }
  | {
      readonly kind: 'updated';
      readonly list: ListName;
      readonly id: number;
      readonly etag: string;
      readonly before: Readonly<Record<string, unknown>>;
      readonly summary?: string;
    };

const ACCESS_ACTIONS: ReadonlyArray<RecordAccess['action']> = ['Viewed', 'Exported'];
/** The longest audit summary the activity list takes. */
const SUMMARY_MAX = metaOf(LISTS.activity.fields.summary).maxLength ?? 255;
const DEFAULT_PAGE_SIZE = 2000;
const MAX_PAGE_SIZE = 5000;
const HEALTH_TIMEOUT_MS = 5000;
/**
 * The longest URL a read sends, in characters. SharePoint Online documents no
 * limit, but the web servers in front of it refuse long ones (IIS and ASP.NET
 * default to 2,048 characters of query string, and refusals are reported from
 * about 2,000), so a read whose URL would be longer is split (see {@link halvesOf}).
 */
const MAX_URL_LENGTH = 2000;


function assertList(list: string): asserts list is ListName {
  if (!Object.hasOwn(LISTS, list)) {
    throw new ValidationError(`There is no list called ${list}.`, { list: `There is no list called ${list}.` });
  }
}

/** One entry of the audit trail, before it is stamped with who and when. */
interface ActivityEntry {
  readonly list: ListName;
  readonly itemId: number;
  readonly action: AuditAction;
  readonly summary?: string;
  readonly changes: string | null;
}

/** A new `activity` item for the entry, validated, under a key of its own (so a repeated create is refused, not doubled). */
function activityItem(entry: ActivityEntry, { at, actor, operation }: Stamp): { key: string; body: Record<string, unknown> } {
  const fields = canonicalFields(
    'activity',
    parseFields('activity', {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      list: entry.list,
      itemId: entry.itemId,
      summary: entry.summary ?? null,
      changes: entry.changes,
      operation,
    }),
  );
  const key = randomUUID();
  return { key, body: { ...itemBody('activity', fields), [SYSTEM_FIELDS.key]: key, [SYSTEM_FIELDS.created]: at, [SYSTEM_FIELDS.modified]: at } };
}

/** One read of the checks before a commit writes, and what its answer means. */
interface Check {
  readonly run: (web: IWeb) => Promise<unknown>;
  readonly apply: (result: PartResult<unknown>) => void;
}

/** The items a successful read answered; a failed read is raised as a domain error. */
function itemsOf(result: PartResult<unknown>, itemName: string): SpItem[] {
  if (!result.ok) throw toDomainError(result.error, itemName);
  return result.value as SpItem[];
}

/**
 * One write of a commit: how to send it, how to find out whether SharePoint did
 * it when the answer was lost (undefined: it did not), and what its result means.
 */
interface Write {
  readonly send: (web: IWeb) => Promise<unknown>;
  readonly recover: (web: IWeb) => Promise<unknown>;
  readonly finish: (result: PartResult<unknown>) => Promise<void> | void;
}

/** A create as prepared before anything is written. */
interface PlannedCreate {
  readonly index: number;
  readonly change: CreateChange;
  readonly key: string;
  existing?: AnyRecord;
}

/**
 * The {@link Store} port on SharePoint Online lists, through PnPjs (see
 * `sp-client.ts`, the one place it is configured). Lists and columns are the ones
 * `npm run provision` makes from the schema; records are validated at this
 * boundary. Reads send explicit `$select`, filter on an indexed column first and
 * page; `findAll` is one `$batch`, and a read whose URL would be too long for
 * SharePoint (a long "is one of") goes as several parts of that batch.
 *
 * A commit is made safe without transactions (a `$batch` is not one): everything
 * is validated, then one batch of reads checks every version, key and lookup
 * before anything is written, so a stale version or a missing item writes
 * nothing. Writes then go in batches (creates that need an earlier create's id in
 * a later one), each update with If-Match and its audit entry beside it, each
 * create's audit entry in the next batch (it needs the new id), then deletes
 * last, after their audit entries. If any part still fails (someone changed an
 * item in between: 412), the writes already made, audit entries included, are
 * undone (creates deleted, updates restored under their new ETag) before the
 * error is raised; that is why an entry may share a batch with what it describes.
 * A batch whose answer is lost is not sent again when it holds updates or
 * deletes: one batch of reads finds out which of its parts were done. A delete
 * cannot be undone, which is why deletes go last, alone.
 *
 * Provisioning turns version history on for every list (staff can see earlier
 * values), so an erasure calls `purgeHistory` to take those versions, and any copy
 * in the recycle bins, away.
 */
export class SharePointStore implements Store {
  readonly kind = 'sharepoint' as const;
  private readonly sp: SPFI;
  private readonly healthSp: SPFI;
  private readonly policy: RetryPolicy;
  private readonly pageSize: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly history: HistoryPurge;
  private closed = false;

  constructor(private readonly options: SharePointStoreOptions) {
    this.sp = createSp(options);
    this.history = new HistoryPurge(this, options.siteUrl);
    // A health check answers at once rather than waiting out throttling.
    this.healthSp = createSp({ ...options, retry: { ...options.retry, maxAttempts: 1, timeoutMs: HEALTH_TIMEOUT_MS } });
    this.policy = retryPolicyOf(options);
    this.pageSize = Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  }

  async get<L extends ListName>(list: L, id: number): Promise<RecordOf<L> | undefined> {
    return this.use(async () => {
      assertList(list);
      try {
        const item = (await this.items(this.sp.web, list).getById(id).select(...selectProperties(list))()) as SpItem;
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
      if (parts.length > 1) return (await this.readAll([query as AnyQuery]))[0] as unknown as Array<RecordOf<L>>;
      const records: Array<RecordOf<L>> = [];
      for (const { compiled } of parts) {
        for await (const page of this.pages(query.list, compiled)) records.push(...page);
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
      for (const change of changes) {
        assertList(change.list);
        if (change.list === 'activity') {
          throw new RefusedError(
            'audit-append-only',
            'The activity list is the audit trail: its entries are added by the app and cannot be created, changed or removed.',
            { op: change.op },
          );
        }
      }
      return new CommitRun(this, changes, stamp).run();
    });
  }

  /** One `activity` item; a create repeated after a lost answer finds the entry already there (its key is unique). */
  async recordAccess(access: RecordAccess, context: CommitContext): Promise<void> {
    return this.use(async () => {
      const stamp = checkedContext(context);
      assertList(access.list);
      if (!ACCESS_ACTIONS.includes(access.action)) {
        throw validationError({ action: `Action: a read is recorded as ${ACCESS_ACTIONS.join(' or ')}.` });
      }
      const { body } = activityItem({ list: access.list, itemId: access.id, action: access.action, summary: access.summary, changes: null }, stamp);
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
        if (!Number.isSafeInteger(item.id) || item.id < 1) throw validationError({ id: `There is no ${LISTS[item.list].itemName} with id ${String(item.id)}.` });
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
    const firstPages = await this.batch(
      split.flat().map(({ query, compiled }) => (web: IWeb) => this.pageRequest(web, query.list, compiled)()),
      'record',
    );
    let position = 0;
    const answers: AnyRecord[][] = [];
    for (const [index, parts] of split.entries()) {
      const partAnswers: AnyRecord[][] = [];
      for (const { query, compiled } of parts) {
        partAnswers.push(await this.collect(query.list, compiled, firstPages[position] as Page));
        position += 1;
      }
      answers.push(joinAnswers(queries[index], partAnswers));
    }
    return answers;
  }

  /** The query compiled, halved until every part's URL is short enough; none when it can match nothing. */
  private partsOf(query: AnyQuery): Array<{ query: AnyQuery; compiled: CompiledQuery }> {
    const compiled = compileQuery(query);
    if (compiled.empty) return [];
    const halves = this.pageRequest(this.sp.web, query.list, compiled).toRequestUrl().length > MAX_URL_LENGTH ? halvesOf(query) : undefined;
    return halves ? halves.flatMap((half) => this.partsOf(half)) : [{ query, compiled }];
  }

  /** The request for the first page of a query, with explicit `$select` and the indexed condition first. */
  private pageRequest(web: IWeb, list: ListName, query: CompiledQuery) {
    let request = this.items(web, list).select(...selectProperties(list));
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
      const records = page.items.slice(0, remaining).map((item) => recordFromItem(list, item));
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
class CommitRun {
  private readonly refs = new Map<string, { readonly list: ListName; readonly id?: number }>();
  private readonly results: Array<AnyRecord | undefined>;
  private readonly before = new Map<number, AnyRecord>();
  private readonly undo: Undo[] = [];
  /** The creates this commit wrote (not those an earlier attempt had already written). */
  private readonly created = new Set<number>();
  /** Each update's item as it will be once written, known before it is sent. */
  private readonly after = new Map<number, Readonly<Record<string, unknown>>>();
  /** The changes whose audit entry has been sent. */
  private readonly audited = new Set<number>();
  /** For each delete, the items that still refer to it, counted by list. */
  private readonly inUse: Array<{ list: ListName; id: number; references: Record<string, number> }> = [];

  constructor(
    private readonly store: SharePointStore,
    private readonly changes: readonly Change[],
    private readonly stamp: Stamp,
  ) {
    this.results = changes.map(() => undefined);
  }

  async run(): Promise<Committed> {
    const creates = this.validate();
    await this.preflight(creates);
    try {
      await this.writeCreatesAndUpdates(creates);
      await this.write(this.auditWrites(true));
      await this.writeDeletes();
    } catch (error) {
      await this.rollBack();
      throw error;
    }
    return this.results;
  }

  /** Checks every change locally: keys, refs (by name and list) and values, before any request. */
  private validate(): PlannedCreate[] {
    const creates: PlannedCreate[] = [];
    const declared = new Map<string, ListName>();
    this.changes.forEach((change, index) => {
      if (change.op === 'create') {
        const key = checkedKey(change.key);
        parseFields(change.list, this.placeholders(change, declared));
        if (change.ref !== undefined) {
          if (declared.has(change.ref)) {
            throw validationError({ ref: `Two changes in this commit are both called "${change.ref}"; each ref must be unique.` });
          }
          declared.set(change.ref, change.list);
        }
        creates.push({ index, change, key });
      } else if (change.op === 'update') {
        parseFields(change.list, change.values, true);
      }
    });
    return creates;
  }

  /** The values of a create with each ref checked and replaced by a stand-in id, for validation. */
  private placeholders(change: CreateChange, declared: ReadonlyMap<string, ListName>): Record<string, unknown> {
    const values: Record<string, unknown> = { ...(change.values as Record<string, unknown>) };
    const problems: Record<string, string> = {};
    for (const { name, meta } of spColumns(change.list)) {
      const value = values[name];
      if (meta.kind !== 'lookup' || !isRef(value)) continue;
      const target = declared.get(value.ref);
      if (!target) problems[name] = `${meta.title}: no earlier change in this commit has the ref "${value.ref}".`;
      else if (target !== meta.lookupList) {
        const wanted = LISTS[meta.lookupList as ListName].itemName;
        problems[name] = `${meta.title}: the ref "${value.ref}" is a ${LISTS[target].itemName}, not a ${wanted}.`;
      } else values[name] = 1;
    }
    if (Object.keys(problems).length > 0) throw validationError(problems);
    return values;
  }

  /**
   * One batch of reads before any write: each create's key (a retried create finds
   * its item), each updated or deleted item (its version), each lookup target, and
   * what still refers to each deleted item.
   */
  private async preflight(creates: PlannedCreate[]): Promise<void> {
    const checks: Check[] = [];
    const problems: Record<string, string> = {};
    const read = (list: ListName, filter: string, select: readonly string[], top: number) => (web: IWeb) =>
      this.store.items(web, list).select(...select).filter(filter).top(top)() as Promise<SpItem[]>;
    for (const planned of creates) {
      const list = planned.change.list;
      checks.push({
        run: read(list, `${SYSTEM_FIELDS.key} eq ${odataLiteral(planned.key)}`, selectProperties(list), 1),
        apply: (result) => {
          const [item] = itemsOf(result, LISTS[list].itemName);
          if (item) planned.existing = recordFromItem(list, item);
        },
      });
    }
    this.changes.forEach((change, index) => {
      if (change.op === 'update' || change.op === 'delete') {
        const { list, id, version } = change;
        checks.push({
          run: read(list, `Id eq ${odataLiteral(id, 'number')}`, selectProperties(list), 1),
          apply: (result) => {
            const [item] = itemsOf(result, LISTS[list].itemName);
            if (!item) throw new NotFoundError(LISTS[list].itemName, id);
            const current = recordFromItem(list, item);
            if (current.version !== version) throw new ConflictError(LISTS[list].itemName);
            this.before.set(index, current);
          },
        });
      }
      if (change.op === 'delete') checks.push(...this.referenceChecks(change));
    });
    for (const target of this.lookupTargets()) {
      checks.push({
        run: read(target.list, `Id eq ${odataLiteral(target.id, 'number')}`, ['Id'], 1),
        apply: (result) => {
          if (itemsOf(result, LISTS[target.list].itemName).length > 0) return;
          for (const { name, title } of target.fields) problems[name] = `${title}: there is no ${LISTS[target.list].itemName} with id ${target.id}.`;
        },
      });
    }
    const results = await this.store.batchParts(checks.map((check) => check.run));
    results.forEach((result, index) => checks[index].apply(result));
    if (Object.keys(problems).length > 0) throw validationError(problems);
    const inUse = this.inUse.find((entry) => Object.keys(entry.references).length > 0);
    if (inUse) {
      throw inUseError(inUse.list, inUse.id, inUse.references);
    }
  }

  /** Every item a lookup value in the commit points at (refs aside), with the fields that name it. */
  private lookupTargets(): Array<{ list: ListName; id: number; fields: Array<{ name: string; title: string }> }> {
    const targets: Array<{ list: ListName; id: number; fields: Array<{ name: string; title: string }> }> = [];
    for (const change of this.changes) {
      if (change.op === 'delete') continue;
      for (const { name, meta } of spColumns(change.list)) {
        const id = (change.values as Record<string, unknown>)[name];
        if (meta.kind !== 'lookup' || typeof id !== 'number') continue;
        const list = meta.lookupList as ListName;
        let target = targets.find((candidate) => candidate.list === list && candidate.id === id);
        if (!target) {
          target = { list, id, fields: [] };
          targets.push(target);
        }
        target.fields.push({ name, title: meta.title });
      }
    }
    return targets;
  }

  /** Reads of every lookup column that points at the deleted item, counted into {@link inUse}. */
  private referenceChecks(change: DeleteChange): Check[] {
    const entry = { list: change.list as ListName, id: change.id, references: {} as Record<string, number> };
    this.inUse.push(entry);
    const checks: Check[] = [];
    for (const other of Object.keys(LISTS) as ListName[]) {
      for (const column of spColumns(other)) {
        if (column.meta.kind !== 'lookup' || column.meta.lookupList !== change.list) continue;
        checks.push({
          run: (web) => this.store.items(web, other).select('Id').filter(`${column.property} eq ${odataLiteral(change.id, 'number')}`).top(MAX_PAGE_SIZE)(),
          apply: (result) => {
            const count = itemsOf(result, LISTS[other].itemName).length;
            if (count > 0) entry.references[other] = (entry.references[other] ?? 0) + count;
          },
        });
      }
    }
    return checks;
  }

  /**
   * Writes in waves: each wave is one batch of the creates whose refs are known,
   * with every update in the first, and the audit entries of the updates and of
   * the creates written by earlier waves.
   */
  private async writeCreatesAndUpdates(creates: PlannedCreate[]): Promise<void> {
    for (const planned of creates) {
      if (planned.existing) {
        this.results[planned.index] = planned.existing;
        if (planned.change.ref !== undefined) this.refs.set(planned.change.ref, { list: planned.change.list, id: planned.existing.id });
      }
    }
    let waiting = creates.filter((planned) => !planned.existing);
    let updates = this.changes.flatMap((change, index) => (change.op === 'update' ? [{ change, index }] : []));
    while (waiting.length > 0 || updates.length > 0) {
      const ready = waiting.filter((planned) => this.resolvable(planned.change));
      if (ready.length === 0 && updates.length === 0) throw new Error('A ref in this commit can never be resolved');
      waiting = waiting.filter((planned) => !ready.includes(planned));
      await this.write([
        ...ready.map((planned) => this.createWrite(planned)),
        ...updates.map(({ change, index }) => this.updateWrite(change, index)),
        ...this.auditWrites(false),
      ]);
      updates = [];
    }
  }

  /**
   * Sends writes as one batch and settles each. When the batch's answer is lost
   * (it held updates or deletes, so it is not sent again), one batch of reads finds
   * out which parts SharePoint did; the others count as failed.
   */
  private async write(writes: readonly Write[]): Promise<void> {
    let results: Array<PartResult<unknown>>;
    try {
      results = await this.store.batchParts(writes.map((write) => write.send));
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      const checked = await this.store.batchParts(writes.map((write) => write.recover));
      results = checked.map((check) => (check.ok && check.value !== undefined ? { ok: true, value: check.value } : { ok: false, error }));
    }
    let failure: unknown;
    for (const [position, result] of results.entries()) {
      try {
        await writes[position].finish(result);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
  }

  /** A read of the item with the key, answering it as a create would (or undefined when there is none). */
  private readByKey(web: IWeb, list: ListName, key: string): Promise<SpItem | undefined> {
    const filter = `${SYSTEM_FIELDS.key} eq ${odataLiteral(key)}`;
    return (this.store.items(web, list).select(...selectProperties(list)).filter(filter).top(1)() as Promise<SpItem[]>).then(([item]) => item);
  }

  private createWrite(planned: PlannedCreate): Write {
    const list = planned.change.list;
    const fields = canonicalFields(list, parseFields(list, this.resolved(planned.change)));
    const body = { ...itemBody(list, fields), [SYSTEM_FIELDS.key]: planned.key, [SYSTEM_FIELDS.created]: this.stamp.at, [SYSTEM_FIELDS.modified]: this.stamp.at };
    return {
      send: (web) => this.store.items(web, list).add(body),
      recover: (web) => this.readByKey(web, list, planned.key),
      finish: async (result) => {
        let record: AnyRecord;
        if (result.ok) {
          record = recordFromItem(list, result.value as SpItem);
        } else if (isDuplicateValue(result.error)) {
          // The key was free when checked, so the item is this commit's own: an
          // attempt whose answer was lost made it before the repeat.
          const [item] = await this.store.batch([(web: IWeb) => this.readByKey(web, list, planned.key)], LISTS[list].itemName);
          if (!item) throw new StoreUnavailableError();
          record = recordFromItem(list, item);
        } else {
          throw toDomainError(result.error, LISTS[list].itemName);
        }
        this.undo.push({ kind: 'created', list, id: record.id, summary: planned.change.summary });
        this.created.add(planned.index);
        this.results[planned.index] = record;
        if (planned.change.ref !== undefined) this.refs.set(planned.change.ref, { list, id: record.id });
      },
    };
  }

  private updateWrite(change: UpdateChange, index: number): Write {
    const list = change.list;
    const before = this.before.get(index) as AnyRecord;
    const changed = canonicalFields(list, parseFields(list, change.values, true));
    const body = { ...itemBody(list, changed), [SYSTEM_FIELDS.modified]: this.stamp.at };
    const stored: Record<string, unknown> = { ...before };
    for (const column of spColumns(list)) {
      if (column.name in changed) stored[column.name] = asStored(column.meta, changed[column.name]);
    }
    this.after.set(index, stored);
    return {
      send: (web) => this.store.items(web, list).getById(change.id).update(body, `"${change.version}"`),
      // Done if the item is exactly one version on, stamped with this commit's time.
      recover: async (web) => {
        const [item] = (await this.store.items(web, list).select('Id', SYSTEM_FIELDS.modified).filter(`Id eq ${odataLiteral(change.id, 'number')}`)()) as SpItem[];
        const done = item && versionOf(item['odata.etag']) === change.version + 1 && instant(String(item[SYSTEM_FIELDS.modified])) === instant(this.stamp.at);
        return done ? { etag: item['odata.etag'] } : undefined;
      },
      finish: (result) => {
        if (!result.ok) throw toDomainError(result.error, LISTS[list].itemName, change.id);
        const etag = (result.value as { etag: string }).etag;
        this.undo.push({ kind: 'updated', list, id: change.id, etag, before: before as unknown as Record<string, unknown>, summary: change.summary });
        this.results[index] = { ...stored, version: versionOf(etag), modified: instant(this.stamp.at) } as AnyRecord;
      },
    };
  }

  private resolvable(change: CreateChange): boolean {
    return spColumns(change.list).every(({ name }) => {
      const value = (change.values as Record<string, unknown>)[name];
      return !isRef(value) || this.refs.get(value.ref)?.id !== undefined;
    });
  }

  private resolved(change: CreateChange): Record<string, unknown> {
    const values: Record<string, unknown> = { ...(change.values as Record<string, unknown>) };
    for (const [name, value] of Object.entries(values)) {
      if (isRef(value)) values[name] = this.refs.get(value.ref)?.id;
    }
    return values;
  }

  /**
   * The audit entries not sent yet whose item and values are known: each update's
   * (sent in the batch of the update it describes), each create's once it is
   * written and, with `withDeletes`, each delete's. Every entry is undone with the
   * writes if a part fails, so an entry and its write may share a batch; a delete's
   * entry is written before the delete, which cannot be undone.
   */
  private auditWrites(withDeletes: boolean): Write[] {
    const entries: ActivityEntry[] = [];
    this.changes.forEach((change, index) => {
      if (this.audited.has(index)) return;
      const entry = this.entryFor(change, index, withDeletes);
      if (!entry) return;
      this.audited.add(index);
      entries.push(entry);
    });
    return entries.map((entry): Write => {
      const { key, body } = activityItem(entry, this.stamp);
      return {
        send: (web) => this.store.items(web, 'activity').add(body),
        recover: (web) => this.readByKey(web, 'activity', key),
        finish: (result) => {
          // A duplicate key means a repeated batch already wrote this entry.
          const item = result.ok ? (result.value as SpItem) : isDuplicateValue(result.error) ? undefined : null;
          if (item === null) throw toDomainError((result as { error: unknown }).error, LISTS.activity.itemName);
          if (item) this.undo.push({ kind: 'created', list: 'activity', id: recordFromItem('activity', item).id });
        },
      };
    });
  }

  /** The audit entry of one change, if it can be written now. */
  private entryFor(change: Change, index: number, withDeletes: boolean): ActivityEntry | undefined {
    const after = this.results[index];
    if (change.op === 'create' && this.created.has(index) && after) {
      return { list: change.list, itemId: after.id, action: 'Created', summary: change.summary, changes: auditChanges(change.list, undefined, after) };
    }
    const planned = this.after.get(index);
    if (change.op === 'update' && planned) {
      return { list: change.list, itemId: change.id, action: 'Updated', summary: change.summary, changes: auditChanges(change.list, this.before.get(index), planned) };
    }
    if (change.op === 'delete' && withDeletes) {
      return { list: change.list, itemId: change.id, action: 'Deleted', summary: change.summary, changes: auditChanges(change.list, this.before.get(index), undefined) };
    }
    return undefined;
  }

  /** The deletes, last of all: a delete cannot be undone. */
  private async writeDeletes(): Promise<void> {
    const deletes = this.changes.filter((change): change is DeleteChange => change.op === 'delete');
    await this.write(
      deletes.map((change): Write => ({
        send: (web) => this.store.items(web, change.list).getById(change.id).delete(`"${change.version}"`).then(() => true),
        recover: async (web) => {
          const found = (await this.store.items(web, change.list).select('Id').filter(`Id eq ${odataLiteral(change.id, 'number')}`)()) as SpItem[];
          return found.length === 0 ? true : undefined;
        },
        finish: (result) => {
          if (!result.ok) throw toDomainError(result.error, LISTS[change.list].itemName, change.id);
        },
      })),
    );
  }

  /**
   * Undoes the writes made so far, newest first, in one batch, then records in the
   * audit trail each item it put back (an update made and undone; an item created
   * and removed again), so that every version SharePoint keeps of an item has an
   * entry: the commit's own entries were undone with it. The record names no
   * values and carries no action key (the action was not done, so it may be tried
   * again). Best effort: the original failure is what is raised.
   */
  private async rollBack(): Promise<void> {
    const undo = [...this.undo].reverse();
    if (undo.length === 0) return;
    const results = await this.store
      .batchParts(
        undo.map((step) => (web: IWeb) => {
          const item = this.store.items(web, step.list).getById(step.id);
          if (step.kind === 'created') return item.delete('*');
          return item.update({ ...itemBody(step.list, step.before), [SYSTEM_FIELDS.modified]: step.before.modified }, step.etag);
        }),
      )
      .catch(() => []);
    const undone = undo.filter((step, index) => step.list !== 'activity' && results[index]?.ok);
    if (undone.length === 0) return;
    const stamp = { ...this.stamp, operation: null };
    await this.store
      .batchParts(
        undone.map((step) => {
          const made = step.summary ?? (step.kind === 'created' ? 'Created' : 'Changed');
          const summary = `${step.kind === 'created' ? 'Removed again' : 'Undone'} after a failure: ${made}`.slice(0, SUMMARY_MAX);
          const entry: ActivityEntry = { list: step.list, itemId: step.id, action: step.kind === 'created' ? 'Deleted' : 'Updated', summary, changes: null };
          const { body } = activityItem(entry, stamp);
          return (web: IWeb) => this.store.items(web, 'activity').add(body);
        }),
      )
      .catch(() => []);
  }

}
