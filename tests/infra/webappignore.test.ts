import ignore from 'ignore';
import { readRepoText } from '../app-package/project-files';

/** What `teamsapp deploy` would upload from the project folder, by .webappignore (gitignore rules). */
const uploads = (path: string): boolean => !ignore().add(readRepoText('.webappignore')).ignores(path);

describe('.webappignore, which chooses what is uploaded to App Service', () => {
  it.each(['dist/entry/server.js', 'dist/tab/index.html', 'node_modules/botbuilder/package.json', 'content/guidance/informal-chat.md', 'package.json'])(
    'uploads %s',
    (path) => {
      expect(uploads(path)).toBe(true);
    },
  );

  it.each([
    'src/entry/server.ts',
    'tests/infra/azure-bicep.test.ts',
    'data/partner-pathway.db',
    'env/.env.dev.user',
    '.localConfigs',
    'appPackage/manifest.json',
    'infra/azure.bicep',
    'dist/bench/bench/run.js',
    'node_modules/.bin/tsc',
    'README.md',
  ])('leaves out %s', (path) => {
    expect(uploads(path)).toBe(false);
  });
});
