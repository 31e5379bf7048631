import { z } from 'zod';
import { todayIn, type CalendarDate, type Clock } from '../calendar';
import { AccessDeniedError, ConflictError, NotFoundError, RefusedError } from '../errors';
import type { ClaimSettings, ClaimSubmissions } from '../claims';
import type { OneToOneSettings } from '../one-to-ones';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../reviews';
import type { Principal } from '../principal';
import type { RoleSettings } from '../role';
import { metaOf } from '../schema/columns';
import { LISTS, type ListName, type RecordOf } from '../schema/lists';
import { validationErrorFrom } from '../schema/validate';
import type { AnyQuery, Change, CommitContext, Query, Results, Store } from '../store';
import { AccessPolicy, type AccessSettings, type Reach } from './access';

/** The organisation's own settings for the pathway. */
export interface PathwaySettings extends OneToOneSettings, RoleSettings {
  /** IANA time zone in which calendar dates are read: "due today" means today here. */
  readonly timeZone: string;
  /** Months after a partner's last involvement closed before their personal data is erased; DEFAULT_RETENTION_MONTHS when left out. */
  readonly retentionMonths?: number;
  /** Counts of equality monitoring answers under this are never shown; DEFAULT_MONITORING_MIN_COUNT when left out. */
  readonly monitoringMinCount?: number;
  /** Rates and the approver of claims; DEFAULT_CLAIM_SETTINGS when left out. */
  readonly claims?: ClaimSettings;
  /** When terms, agreements and access needs come round; DEFAULT_REVIEW_SETTINGS when left out. */
  readonly reviews?: ReviewSettings;
}

/** What every use case needs: the store, the clock and the organisation's settings. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: PathwaySettings;
  /** Who is in the Engagement team by configuration; none when left out. */
  readonly access?: AccessSettings;
  /** Where submitted claims are announced; {@link createPathwayService} makes one when left out. */
  readonly claimSubmissions?: ClaimSubmissions;
}

/** The lists whose items belong to exactly one workstream. */
type OwnedList = 'roles' | 'involvements' | 'inductionTasks' | 'oneToOnes' | 'claims';

/** An item and the answers to the reads sent with it, once the person may see them. */
export interface LoadedWith<L extends ListName, Q extends readonly AnyQuery[]> {
  readonly item: RecordOf<L>;
  readonly reach: Reach;
  readonly answers: Results<Q>;
}

/** A read of one item by id; an id no item can have reads nothing. */
export function byId<L extends ListName>(list: L, id: number): Query<L> {
  return { list, where: { id: Number.isSafeInteger(id) && id > 0 ? id : [] } } as Query<L>;
}

/** The item a {@link byId} read found, or a {@link NotFoundError} naming the kind of item. */
export function found<L extends ListName>(list: L, items: ReadonlyArray<RecordOf<L>>, id: number): RecordOf<L> {
  const [item] = items;
  if (!item) throw new NotFoundError(LISTS[list].itemName, id);
  return item;
}

/** Helpers shared by the use cases; built once per service. */
export class UseCaseContext {
  readonly access: AccessPolicy;

  constructor(readonly deps: ServiceDeps) {
    this.access = new AccessPolicy(deps.store, deps.access ?? { engagementTeamIds: [] });
  }

  get store(): Store {
    return this.deps.store;
  }

  get settings(): PathwaySettings {
    return this.deps.settings;
  }

  /** When the reviews come round, as the organisation set it. */
  get reviewSettings(): ReviewSettings {
    return this.deps.settings.reviews ?? DEFAULT_REVIEW_SETTINGS;
  }

  today(): CalendarDate {
    return todayIn(this.deps.settings.timeZone, this.deps.clock);
  }

  nowIso(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Who writes and when; with `key`, the person's action the commit belongs to, recorded in its audit entries. */
  commitContext(actor: Principal, key?: string): CommitContext {
    return key === undefined ? { actor, at: this.nowIso() } : { actor, at: this.nowIso(), key };
  }

  /**
   * Runs a change a person may send twice: a repeated press of the same button
   * after its answer was lost (a crash, a timeout, Teams retrying) carries the
   * same `key`. `attempt` commits with that key; if it is refused as stale or by a
   * rule, and a commit with the key is already in the audit trail, the change was
   * this person's and is saved, so `current` answers with the items as they are
   * now (it is given the audit entries of that commit, which name them). Without
   * a key, or for a key never committed, the refusal stands.
   */
  async repeatable<T>(
    key: string | undefined,
    attempt: () => Promise<T>,
    current: (done: ReadonlyArray<RecordOf<'activity'>>) => Promise<T>,
  ): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (key === undefined || !(error instanceof ConflictError || error instanceof RefusedError)) throw error;
      const done = await this.deps.store.find({ list: 'activity', where: { operation: key } });
      if (done.length === 0) throw error;
      return current(done);
    }
  }

  /** One item, or a {@link NotFoundError} naming the kind of item. */
  async load<L extends ListName>(list: L, id: number): Promise<RecordOf<L>> {
    const item = await this.deps.store.get(list, id);
    if (!item) throw new NotFoundError(LISTS[list].itemName, id);
    return item;
  }

  /**
   * One item of a workstream's list, if the person may act on that workstream;
   * otherwise an AccessDeniedError, whatever the id (so ids cannot be probed).
   */
  async loadOwned<L extends OwnedList>(actor: Principal, list: L, id: number): Promise<RecordOf<L>> {
    return (await this.loadOwnedWith(actor, list, id, [])).item;
  }

  /** {@link loadOwned}, with more reads in the same round trip; their answers are given back only with the item. */
  async loadOwnedWith<L extends OwnedList, const Q extends readonly AnyQuery[]>(
    actor: Principal,
    list: L,
    id: number,
    queries: Q,
  ): Promise<LoadedWith<L, Q>> {
    const { reach, item, answers } = await this.readWith(actor, list, id, queries);
    if (item && AccessPolicy.includes(reach, item.workstreamId)) return { item, reach, answers };
    if (!item && reach.engagementTeam) throw new NotFoundError(LISTS[list].itemName, id);
    throw new AccessDeniedError();
  }

  /** A workstream the person may act on; otherwise an AccessDeniedError, whether or not it exists. */
  async loadWorkstream(actor: Principal, id: number): Promise<RecordOf<'workstreams'>> {
    return (await this.loadWorkstreamWith(actor, id, [])).item;
  }

  /** {@link loadWorkstream}, with more reads in the same round trip; their answers are given back only with the workstream. */
  async loadWorkstreamWith<const Q extends readonly AnyQuery[]>(
    actor: Principal,
    id: number,
    queries: Q,
  ): Promise<LoadedWith<'workstreams', Q>> {
    const { reach, item, answers } = await this.readWith(actor, 'workstreams', id, queries);
    if (!AccessPolicy.includes(reach, id)) throw new AccessDeniedError();
    if (!item) throw new NotFoundError(LISTS.workstreams.itemName, id);
    return { item, reach, answers };
  }

  /**
   * A partner the person may act on: one with an involvement in a workstream they
   * belong to (the Engagement team reaches every partner).
   */
  async loadPartner(actor: Principal, id: number): Promise<RecordOf<'partners'>> {
    const {
      reach,
      item: partner,
      answers: [involvements],
    } = await this.readWith(actor, 'partners', id, [{ list: 'involvements', where: { partnerId: id } }] as const);
    if (partner && (reach.engagementTeam || involvements.some((involvement) => AccessPolicy.includes(reach, involvement.workstreamId))))
      return partner;
    if (!partner && reach.engagementTeam) throw new NotFoundError(LISTS.partners.itemName, id);
    throw new AccessDeniedError();
  }

  /**
   * The person's reach, one item by id and the answers to more queries, read in
   * one `findAll` (one round trip on SharePoint). Nothing is checked yet: the
   * caller checks the reach before any answer leaves the use case.
   */
  private async readWith<L extends ListName, const Q extends readonly AnyQuery[]>(
    actor: Principal,
    list: L,
    id: number,
    queries: Q,
  ): Promise<{ reach: Reach; item: RecordOf<L> | undefined; answers: Results<Q> }> {
    const [members, items, ...answers] = (await this.deps.store.findAll([
      AccessPolicy.reachQuery([actor.id]),
      byId(list, id) as AnyQuery,
      ...queries,
    ])) as unknown as [Array<RecordOf<'members'>>, Array<RecordOf<L>>, ...unknown[]];
    return {
      reach: this.access.reachFrom([actor.id], members).get(actor.id) as Reach,
      item: items[0],
      answers: answers as unknown as Results<Q>,
    };
  }

  /**
   * A member of the workstream by their user id, to be given something of it (the
   * `what`: "named contact", "recruiting lead"); refused with a plain sentence for
   * anyone who is not a member, since only members see the workstream's records.
   */
  async workstreamMember(workstreamId: number, userId: string, what: string): Promise<RecordOf<'members'>> {
    const [member] = await this.deps.store.find({ list: 'members', where: { workstreamId, userId }, top: 1 });
    if (!member) {
      throw new RefusedError(
        'not-a-member',
        `Only a member of this workstream can be the ${what}: they must be able to see the partner's record. Add them on the workstream's People view first, then choose them.`,
      );
    }
    return member;
  }

  /** Commits (as part of the keyed action `key`, if given) and returns the first item written, which is the one a use case is about. */
  async commitFirst<L extends ListName>(actor: Principal, changes: readonly Change[], key?: string): Promise<RecordOf<L>> {
    const written = await this.deps.store.commit(changes, this.commitContext(actor, key));
    return written[0] as unknown as RecordOf<L>;
  }
}

/** A fresh idempotency key for a create whose caller did not supply one. */
export function newKey(): string {
  return globalThis.crypto.randomUUID();
}

/** The field a use case input may carry to make it safe to send again: a create is not doubled, a change a person repeats answers with what it saved. */
export const idempotencyKey = z.string().trim().min(8).max(160).optional();

/** The id of an item and the version the caller read. */
export const itemRef = { id: z.number().int().positive(), version: z.number().int().positive() };

/**
 * Parses a use case's input with readable field names, throwing a ValidationError
 * that lists every field at fault. Keys left undefined are dropped.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, titles: Record<string, string>): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorFrom(result.error, (field) => titles[field] ?? field);
  return withoutUndefined(result.data);
}

/**
 * Drops top-level keys whose value is undefined, so that an optional field a caller
 * left out never overwrites a stored value or a default when spread into a change.
 */
function withoutUndefined<T>(data: T): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}

/** How a partner is named in messages: the name they asked to be called, else their full name. */
export function displayName(partner: Pick<RecordOf<'partners'>, 'fullName' | 'preferredName'>): string {
  return partner.preferredName?.trim() || partner.fullName;
}

/** The readable name of every field of a list, for validation messages. */
export function titlesOf(list: ListName, extra: Record<string, string> = {}): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const [name, schema] of Object.entries(LISTS[list].fields)) {
    titles[name] = metaOf(schema).title;
  }
  return { ...titles, ...extra };
}
