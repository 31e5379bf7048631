import { body } from '@pnp/queryable';
import { spPost, SPQueryable } from '@pnp/sp';
import { RecycleBin } from '@pnp/sp/recycle-bin/index.js';
import type { IItems } from '@pnp/sp/items/index.js';
import type { IWeb } from '@pnp/sp/webs/index.js';
import { StoreUnavailableError } from '../../domain/errors';
import { type ListName } from '../../domain/schema/lists';
import type { ItemRef } from '../../domain/store';
import { listTitle } from './names';
import { odataLiteral } from './odata';
import { isMissingList, sharePointFailure, toDomainError, type PartResult } from './sp-client';

/** Rounds of deletes a purge makes at most: the versions, then their recycled copies, then what a first-stage delete moved on. */
export const MAX_PURGE_ROUNDS = 3;

/** Leaf names per recycle bin `$filter`, so no request URL grows long. */
const LEAVES_PER_FILTER = 40;

/** `SP.RecycleBinItemState.firstStageRecycleBin`. */
const FIRST_STAGE = 1;

/** The batched requests a purge needs of the store: its lists' items, and batches whose parts answer one by one. */
export interface PurgeHost {
  items(web: IWeb, list: ListName): IItems;
  batchParts<T>(parts: ReadonlyArray<(web: IWeb) => Promise<T>>): Promise<Array<PartResult<T>>>;
}

interface VersionInfo {
  readonly VersionId: number;
  readonly IsCurrentVersion: boolean;
}

interface BinEntry {
  readonly Id: string;
  readonly ItemState: number;
  readonly LeafName: string;
  readonly DirName: string;
}

/** What still holds an earlier state of the items. */
interface Leftovers {
  readonly versions: ReadonlyArray<{ readonly item: ItemRef; readonly versionId: number }>;
  readonly firstStage: readonly string[];
  readonly secondStage: readonly string[];
}

/** The name SharePoint gives a list item (and each version of it) in a recycle bin. */
function leafName(id: number): string {
  return `${id}_.000`;
}

function folderKey(path: string): string {
  return path.replace(/^\/+/, '').toLowerCase();
}

/**
 * Removes the earlier states of list items from a site: every version before the
 * current one, and every copy of the item or of its versions in the site's
 * recycle bin (first stage) and the site collection's (second stage).
 *
 * Each round reads, in one `$batch`, each item's versions and the entries of both
 * recycle bins named like the items (`<id>_.000`, matched to each list's folder),
 * then deletes what it found in one more: the earlier versions, and the recycle
 * bin entries (first-stage ones moved to the second stage, then every one deleted
 * there, so that a site that only moves first-stage deletes on still loses them).
 * A deleted version may itself land in the recycle bin, so rounds go on until a
 * read finds nothing, at most {@link MAX_PURGE_ROUNDS} delete rounds. A clean site
 * costs one round trip; versions that go to the recycle bin on deletion, five.
 * Deciding by what a read finds makes a purge safe to repeat, and a delete batch
 * whose answer is lost simply leaves the next read to tell.
 */
export class HistoryPurge {
  /** Each list's folder, as recycle bin entries name it; it never changes once the list exists. */
  private readonly folders = new Map<ListName, string>();

  constructor(
    private readonly host: PurgeHost,
    private readonly siteUrl: string,
  ) {}

  async purge(items: readonly ItemRef[]): Promise<void> {
    const unique = [...new Map(items.map((item) => [`${item.list}:${item.id}`, item])).values()];
    if (unique.length === 0) return;
    let lastFailure: unknown;
    for (let round = 0; ; round += 1) {
      const left = await this.leftovers(unique);
      if (left.versions.length + left.firstStage.length + left.secondStage.length === 0) return;
      if (round === MAX_PURGE_ROUNDS) {
        const unfinished = new StoreUnavailableError(
          'SharePoint still holds earlier versions or recycle bin copies of these records after several attempts. Try the erasure again; nothing was lost.',
        );
        unfinished.cause = lastFailure;
        throw unfinished;
      }
      lastFailure = (await this.remove(left)) ?? lastFailure;
    }
  }

  /** One batch of reads: the lists' folders not known yet, every item's versions and both recycle bins. */
  private async leftovers(items: readonly ItemRef[]): Promise<Leftovers> {
    const lists = [...new Set(items.map((item) => item.list))].filter((list) => !this.folders.has(list));
    const leaves = [...new Set(items.map((item) => leafName(item.id)))];
    const filters: string[] = [];
    for (let at = 0; at < leaves.length; at += LEAVES_PER_FILTER) {
      filters.push(
        leaves
          .slice(at, at + LEAVES_PER_FILTER)
          .map((leaf) => `LeafName eq ${odataLiteral(leaf)}`)
          .join(' or '),
      );
    }
    const parts: Array<(web: IWeb) => Promise<unknown>> = [
      ...lists.map(
        (list) => (web: IWeb) => web.lists.getByTitle(listTitle(list)).select('RootFolder/ServerRelativeUrl').expand('RootFolder')(),
      ),
      ...items.map(
        (item) => (web: IWeb) => this.host.items(web, item.list).getById(item.id).versions.select('VersionId', 'IsCurrentVersion')(),
      ),
      ...filters.flatMap((filter) => [
        (web: IWeb) => web.recycleBin.select('Id', 'ItemState', 'LeafName', 'DirName').filter(filter)(),
        (web: IWeb) => this.siteBin(web).select('Id', 'ItemState', 'LeafName', 'DirName').filter(filter)(),
      ]),
    ];
    const results = await this.host.batchParts(parts);
    const answers = results.map((result) => {
      if (result.ok) return result.value;
      const failure = sharePointFailure(result.error);
      // An item deleted already has no versions left to read; its copies are in the recycle bin.
      if (failure?.status === 404 && !isMissingList(failure)) return [];
      throw toDomainError(result.error, 'record');
    });
    lists.forEach((list, index) => {
      this.folders.set(list, folderKey((answers[index] as { RootFolder: { ServerRelativeUrl: string } }).RootFolder.ServerRelativeUrl));
    });
    const versions = items.flatMap((item, index) =>
      (answers[lists.length + index] as VersionInfo[])
        .filter((version) => !version.IsCurrentVersion)
        .map((version) => ({ item, versionId: version.VersionId })),
    );
    const wanted = new Set(items.map((item) => `${this.folders.get(item.list)}/${leafName(item.id)}`));
    const entries = new Map<string, BinEntry>();
    for (const answer of answers.slice(lists.length + items.length) as BinEntry[][]) {
      for (const entry of answer) {
        if (wanted.has(`${folderKey(entry.DirName)}/${entry.LeafName.toLowerCase()}`)) entries.set(entry.Id, entry);
      }
    }
    const found = [...entries.values()];
    return {
      versions,
      firstStage: found.filter((entry) => entry.ItemState === FIRST_STAGE).map((entry) => entry.Id),
      secondStage: found.filter((entry) => entry.ItemState !== FIRST_STAGE).map((entry) => entry.Id),
    };
  }

  /**
   * One batch of deletes, in order. A part refused for want of access stops the
   * purge; any other failure (gone already, say) is left to the next read to judge,
   * and the first is answered as the cause should the purge not finish.
   */
  private async remove(left: Leftovers): Promise<unknown> {
    const everything = [...left.firstStage, ...left.secondStage];
    const parts: Array<(web: IWeb) => Promise<unknown>> = left.versions.map(
      ({ item, versionId }) =>
        (web: IWeb) =>
          this.host.items(web, item.list).getById(item.id).versions.getById(versionId).delete(),
    );
    if (left.firstStage.length > 0)
      parts.push((web) => spPost(SPQueryable(web.recycleBin, 'MoveToSecondStageByIds'), body({ ids: left.firstStage })));
    if (everything.length > 0) parts.push((web) => spPost(SPQueryable(this.siteBin(web), 'DeleteByIds'), body({ ids: everything })));
    let results: Array<PartResult<unknown>>;
    try {
      results = await this.host.batchParts(parts);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return error;
      throw error;
    }
    let failure: unknown;
    for (const result of results) {
      if (result.ok) continue;
      const status = sharePointFailure(result.error)?.status;
      if (status === 401 || status === 403) throw toDomainError(result.error, 'record');
      failure ??= result.error;
    }
    return failure;
  }

  /** The site collection's recycle bin, both stages, in the same batch as `web`. */
  private siteBin(web: IWeb) {
    return RecycleBin([web, `${this.siteUrl.replace(/\/+$/, '')}/_api/site`]);
  }
}
