import { describeClaimRecords } from '../claim-records-contract';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn, aStoreOn } from './support';

const standIns: SharePointStandIn[] = [];

afterAll(async () => {
  await Promise.all(standIns.map((standIn) => standIn.stop()));
});

describeClaimRecords('SharePoint (local stand-in over HTTP)', async () => {
  const standIn = await aProvisionedStandIn();
  standIns.push(standIn);
  const folder = standIn.list('PPP Claims').ServerRelativeUrl.slice(1);
  return {
    store: aStoreOn(standIn),
    // The deleted claim, or a version of it, in either stage of the site's recycle bin.
    copiesOfDeleted: (_list, id) =>
      standIn.site.recycleBin.filter((entry) => entry.DirName === folder && entry.LeafName === `${id}_.000`).length,
  };
});
