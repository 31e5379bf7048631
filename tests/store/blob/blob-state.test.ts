import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { StoreUnavailableError } from '../../../src/domain';
import { openBlobState } from '../../../src/store/blob/blob-state';
import { sleep, until } from '../../wait';
import { keyValueStateContract } from '../key-value-state-contract';
import { startAzurite, type Azurite } from './azurite';

let azurite: Azurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite.stop());

keyValueStateContract('Blob Storage bot state (Azurite)', () => {
  containers += 1;
  return openBlobState({ connectionString: azurite.connectionString, container: `contract-${containers}` });
});

describe('Blob Storage bot state', () => {
  it('creates its container when it is missing, and shares one truth between two instances', async () => {
    const settings = { connectionString: azurite.connectionString, container: 'bot-state-shared' };
    const one = await openBlobState(settings);
    const other = await openBlobState(settings);
    expect(await new ContainerClient(settings.connectionString, settings.container).exists()).toBe(true);
    const tag = await one.write('conversation:a', { awaiting: 'ask' });
    expect(await other.read('conversation:a')).toEqual({ value: { awaiting: 'ask' }, etag: tag });
    await other.write('sent:r1', true, { condition: { ifAbsent: true } });
    await expect(one.write('sent:r1', true, { condition: { ifAbsent: true } })).rejects.toThrow('changed by someone else');
  });

  it('sweeps expired entries out of the container, leaving live ones, ones kept for good and one claimed again since', async () => {
    const settings = { connectionString: azurite.connectionString, container: 'sweep' };
    const state = await openBlobState(settings);
    await state.write('seen:old', true, { ttlMs: 20, condition: { ifAbsent: true } });
    await state.write('seen:again', 'old', { ttlMs: 20, condition: { ifAbsent: true } });
    await state.write('seen:live', true, { ttlMs: 60_000, condition: { ifAbsent: true } });
    await state.write('conversation:kept', { workstreamId: 1 });
    await sleep(50);
    await state.write('seen:again', 'new', { ttlMs: 60_000, condition: { ifAbsent: true } });
    expect(await state.sweepExpired()).toBe(1);
    const names: string[] = [];
    for await (const blob of new ContainerClient(settings.connectionString, settings.container).listBlobsFlat())
      names.push(decodeURIComponent(blob.name));
    expect(names.sort()).toEqual(['conversation:kept', 'seen:again', 'seen:live']);
    expect((await state.read('seen:again'))?.value).toBe('new');
  });

  it('sweeps on its own every so often until closed, saying how many entries went', async () => {
    const outcomes: unknown[] = [];
    const state = await openBlobState(
      { connectionString: azurite.connectionString, container: 'sweep-often' },
      { sweepEveryMs: 40, onSweep: (outcome) => outcomes.push(outcome) },
    );
    await state.write('sent:r', true, { ttlMs: 10, condition: { ifAbsent: true } });
    await until(() => outcomes.some((outcome) => (outcome as { swept?: number }).swept === 1));
    await state.close();
    expect(outcomes).toContainEqual({ swept: 1 });
    expect(outcomes.every((outcome) => 'swept' in (outcome as object))).toBe(true);
  });

  // State stored before the adapter was written on @azure/storage-blob alone must still be found. botbuilder-azure-blobs stays a development dependency for this check alone.
  it('finds, replaces and deletes the entries botbuilder-azure-blobs stored, under the same blob names', async () => {
    const settings = { connectionString: azurite.connectionString, container: 'stored-before' };
    const before = new BlobsStorage(settings.connectionString, settings.container);
    const key = 'conversation:19:abc@thread.tacv2;messageid=7';
    await before.write({ [key]: { value: { workstreamId: 3 }, tag: 'tag-1' } });
    const state = await openBlobState(settings);
    expect(await state.read(key)).toEqual({ value: { workstreamId: 3 }, etag: 'tag-1' });
    const tag = await state.write(key, { workstreamId: 4 }, { condition: { ifMatch: 'tag-1' } });
    expect(await before.read([key])).toEqual({ [key]: { value: { workstreamId: 4 }, tag, eTag: expect.any(String) } });
    await state.delete(key);
    expect(await before.read([key])).toEqual({});
  });

  it('will not start when the storage account cannot be reached', async () => {
    const unreachable = azurite.connectionString.replace(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/, 'BlobEndpoint=http://127.0.0.1:9');
    await expect(openBlobState({ connectionString: unreachable, container: 'nowhere' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
