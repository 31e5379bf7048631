import { ContainerClient } from '@azure/storage-blob';
import { openBlobLease } from '../../../src/store/blob/blob-lease';
import { openBlobState } from '../../../src/store/blob/blob-state';
import { startAzurite, type Azurite } from './azurite';

let azurite: Azurite;
let leases = 0;

beforeAll(async () => {
  azurite = await startAzurite();
  await openBlobState({ connectionString: azurite.connectionString, container: 'leases' });
});
afterAll(() => azurite.stop());

function twoInstances() {
  leases += 1;
  const settings = { connectionString: azurite.connectionString, container: 'leases', name: `leases/job-${leases}`, durationSeconds: 15 };
  return Promise.all([openBlobLease(settings), openBlobLease(settings)]);
}

describe('A blob lease for scheduled work', () => {
  it('runs the work on one instance at a time: the other skips while it is held, and runs once it is given back', async () => {
    const [one, other] = await twoInstances();
    let skipped: unknown;
    const first = await one.runIfFree(async () => {
      skipped = await other.runIfFree(async () => 'other');
      return 'one';
    });
    expect(first).toEqual({ ran: true, result: 'one', leaseLost: false });
    expect(skipped).toEqual({ ran: false });
    expect(await other.runIfFree(async () => 'other')).toEqual({ ran: true, result: 'other', leaseLost: false });
  });

  it('lets exactly one of several instances asking at once run', async () => {
    const [one, other] = await twoInstances();
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('ran'), 100));
    const outcomes = await Promise.all([one.runIfFree(slow), other.runIfFree(slow), one.runIfFree(slow), other.runIfFree(slow)]);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
  });

  it('gives the lease back when the work fails, and passes the failure on', async () => {
    const [one, other] = await twoInstances();
    await expect(one.runIfFree(async () => Promise.reject(new Error('send failed')))).rejects.toThrow('send failed');
    expect(await other.runIfFree(async () => 'next')).toMatchObject({ ran: true });
  });

  it('reports the lease lost when it was broken during the work and another instance took it', async () => {
    const [one, other] = await twoInstances();
    const blob = new ContainerClient(azurite.connectionString, 'leases').getBlobClient(`leases/job-${leases}`);
    let taken: unknown;
    const outcome = await one.runIfFree(async () => {
      await blob.getBlobLeaseClient().breakLease(0);
      taken = await other.runIfFree(async () => 'taken over');
    });
    expect(taken).toEqual({ ran: true, result: 'taken over', leaseLost: false });
    expect(outcome).toMatchObject({ ran: true, leaseLost: true });
  });
});
