import { randomUUID } from 'node:crypto';
import type { IItems } from '@pnp/sp/items/index.js';
import type { IWeb } from '@pnp/sp/webs/index.js';
import { StoreUnavailableError } from '../../domain/errors';
import { metaOf } from '../../domain/schema/columns';
import { LISTS, type ListName, type RecordOf } from '../../domain/schema/lists';
import { parseFields } from '../../domain/schema/validate';
import type { Change, Committed } from '../../domain/store';
import { auditFields, changeEntry, type AuditEntry } from '../audit';
import {
  canonicalFields,
  checkedKey,
  checkedVersion,
  declareRef,
  inUseError,
  lookupsOf,
  referencesTo,
  refsOf,
  refuseMissingLookups,
  resolveRefs,
  type LookupValue,
  type RefTarget,
  type Stamp,
} from '../commit-rules';
import { asStored, instant, itemBody, recordFromItem, versionOf, type SpItem } from './codec';
import { selectProperties, spColumn, spColumns, SYSTEM_FIELDS, type SpColumn } from './names';
import { odataLiteral } from './odata';
import { isDuplicateValue, MAX_PAGE_SIZE, toDomainError, type PartResult } from './sp-client';

type AnyRecord = RecordOf<ListName>;
type CreateChange = Extract<Change, { op: 'create' }>;
type UpdateChange = Extract<Change, { op: 'update' }>;
type DeleteChange = Extract<Change, { op: 'delete' }>;

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

/** The longest audit summary the activity list takes. */
const SUMMARY_MAX = metaOf(LISTS.activity.fields.summary).maxLength ?? 255;
/** The id a ref stands for while a commit is validated, before the item it names is written. */
const UNKNOWN_ID = 1;

/** The batched requests a commit needs of the store: its lists' items, and batches whose parts answer one by one or must all succeed. */
export interface CommitHost {
  items(web: IWeb, list: ListName): IItems;
  batchParts<T>(parts: ReadonlyArray<(web: IWeb) => Promise<T>>): Promise<Array<PartResult<T>>>;
  batch<T>(parts: ReadonlyArray<(web: IWeb) => Promise<T>>, itemName: string): Promise<T[]>;
}

/** A new `activity` item for the entry, validated, under a key of its own (so a repeated create is refused, not doubled). */
export function activityItem(entry: AuditEntry, stamp: Stamp): { key: string; body: Record<string, unknown> } {
  const fields = canonicalFields('activity', auditFields(entry, stamp));
  const key = randomUUID();
  return {
    key,
    body: {
      ...itemBody('activity', fields),
      [SYSTEM_FIELDS.key]: key,
      [SYSTEM_FIELDS.created]: stamp.at,
      [SYSTEM_FIELDS.modified]: stamp.at,
    },
  };
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
 * One commit, from validation to its writes (and their undoing when a part fails).
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
 */
export class CommitRun {
  /** The items this commit has created (or found created) so far, by the ref their create gave them. */
  private readonly refs = new Map<string, RefTarget>();
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
    private readonly store: CommitHost,
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
    const declared = new Map<string, RefTarget>();
    this.changes.forEach((change, index) => {
      if (change.op === 'create') {
        const key = checkedKey(change.key);
        parseFields(change.list, resolveRefs(change.list, change.values, declared));
        declareRef(declared, change.ref, { list: change.list, id: UNKNOWN_ID });
        creates.push({ index, change, key });
      } else if (change.op === 'update') {
        parseFields(change.list, change.values, true);
      }
    });
    return creates;
  }

  /**
   * One batch of reads before any write: each create's key (a retried create finds
   * its item), each updated or deleted item (its version), each lookup target, and
   * what still refers to each deleted item.
   */
  private async preflight(creates: PlannedCreate[]): Promise<void> {
    const checks: Check[] = [];
    const missing: LookupValue[] = [];
    const read = (list: ListName, filter: string, select: readonly string[], top: number) => (web: IWeb) =>
      this.store
        .items(web, list)
        .select(...select)
        .filter(filter)
        .top(top)() as Promise<SpItem[]>;
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
            this.before.set(index, checkedVersion(list, id, version, item && recordFromItem(list, item)));
          },
        });
      }
      if (change.op === 'delete') checks.push(...this.referenceChecks(change));
    });
    for (const target of this.lookupTargets()) {
      checks.push({
        run: read(target.list, `Id eq ${odataLiteral(target.id, 'number')}`, ['Id'], 1),
        apply: (result) => {
          if (itemsOf(result, LISTS[target.list].itemName).length === 0) missing.push(...target.lookups);
        },
      });
    }
    const results = await this.store.batchParts(checks.map((check) => check.run));
    results.forEach((result, index) => checks[index].apply(result));
    refuseMissingLookups(missing);
    const inUse = this.inUse.find((entry) => Object.keys(entry.references).length > 0);
    if (inUse) {
      throw inUseError(inUse.list, inUse.id, inUse.references);
    }
  }

  /** Every item a lookup value in the commit points at (refs aside), with the lookups that name it. */
  private lookupTargets(): Array<{ list: ListName; id: number; lookups: LookupValue[] }> {
    const targets: Array<{ list: ListName; id: number; lookups: LookupValue[] }> = [];
    for (const change of this.changes) {
      if (change.op === 'delete') continue;
      for (const lookup of lookupsOf(change.list, change.values as Readonly<Record<string, unknown>>)) {
        let target = targets.find((candidate) => candidate.list === lookup.list && candidate.id === lookup.id);
        if (!target) {
          target = { list: lookup.list, id: lookup.id, lookups: [] };
          targets.push(target);
        }
        target.lookups.push(lookup);
      }
    }
    return targets;
  }

  /** Reads of every lookup column that points at the deleted item, counted into {@link inUse}. */
  private referenceChecks(change: DeleteChange): Check[] {
    const entry = { list: change.list as ListName, id: change.id, references: {} as Record<string, number> };
    this.inUse.push(entry);
    return referencesTo(change.list).map(({ list: other, name }): Check => {
      const { property } = spColumn(other, name) as SpColumn;
      return {
        run: (web) =>
          this.store
            .items(web, other)
            .select('Id')
            .filter(`${property} eq ${odataLiteral(change.id, 'number')}`)
            .top(MAX_PAGE_SIZE)(),
        apply: (result) => {
          const count = itemsOf(result, LISTS[other].itemName).length;
          if (count > 0) entry.references[other] = (entry.references[other] ?? 0) + count;
        },
      };
    });
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
    return (
      this.store
        .items(web, list)
        .select(...selectProperties(list))
        .filter(filter)
        .top(1)() as Promise<SpItem[]>
    ).then(([item]) => item);
  }

  private createWrite(planned: PlannedCreate): Write {
    const list = planned.change.list;
    const fields = canonicalFields(list, parseFields(list, resolveRefs(list, planned.change.values, this.refs)));
    const body = {
      ...itemBody(list, fields),
      [SYSTEM_FIELDS.key]: planned.key,
      [SYSTEM_FIELDS.created]: this.stamp.at,
      [SYSTEM_FIELDS.modified]: this.stamp.at,
    };
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
        const [item] = (await this.store
          .items(web, list)
          .select('Id', SYSTEM_FIELDS.modified)
          .filter(`Id eq ${odataLiteral(change.id, 'number')}`)()) as SpItem[];
        const done =
          item &&
          versionOf(item['odata.etag']) === change.version + 1 &&
          instant(String(item[SYSTEM_FIELDS.modified])) === instant(this.stamp.at);
        return done ? { etag: item['odata.etag'] } : undefined;
      },
      finish: (result) => {
        if (!result.ok) throw toDomainError(result.error, LISTS[list].itemName, change.id);
        const etag = (result.value as { etag: string }).etag;
        this.undo.push({
          kind: 'updated',
          list,
          id: change.id,
          etag,
          before: before as unknown as Record<string, unknown>,
          summary: change.summary,
        });
        this.results[index] = { ...stored, version: versionOf(etag), modified: instant(this.stamp.at) } as AnyRecord;
      },
    };
  }

  private resolvable(change: CreateChange): boolean {
    return refsOf(change.list, change.values).every(({ ref }) => this.refs.has(ref));
  }

  /**
   * The audit entries not sent yet whose item and values are known: each update's
   * (sent in the batch of the update it describes), each create's once it is
   * written and, with `withDeletes`, each delete's. Every entry is undone with the
   * writes if a part fails, so an entry and its write may share a batch; a delete's
   * entry is written before the delete, which cannot be undone.
   */
  private auditWrites(withDeletes: boolean): Write[] {
    const entries: AuditEntry[] = [];
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
  private entryFor(change: Change, index: number, withDeletes: boolean): AuditEntry | undefined {
    const after = this.results[index];
    if (change.op === 'create' && this.created.has(index) && after) return changeEntry(change, after.id, undefined, after);
    const planned = this.after.get(index);
    if (change.op === 'update' && planned) return changeEntry(change, change.id, this.before.get(index), planned);
    if (change.op === 'delete' && withDeletes) return changeEntry(change, change.id, this.before.get(index), undefined);
    return undefined;
  }

  /** The deletes, last of all: a delete cannot be undone. */
  private async writeDeletes(): Promise<void> {
    const deletes = this.changes.filter((change): change is DeleteChange => change.op === 'delete');
    await this.write(
      deletes.map((change): Write => ({
        send: (web) =>
          this.store
            .items(web, change.list)
            .getById(change.id)
            .delete(`"${change.version}"`)
            .then(() => true),
        recover: async (web) => {
          const found = (await this.store
            .items(web, change.list)
            .select('Id')
            .filter(`Id eq ${odataLiteral(change.id, 'number')}`)()) as SpItem[];
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
          const entry: AuditEntry = {
            list: step.list,
            itemId: step.id,
            action: step.kind === 'created' ? 'Deleted' : 'Updated',
            summary,
            changes: null,
          };
          const { body } = activityItem(entry, stamp);
          return (web: IWeb) => this.store.items(web, 'activity').add(body);
        }),
      )
      .catch(() => []);
  }
}
