import { randomUUID } from 'node:crypto';
import { json } from 'node:stream/consumers';
import { ContainerClient } from '@azure/storage-blob';
import { ConflictError, StoreUnavailableError } from '../../domain/errors';
import type { StateEntry, SweepOptions, SweptState, WriteOptions } from '../../domain/key-value-state';
import { sweepTimer } from '../sweep-timer';

/** Where the shared bot state lives: a storage account and one container in it. */
export interface BlobStateSettings {
  readonly connectionString: string;
  readonly container: string;
  /** How long one call to Blob Storage may take, its retries included, before it is given up as unavailable; {@link BLOB_CALL_TIMEOUT_MS} when absent. */
  readonly callTimeoutMs?: number;
}

/**
 * One call to Blob Storage is given up after 4 seconds. A turn stops at its first
 * failed call and apologises, so a person hears back within Teams' 15 seconds
 * whether storage refuses connections (the SDK would retry for about 16 s) or
 * takes them and never answers (the SDK would wait for ever).
 */
export const BLOB_CALL_TIMEOUT_MS = 4_000;

/** The options that give up a Blob Storage call, retries and all, after `timeoutMs`. */
export function givenUpAfter(timeoutMs: number | undefined): { readonly abortSignal: AbortSignal } {
  return { abortSignal: AbortSignal.timeout(timeoutMs ?? BLOB_CALL_TIMEOUT_MS) };
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

/** Blob Storage's longest blob name, in characters. */
const MAX_BLOB_NAME = 1024;

/** Blob Storage's most path segments in a blob name, less one. */
const MAX_SEGMENTS = 255;

/**
 * The blob name of a state key. Bot state keys hold colons, semicolons and `@` (a
 * Teams conversation id, say), which a blob name may not hold as they are. Empty
 * segments between slashes are dropped (`a//b` is `a/b`, a trailing slash goes;
 * a leading one stays), segments from the 255th on are run together with no slash
 * between them, the whole is URI-encoded (so a slash, too, becomes `%2F` and no
 * key names a virtual folder such as the leases' `leases/`), and it is cut to 1,024
 * characters, the longest blob name.
 *
 * This is, character for character, what botbuilder-azure-blobs 4.23 (`sanitizeBlobKey`)
 * did when it wrote this state, so entries stored before the adapter was written on
 * `@azure/storage-blob` alone are still found under the same names.
 */
export function blobNameOf(key: string): string {
  if (key === '') throw new Error('A bot state key cannot be empty.');
  const [first = '', ...rest] = key.split('/');
  let joined = first;
  rest.forEach((segment, index) => {
    if (segment !== '') joined += `${index + 1 < MAX_SEGMENTS ? '/' : ''}${segment}`;
  });
  return encodeURIComponent(joined).slice(0, MAX_BLOB_NAME);
}

function expired(item: Document<unknown>): boolean {
  return item.expires !== undefined && item.expires <= Date.now();
}

/** The status and error code of a failed Blob Storage call (read by shape, as the SDK's `RestError` may come from more than one copy of its package). */
function failure(error: unknown): { readonly status?: unknown; readonly code?: unknown } {
  return typeof error === 'object' && error !== null
    ? { status: (error as { statusCode?: unknown }).statusCode, code: (error as { code?: unknown }).code }
    : {};
}

/** True for the answers Blob Storage gives when a write's condition fails: 412 ConditionNotMet (If-Match), 409 BlobAlreadyExists (If-None-Match: *). */
function conditionFailed(error: unknown): boolean {
  const { status, code } = failure(error);
  return status === 412 || (status === 409 && code === 'BlobAlreadyExists');
}

function notFound(error: unknown): boolean {
  return failure(error).status === 404;
}

/**
 * Opens the bot's key-value state in an Azure Blob Storage container (Azurite
 * locally), creating the container if it is missing. One blob per key (named by
 * {@link blobNameOf}), holding `{ value, tag, expires }` as JSON.
 *
 * A read downloads the blob (a missing one is absent) and keeps its ETag; a write
 * uploads the whole document: unconditionally, under If-Match on the ETag of the
 * entry whose tag the caller named (so the check and the write are one atomic
 * step), or, first writer wins, under If-None-Match: * (reminder claims, first
 * delivery of an activity). The port's tag is an id written into the document
 * rather than the blob's ETag. An expired entry is taken over under If-Match on
 * its ETag, so two instances racing for it cannot both win. A write with an expiry
 * also puts it in the blob's metadata for {@link SweptState.sweepExpired}. A failed
 * condition is a {@link ConflictError}; any other failure a {@link StoreUnavailableError}.
 */
export async function openBlobState(settings: BlobStateSettings, sweeping: SweepOptions = {}): Promise<SweptState> {
  const container = new ContainerClient(settings.connectionString, settings.container);
  await unavailableOnFailure(() => container.createIfNotExists(givenUpAfter(settings.callTimeoutMs)));
  const state = new BlobStateAdapter(container, settings.callTimeoutMs);
  if (sweeping.sweepEveryMs !== undefined) state.sweeping = sweepTimer(state, sweeping.sweepEveryMs, sweeping.onSweep);
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

class BlobStateAdapter implements SweptState {
  private closed = false;
  /** The timer that sweeps every so often, when asked to; cleared on close. */
  sweeping: NodeJS.Timeout | undefined;

  constructor(
    private readonly container: ContainerClient,
    private readonly callTimeoutMs: number | undefined,
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
    else if (condition) await this.upload(key, document, { ifMatch: (await this.current<T>(key, condition.ifMatch)).eTag });
    else await this.upload(key, document, {});
    return document.tag;
  }

  async delete(key: string): Promise<void> {
    this.open();
    await unavailableOnFailure(() =>
      this.container.deleteBlob(blobNameOf(key), givenUpAfter(this.callTimeoutMs)).catch((error: unknown) => {
        if (!notFound(error)) throw error;
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeping);
  }

  /** Every instance sweeps now and then; deletes are conditional, so two sweeps at once do no harm. */
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
          if (conditionFailed(error) || notFound(error)) return false;
          throw error;
        },
      );
      if (deleted) swept += 1;
    }
    return swept;
  }

  private async item<T>(key: string): Promise<StoredItem<T> | undefined> {
    this.open();
    return unavailableOnFailure(async () => {
      const blob = await this.container
        .getBlobClient(blobNameOf(key))
        .download(0, undefined, givenUpAfter(this.callTimeoutMs))
        .catch((error: unknown) => {
          if (notFound(error)) return undefined;
          throw error;
        });
      if (!blob?.readableStreamBody || blob.etag === undefined) return undefined;
      return { ...((await json(blob.readableStreamBody)) as Document<T>), eTag: blob.etag };
    });
  }

  /** The stored item a write under If-Match replaces; a conflict unless it is live and has the tag named. */
  private async current<T>(key: string, tag: string): Promise<StoredItem<T>> {
    const item = await this.item<T>(key);
    if (!item || expired(item) || item.tag !== tag) throw new ConflictError(ITEM_NAME);
    return item;
  }

  /** Uploads the whole document under `conditions`, with its expiry (if any) as metadata. */
  private async upload<T>(
    key: string,
    document: Document<T>,
    conditions: { readonly ifMatch?: string; readonly ifNoneMatch?: string },
  ): Promise<void> {
    this.open();
    const body = JSON.stringify(document);
    const blob = this.container.getBlockBlobClient(blobNameOf(key));
    await unavailableOnFailure(() =>
      blob.upload(body, Buffer.byteLength(body), {
        ...givenUpAfter(this.callTimeoutMs),
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
        metadata: document.expires === undefined ? undefined : { [EXPIRES_METADATA]: String(document.expires) },
      }),
    );
  }

  /** First writer wins: If-None-Match: *, or If-Match on an expired entry's ETag. */
  private async create<T>(key: string, document: Document<T>): Promise<void> {
    try {
      await this.upload(key, document, { ifNoneMatch: '*' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.item<T>(key);
      // Deleted since the upload was refused: try the create again.
      if (existing === undefined) return this.create(key, document);
      if (!expired(existing)) throw error;
      await this.upload(key, document, { ifMatch: existing.eTag });
    }
  }

  private open(): void {
    if (this.closed) throw new StoreUnavailableError();
  }
}
