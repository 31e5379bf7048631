import { readSharePointSettings } from '../../../src/config/sharepoint';
import { connectionFrom, provision, SharePointStore } from '../../../src/store/sharepoint';
import { describeStoreContract } from '../store-contract';

/**
 * Provisioning twice and the store contract against a real SharePoint Online
 * site, opted into by setting SHAREPOINT_SITE_URL (https) and the other
 * SharePoint settings in the environment. The site is provisioned first; tests
 * make their own items, so a site with data is fine. Items are left behind: use
 * a test site.
 */
const site = process.env.SHAREPOINT_SITE_URL?.startsWith('https://') ? readSharePointSettings(process.env) : undefined;

if (site?.settings) {
  // Over the internet, provisioning a fresh site takes minutes, and the contract's hooks provision too.
  jest.setTimeout(600_000);
  const connection = connectionFrom(site.settings);
  describe(`provisioning SharePoint site ${site.settings.siteUrl}`, () => {
    it('changes nothing when run a second time: columns and views read back as they were written', async () => {
      await provision(connection);
      const second = await provision(connection);
      expect(second.steps.filter((step) => step.outcome !== 'left alone')).toEqual([]);
    });
  });
  describeStoreContract(`SharePoint site ${site.settings.siteUrl}`, async () => {
    await provision(connection);
    return new SharePointStore(connection);
  });
} else if (site) {
  throw new Error(`SHAREPOINT_SITE_URL is set but the other SharePoint settings are not usable:\n${site.problems.join('\n')}`);
} else {
  const notice = 'SharePoint store contract on a real site: skipped; set SHAREPOINT_SITE_URL (https) and the other SharePoint settings to run it (README, "Verifying on a real site").';
  // Written straight to the output, so that the notice shows in a full run, where jest only counts skipped tests.
  process.stdout.write(`${notice}\n`);
  describe('SharePoint store contract on a real site', () => {
    it.skip(notice, () => undefined);
  });
}
