import { ContainerClient } from '@azure/storage-blob';
import { StoreUnavailableError } from '../../../src/domain';
import { openBlobState } from '../../../src/store/blob/blob-state';
import { keyValueStateContract } from '../key-value-state-contract';
import { startAzurite, type Azurite } from './azurite';

let azurite: Azurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
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

  it('will not start when the storage account cannot be reached', async () => {
    const unreachable = azurite.connectionString.replace(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/, 'BlobEndpoint=http://127.0.0.1:9');
    await expect(openBlobState({ connectionString: unreachable, container: 'nowhere' })).rejects.toBeInstanceOf(StoreUnavailableError);
  }, 60_000);
});
