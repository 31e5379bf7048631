import { describeReviewDatesFilled } from '../review-dates-contract';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn, aStoreOn } from './support';

const standIns: SharePointStandIn[] = [];

afterAll(async () => {
  await Promise.all(standIns.map((standIn) => standIn.stop()));
});

describeReviewDatesFilled('SharePoint (local stand-in over HTTP)', async () => {
  const standIn = await aProvisionedStandIn();
  standIns.push(standIn);
  return aStoreOn(standIn);
});
