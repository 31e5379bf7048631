import { RecycleBin } from '@pnp/sp/recycle-bin/index.js';
import { ConfigError, loadConfig, type SharePointSettings } from '../../../src/config';
import type { RecordOf } from '../../../src/domain/schema/lists';
import { connectionFrom, provision, SharePointStore, type SharePointConnection } from '../../../src/store/sharepoint';
import { createSp } from '../../../src/store/sharepoint/sp-client';
import { aContext, aPartner, creating, updating } from '../builders';
import { describeStoreContract } from '../store-contract';

/**
 * Provisioning twice and the store contract against a real SharePoint Online
 * site, opted into by setting SHAREPOINT_SITE_URL (https) and the other
 * SharePoint settings in the environment. The site is provisioned first; tests
 * make their own items, so a site with data is fine. Items are left behind: use
 * a test site.
 */
const site = siteSettings();

/** The site's settings, read as the server reads them; none when SHAREPOINT_SITE_URL is not an https address. */
function siteSettings(): SharePointSettings | undefined {
  if (!process.env.SHAREPOINT_SITE_URL?.startsWith('https://')) return undefined;
  try {
    const { store } = loadConfig({ ...process.env, STORE: 'sharepoint' });
    return store.kind === 'sharepoint' ? store : undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new Error(`SHAREPOINT_SITE_URL is set but the other SharePoint settings are not usable:\n${error.problems.join('\n')}`, {
      cause: error,
    });
  }
}

/** `SP.RecycleBinItemType.ListItemVersion`. */
const LIST_ITEM_VERSION = 8;

interface BinEntry {
  DirName: string;
  LeafName: string;
  ItemType: number;
  DeletedDate: string;
}

/**
 * What only a real site can show: that SharePoint's own version history and
 * recycle bins are emptied for an erased item, including any version that
 * SharePoint recycles (whatever it names it) rather than deleting.
 */
function describeErasureOn(connection: SharePointConnection): void {
  describe(`erasure on SharePoint site ${connection.siteUrl}`, () => {
    it('leaves an erased partner no earlier version, and no copy of it or its versions in either recycle bin', async () => {
      await provision(connection);
      const store = new SharePointStore(connection);
      const sp = createSp(connection);
      const partners = sp.web.lists.getByTitle('PPP Partners');
      const started = Date.now();
      try {
        let [partner] = (await store.commit([creating('partners', aPartner())], aContext())) as [RecordOf<'partners'>];
        [partner] = (await store.commit([updating('partners', partner, { phone: null, email: null })], aContext())) as [
          RecordOf<'partners'>,
        ];
        const versions = () => partners.items.getById(partner.id).versions.select('VersionId')();
        expect(await versions()).toHaveLength(2);
        await store.purgeHistory([{ list: 'partners', id: partner.id }]);
        expect(await versions()).toHaveLength(1);
        const folder = (
          (await partners.select('RootFolder/ServerRelativeUrl').expand('RootFolder')()) as { RootFolder: { ServerRelativeUrl: string } }
        ).RootFolder.ServerRelativeUrl;
        const bins = [sp.web.recycleBin, RecycleBin([sp.web, `${connection.siteUrl.replace(/\/+$/, '')}/_api/site`])];
        for (const bin of bins) {
          const entries = (await bin.select('DirName', 'LeafName', 'ItemType', 'DeletedDate')()) as BinEntry[];
          const left = entries.filter(
            (entry) =>
              `/${entry.DirName}`.toLowerCase() === folder.toLowerCase() &&
              (entry.LeafName === `${partner.id}_.000` ||
                (entry.ItemType === LIST_ITEM_VERSION && Date.parse(entry.DeletedDate) >= started - 60_000)),
          );
          expect(left).toEqual([]);
        }
      } finally {
        await store.close();
      }
    });
  });
}

if (site) {
  // Over the internet, provisioning a fresh site takes minutes, and the contract's hooks provision too.
  jest.setTimeout(600_000);
  const connection = connectionFrom(site);
  describe(`provisioning SharePoint site ${site.siteUrl}`, () => {
    it('changes nothing when run a second time: columns and views read back as they were written', async () => {
      await provision(connection);
      const second = await provision(connection);
      expect(second.steps.filter((step) => step.outcome !== 'left alone')).toEqual([]);
    });
  });
  describeStoreContract(`SharePoint site ${site.siteUrl}`, async () => {
    await provision(connection);
    return new SharePointStore(connection);
  });
  describeErasureOn(connection);
} else {
  const notice =
    'SharePoint store contract on a real site: skipped; set SHAREPOINT_SITE_URL (https) and the other SharePoint settings to run it (README, "Verifying on a real site").';
  // Written straight to the output, so that the notice shows in a full run, where jest only counts skipped tests.
  process.stdout.write(`${notice}\n`);
  describe('SharePoint store contract on a real site', () => {
    it.skip(notice, () => undefined);
  });
}
