import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { ConflictError, StoreUnavailableError } from '../../domain/errors';
import type { KeyValueState, StateEntry, WriteOptions } from '../../domain/key-value-state';

/** Where the shared bot state lives: a storage account and one container in it. */
export interface BlobStateSettings {
  readonly connectionString: string;
  readonly container: string;
}

/**
 * One stored entry. `tag` is the port's entity tag, a fresh id on every write; the
 * blob's own ETag is what makes "check, then write" one atomic step.
 */
interface Document<T> {
  readonly value: T;
  readonly tag: string;
  /** Milliseconds since the epoch after which the entry reads as absent. */
  readonly expires?: number;
}

type StoredItem<T> = Document<T> & { readonly eTag: string };

const ITEM_NAME = 'conversation state';

/** The metadata that carries an entry's expiry, so a sweep finds expired blobs without downloading them. */
const EXPIRES_METADATA = 'expires';

/** How the state sweeps expired entries out of the container on its own, and whom it tells. */
export interface SweepOptions {
  /** Sweeps this often, until closed; never when absent. */
  readonly sweepEveryMs?: number;
  readonly onSweep?: (outcome: { readonly swept: number } | { readonly error: unknown }) => void;
}

/** The bot state in Blob Storage: the port, and a sweep that removes expired entries. */
export interface BlobState extends KeyValueState {
  /** Deletes every expired entry (unless written again meanwhile) and resolves to how many went. */
  sweepExpired(): Promise<number>;
}

/** BlobsStorage reports a failed If-Match only in its message (botbuilder-azure-blobs 4.23). */
const BLOBS_STORAGE_CONFLICT = /due to eTag conflict/;

function expired(item: Document<unknown>): boolean {
  return item.expires !== undefined && item.expires <= Date.now();
}

/**
 * True for the answers Blob Storage gives when a write's condition fails: 409
 * (If-None-Match: * on a blob that exists) or 412. Recognised by shape, as the
 * SDK's `RestError` may come from more than one copy of its package.
 */
function conditionFailed(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 409 || status === 412 || BLOBS_STORAGE_CONFLICT.test(error.message);
}

/**
 * Opens the bot's key-value state in an Azure Blob Storage container (Azurite
 * locally), creating the container if it is missing. One blob per key, holding
 * `{ value, tag, expires }` as JSON.
 *
 * botbuilder-azure-blobs' `BlobsStorage` does what its semantics fit: reads (value
 * and ETag, a missing blob as absent), deletes (a missing blob is fine), and
 * writes of entries kept for good, replacing unconditionally or under If-Match
 * (conversation state, references, relayed questions). It cannot create only if
 * absent (it sends no If-None-Match), return the new ETag, nor set metadata, so
 * first-writer-wins writes (reminder claims, first delivery of an activity) and
 * writes with an expiry go straight to `@azure/storage-blob`: If-None-Match: *,
 * and the expiry also as metadata for {@link BlobState.sweepExpired}. The port's
 * tag is an id written into the document rather than the blob's ETag. An expired
 * entry is taken over under If-Match on its ETag, so two instances racing for it
 * cannot both win.
 */
export async function openBlobState(settings: BlobStateSettings, sweeping: SweepOptions = {}): Promise<BlobState> {
  const storage = new BlobsStorage(settings.connectionString, settings.container);
  const container = new ContainerClient(settings.connectionString, settings.container);
  // BlobsStorage creates the container on first use and keeps that first answer, so it is asked here, where a failure stops the start.
  await unavailableOnFailure(() => storage.read([]));
  const state = new BlobStateAdapter(storage, container);
  if (sweeping.sweepEveryMs !== undefined) state.sweepEvery(sweeping.sweepEveryMs, sweeping.onSweep);
  return state;
}

async function unavailableOnFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (conditionFailed(error)) throw new ConflictError(ITEM_NAME);
    const unavailable = new StoreUnavailableError();
    unavailable.cause = error;
    throw unavailable;
  }
}

class BlobStateAdapter implements BlobState {
  private closed = false;
  private sweeping: NodeJS.Timeout | undefined;

  constructor(
    private readonly storage: BlobsStorage,
    private readonly container: ContainerClient,
  ) {}

  async read<T>(key: string): Promise<StateEntry<T> | undefined> {
    const item = await this.item<T>(key);
    return item && !expired(item) ? { value: item.value, etag: item.tag } : undefined;
  }

  async write<T>(key: string, value: T, options: WriteOptions = {}): Promise<string> {
    const document: Document<T> = {
      value,
      tag: randomUUID(),
      ...(options.ttlMs === undefined ? {} : { expires: Date.now() + options.ttlMs }),
    };
    const condition = options.condition;
    if (condition && 'ifAbsent' in condition) await this.create(key, document);
    else if (condition) await this.put(key, document, (await this.current<T>(key, condition.ifMatch)).eTag);
    else await this.put(key, document, '*');
    return document.tag;
  }

  async delete(key: string): Promise<void> {
    this.open();
    await unavailableOnFailure(() => this.storage.delete([key]));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeping);
  }

  /** Every instance sweeps now and then; deletes are conditional, so two sweeps at once do no harm. */
  sweepEvery(everyMs: number, onSweep: SweepOptions['onSweep']): void {
    this.sweeping = setInterval(() => {
      this.sweepExpired().then(
        (swept) => onSweep?.({ swept }),
        (error: unknown) => onSweep?.({ error }),
      );
    }, everyMs);
    this.sweeping.unref();
  }

  async sweepExpired(): Promise<number> {
    this.open();
    return unavailableOnFailure(() => this.sweep());
  }

  private async sweep(): Promise<number> {
    let swept = 0;
    for await (const blob of this.container.listBlobsFlat({ includeMetadata: true })) {
      const expires = Number(blob.metadata?.[EXPIRES_METADATA] ?? Number.NaN);
      if (!(expires <= Date.now())) continue;
      // Under If-Match: an entry claimed again since the listing is left alone.
      const deleted = await this.container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } }).then(
        () => true,
        (error: unknown) => {
          if (conditionFailed(error) || (error as { statusCode?: unknown }).statusCode === 404) return false;
          throw error;
        },
      );
      if (deleted) swept += 1;
    }
    return swept;
  }

  private async item<T>(key: string): Promise<StoredItem<T> | undefined> {
    this.open();
    const items = await unavailableOnFailure(() => this.storage.read([key]));
    return items[key] as StoredItem<T> | undefined;
  }

  /** The stored item a write under If-Match replaces; a conflict unless it is live and has the tag named. */
  private async current<T>(key: string, tag: string): Promise<StoredItem<T>> {
    const item = await this.item<T>(key);
    if (!item || expired(item) || item.tag !== tag) throw new ConflictError(ITEM_NAME);
    return item;
  }

  /** Replaces an entry, under If-Match on `eTag` unless it is `*`: through BlobsStorage when kept for good, else with its expiry as metadata. */
  private async put<T>(key: string, document: Document<T>, eTag: string): Promise<void> {
    this.open();
    if (document.expires === undefined) await unavailableOnFailure(() => this.storage.write({ [key]: { ...document, eTag } }));
    else await this.upload(key, document, eTag === '*' ? {} : { ifMatch: eTag });
  }

  private async upload<T>(key: string, document: Document<T>, conditions: { readonly ifMatch?: string; readonly ifNoneMatch?: string }): Promise<void> {
    const body = JSON.stringify(document);
    const blob = this.container.getBlockBlobClient(sanitizeBlobKey(key));
    await unavailableOnFailure(() =>
      blob.upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
        metadata: document.expires === undefined ? undefined : { [EXPIRES_METADATA]: String(document.expires) },
      }),
    );
  }

  /** First writer wins: If-None-Match: *, or If-Match on an expired entry's ETag. */
  private async create<T>(key: string, document: Document<T>): Promise<void> {
    this.open();
    try {
      await this.upload(key, document, { ifNoneMatch: '*' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.item<T>(key);
      // Deleted since the upload was refused: try the create again.
      if (existing === undefined) return this.create(key, document);
      if (!expired(existing)) throw error;
      await this.put(key, document, existing.eTag);
    }
  }

  private open(): void {
    if (this.closed) throw new StoreUnavailableError();
  }
}
