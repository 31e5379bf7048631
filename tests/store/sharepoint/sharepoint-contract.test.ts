import { describeStoreContract } from '../store-contract';
import { aProvisionedStandIn, aStoreOn } from './support';
import type { SharePointStandIn } from './stand-in/stand-in-server';

const standIns: SharePointStandIn[] = [];

afterAll(async () => {
  await Promise.all(standIns.map((standIn) => standIn.stop()));
});

describeStoreContract('SharePoint (local stand-in over HTTP)', async () => {
  const standIn = await aProvisionedStandIn();
  standIns.push(standIn);
  // Small pages, so that reads in the contract also cross page boundaries.
  return aStoreOn(standIn, { pageSize: 3 });
});
