// Reads the built package (sharepoint/solution/partner-pathway.sppkg) as SharePoint's app catalog will:
// run after `npm run build`, which packages it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';

const here = (path) => new URL(path, import.meta.url);
const zip = await JSZip.loadAsync(readFileSync(here('../sharepoint/solution/partner-pathway.sppkg')));
const source = JSON.parse(readFileSync(here('../src/webparts/partner-pathway/partner-pathway-web-part.manifest.json'), 'utf8'));
const entraApp = JSON.parse(readFileSync(here('../../aad.manifest.json'), 'utf8'));

/** The web part's budget: its own bundle, React and the SharePoint libraries coming from the page. */
const BUNDLE_BUDGET_GZIPPED = 120 * 1024;

const text = (name) => zip.file(name).async('string');
const unescapeXml = (value) =>
  value.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function componentManifest() {
  const [name] = zip.file(/WebPart_[0-9a-f-]+\.xml$/).map((file) => file.name);
  const xml = await text(name);
  return JSON.parse(unescapeXml(/ComponentManifest="([^"]*)"/.exec(xml)[1]));
}

test('the package holds the web part under its manifest id, for SharePoint pages, full pages and Teams tabs', async () => {
  const manifest = await componentManifest();
  assert.equal(manifest.id, source.id);
  assert.equal(manifest.componentType, 'WebPart');
  assert.deepEqual(manifest.supportedHosts, ['SharePointWebPart', 'SharePointFullPage', 'TeamsTab']);
  assert.equal(manifest.preconfiguredEntries[0].title.default, 'Partner Pathway');
});

test("it asks the administrator to approve the tab app's access_as_user scope, named as Teams Toolkit names the app", async () => {
  const appManifest = await text('AppManifest.xml');
  const requests = [...appManifest.matchAll(/<WebApiPermissionRequest ResourceId="([^"]*)" Scope="([^"]*)"/g)].map(([, resource, scope]) => ({
    resource: unescapeXml(resource),
    scope,
  }));
  const scope = entraApp.oauth2Permissions.map((permission) => permission.value);
  assert.deepEqual(requests, [{ resource: entraApp.name.replace('${{APP_NAME_SUFFIX}}', ''), scope: scope[0] }]);
});

test('React 17 and the SharePoint libraries come from the page, not the bundle', async () => {
  const resources = (await componentManifest()).loaderConfig.scriptResources;
  for (const name of ['react', 'react-dom', '@microsoft/sp-core-library', '@microsoft/sp-webpart-base', '@microsoft/sp-http']) {
    assert.equal(resources[name]?.type, 'component', `${name} is external`);
  }
  assert.equal(resources.react.version, '17.0.1');
});

test(`the web part's own bundle is within ${BUNDLE_BUDGET_GZIPPED / 1024} KB gzipped`, async () => {
  const bundles = zip.file(/^ClientSideAssets\/.*\.js$/);
  assert.equal(bundles.length, 1);
  const gzipped = gzipSync(await bundles[0].async('nodebuffer')).length;
  console.log(`web part bundle: ${(gzipped / 1024).toFixed(1)} KB gzipped (${bundles[0].name})`);
  assert.ok(gzipped <= BUNDLE_BUDGET_GZIPPED, `${gzipped} bytes gzipped is over ${BUNDLE_BUDGET_GZIPPED}`);
});
