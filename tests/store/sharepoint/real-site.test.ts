import { readSharePointSettings } from '../../../src/config/sharepoint';
import { connectionFrom, provision, SharePointStore } from '../../../src/store/sharepoint';
import { describeStoreContract } from '../store-contract';

/**
 * The store contract against a real SharePoint Online site, opted into by
 * setting SHAREPOINT_SITE_URL (https) and the other SharePoint settings in the
 * environment. The site is provisioned first; tests make their own items, so a
 * site with data is fine. Items are left behind: use a test site.
 */
const site = process.env.SHAREPOINT_SITE_URL?.startsWith('https://') ? readSharePointSettings(process.env) : undefined;

if (site?.settings) {
  const connection = connectionFrom(site.settings);
  describeStoreContract(`SharePoint site ${site.settings.siteUrl}`, async () => {
    await provision(connection);
    return new SharePointStore(connection);
  });
} else if (site) {
  throw new Error(`SHAREPOINT_SITE_URL is set but the other SharePoint settings are not usable:\n${site.problems.join('\n')}`);
} else {
  describe('SharePoint store contract on a real site', () => {
    it.skip('is not run: set SHAREPOINT_SITE_URL (https) and the other SharePoint settings to run it', () => undefined);
  });
}
