import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logging/logger';
import { startServer } from '../../../src/entry/server';
import { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn } from './support';

const ROOT = path.join(__dirname, '..', '..', '..');
let standIn: SharePointStandIn;
let dataDir: string;
const compiledDirs: string[] = [];

beforeAll(async () => {
  standIn = await aProvisionedStandIn();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-pathway-sp-'));
});

afterAll(async () => {
  await standIn.stop();
  for (const dir of [dataDir, ...compiledDirs]) fs.rmSync(dir, { recursive: true, force: true });
});

/** The settings of a server on the stand-in, with no sign-in to it. */
function configOnTheStandIn() {
  return loadConfig({
    STORE: 'sharepoint',
    SHAREPOINT_SITE_URL: standIn.siteUrl,
    SHAREPOINT_AUTH: 'none',
    ORGANISATION_NAME: 'West Yorkshire ICB',
    DATABASE_PATH: path.join(dataDir, 'pp.db'),
  });
}

describe('the server on the SharePoint store', () => {
  it('opens the SharePoint store when STORE=sharepoint and reports its health', async () => {
    const config = configOnTheStandIn();
    const server = await startServer({ ...config, port: 0 }, { logger: silentLogger });
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { store: { kind: string; ok: boolean } };
      expect(health.store).toMatchObject({ kind: 'sharepoint', ok: true });
      expect(server.store.kind).toBe('sharepoint');
      expect(standIn.requests.at(-1)?.headers['user-agent']).toMatch(/^NONISV\|West Yorkshire ICB\|PartnerPathway\/\d+\.\d+\.\d+/);
    } finally {
      await server.close();
    }
  });

  it('lets a person click through the app on a local stand-in as the local development identity, on 127.0.0.1 only', async () => {
    const config = configOnTheStandIn();
    expect(config.identity).toBe('local-development');
    const server = await startServer({ ...config, port: 0 }, { logger: silentLogger });
    try {
      const me = (await (await fetch(`${server.url}/api/me`)).json()) as { identity: string; engagementTeam: boolean };
      expect(me).toMatchObject({ identity: 'local-development', engagementTeam: true });
      expect(server.banner).toContain('127.0.0.1');
    } finally {
      await server.close();
    }
  });
});

describe('the adapter compiled to CommonJS, as `npm run build:server` makes it', () => {
  let compiled: string;
  const cli = () => path.join(compiled, 'entry', 'provision.js');

  beforeAll(() => {
    // Inside the project, so that the compiled files find its node_modules.
    fs.mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
    const outDir = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'partner-pathway-compiled-'));
    compiledDirs.push(outDir);
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, 'tsconfig.build.json'),
      { outDir, sourceMap: false },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    if (!parsed) throw new Error('tsconfig.build.json could not be read');
    const entries = ['store/sharepoint/index.ts', 'entry/provision.ts'].map((file) => path.join(ROOT, 'src', file));
    const emitted = ts.createProgram(entries, parsed.options).emit();
    if (emitted.diagnostics.length > 0) throw new Error(ts.formatDiagnostics(emitted.diagnostics, ts.createCompilerHost(parsed.options)));
    compiled = outDir;
  });

  it('loads in plain Node, ESM-only PnPjs included, and reads the site', async () => {
    const script = `
      const { SharePointStore } = require(${JSON.stringify(path.join(compiled, 'store', 'sharepoint', 'index.js'))});
      const store = new SharePointStore({ siteUrl: process.argv[1], auth: { kind: 'none' }, userAgent: 'NONISV|Test|PartnerPathway/0.0.0' });
      store.find({ list: 'workstreams', top: 1 }).then((found) => console.log('read ' + found.length), (error) => { console.error(error); process.exit(1); });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, standIn.siteUrl], { cwd: ROOT });
    expect(stdout.trim()).toBe('read 0');
  });

  it('provisions a site from the command line, and changes nothing when run again', async () => {
    const fresh = await SharePointStandIn.start();
    try {
      const env = {
        PATH: process.env.PATH,
        STORE: 'sharepoint',
        SHAREPOINT_SITE_URL: fresh.siteUrl,
        SHAREPOINT_AUTH: 'none',
        ORGANISATION_NAME: 'West Yorkshire ICB',
      };
      const run = () => promisify(execFile)(process.execPath, [cli()], { cwd: ROOT, env });
      const first = await run();
      expect(first.stdout).toContain(`Provisioning ${fresh.siteUrl}`);
      expect(first.stdout).toContain('  created list PPP Involvements');
      const second = await run();
      expect(second.stdout).toMatch(/Done: 0 created, 0 changed, \d+ left alone\./);
    } finally {
      await fresh.stop();
    }
  });

  it('says in one line that there is nothing to provision on the embedded store, and succeeds', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli()], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STORE: '' },
    });
    expect(stdout).toBe('SharePoint lists: nothing to provision, STORE is not sharepoint (the embedded store needs no provisioning).\n');
    expect(stderr).toBe('');
  });

  it('refuses, naming every missing setting, when STORE=sharepoint is incomplete', async () => {
    const failed = await promisify(execFile)(process.execPath, [cli()], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STORE: 'sharepoint' },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('SHAREPOINT_SITE_URL is missing') });
  });
});
