import { ConfigError, loadConfig } from '../src/config';
import { seedDemo } from '../src/demo/seed';
import { systemClock } from '../src/domain';
import { main } from '../src/entry/server';
import { provision, SharePointStore } from '../src/store/sharepoint';
import { connectionFrom } from '../src/store/sharepoint/open';
import { SharePointStandIn } from '../tests/store/sharepoint/stand-in/stand-in-server';

/**
 * `npm run start:sharepoint-local`: SharePoint mode on a laptop. Starts the test
 * suite's SharePoint stand-in on 127.0.0.1 (in memory: gone when this stops),
 * provisions it as `npm run provision` would a real site, fills it with the demo
 * organisation, then runs the app on it with the local development identity
 * (SHAREPOINT_AUTH=none, allowed only for a site at http://localhost). Demo data goes
 * into this stand-in only: the server itself never seeds a SharePoint site.
 */
async function start(): Promise<void> {
  const standIn = await SharePointStandIn.start();
  process.env.STORE = 'sharepoint';
  process.env.SHAREPOINT_SITE_URL = standIn.siteUrl;
  process.env.SHAREPOINT_AUTH = 'none';
  process.env.ORGANISATION_NAME ??= 'Local SharePoint stand-in';
  const config = loadConfig();
  if (config.store.kind !== 'sharepoint') throw new Error('The stand-in was not taken as a SharePoint site.');
  console.log(`SharePoint stand-in at ${config.store.siteUrl}`);
  const connection = connectionFrom(config.store);
  await provision(connection, (line) => console.log(line));
  const store = new SharePointStore(connection);
  const seeded = await seedDemo({ store, clock: systemClock, settings: config.pathway }).finally(() => store.close());
  await main({ demo: { state: 'seeded', ...seeded } });
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('SharePoint mode on the local stand-in could not start:', error);
  process.exit(1);
});
