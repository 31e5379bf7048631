import { ConfigError, loadConfig } from '../config';
import { connectionFrom } from '../store/sharepoint/open';
import { provision } from '../store/sharepoint/provision';

/**
 * `npm run provision`: makes the SharePoint site in the environment's settings
 * (STORE=sharepoint and the SHAREPOINT_* variables) match the schema, printing
 * each step. Safe to run again, and on a site that has data. Without
 * STORE=sharepoint it says there is nothing to do and succeeds, so the Teams
 * Toolkit step that runs it suits the embedded store too.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.store.kind !== 'sharepoint') {
    console.log('SharePoint lists: nothing to provision, STORE is not sharepoint (the embedded store needs no provisioning).');
    return;
  }
  console.log(`Provisioning ${config.store.siteUrl}`);
  await provision(connectionFrom(config.store), (line) => console.log(line));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Provisioning stopped:', error instanceof Error ? error.message : error);
  process.exit(1);
});
