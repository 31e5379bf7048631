import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

/** Runs the project's dependency rules over a small tree of files; returns the exit code and report. */
function cruise(files: Record<string, string>): { status: number | null; report: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-deps-'));
  try {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const result = spawnSync(DEPCRUISE, ['src', '--config', CONFIG], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, report: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the dependency rules npm test enforces', () => {
  it('fail when the domain imports anything else of ours', () => {
    const { status, report } = cruise({
      'src/domain/rules.ts': "import { port } from '../config/index';\nexport const rules = port;\n",
      'src/config/index.ts': 'export const port = 3978;\n',
    });
    expect(status).not.toBe(0);
    expect(report).toContain('domain-imports-nothing-of-ours');
  });

  it('fail when the tab imports the bot', () => {
    const { status, report } = cruise({
      'src/tab/app.ts': "import { card } from '../bot/card';\nexport const app = card;\n",
      'src/bot/card.ts': "export const card = 'help';\n",
    });
    expect(status).not.toBe(0);
    expect(report).toContain('bot-and-tab-are-separate');
  });

  it('fail when the API contract runs code of the domain, which the tab would then load in the browser', () => {
    const { status, report } = cruise({
      'src/contract/api.ts': "import { STAGES } from '../domain/lists';\nexport const stages = STAGES;\n",
      'src/domain/lists.ts': "export const STAGES = ['Interested'];\n",
    });
    expect(status).not.toBe(0);
    expect(report).toContain('contract-runs-nothing-of-the-domain');
  });

  it('fail when the API contract imports anything of ours but the domain', () => {
    const { status, report } = cruise({
      'src/contract/api.ts': "import type { Limit } from '../server/limits';\nexport type Body = Limit;\n",
      'src/server/limits.ts': 'export type Limit = number;\n',
    });
    expect(status).not.toBe(0);
    expect(report).toContain('contract-is-types-of-the-domain');
  });

  it("pass for a tab that takes the domain's types through the API contract", () => {
    const { status, report } = cruise({
      'src/tab/client.ts': "import { pathOf, type Stage } from '../contract/api';\nexport const path = (stage: Stage) => pathOf(stage);\n",
      'src/contract/api.ts':
        "import type { Stage } from '../domain/lists';\nexport type { Stage };\nexport const pathOf = (stage: Stage) => `/api/${stage}`;\n",
      'src/domain/lists.ts': "export type Stage = 'Interested';\n",
    });
    expect(report).not.toContain('error');
    expect(status).toBe(0);
  });

  it('fail when anything but the composition root picks a store adapter', () => {
    const { status, report } = cruise({
      'src/bot/handler.ts': "import { open } from '../store/sqlite/index';\nexport const handler = open;\n",
      'src/store/sqlite/index.ts': 'export const open = 1;\n',
    });
    expect(status).not.toBe(0);
    expect(report).toContain('adapters-chosen-in-the-composition-root');
  });

  it('pass for a tree that points inwards', () => {
    const { status, report } = cruise({
      'src/domain/rules.ts': 'export const rules = 1;\n',
      'src/entry/server.ts':
        "import { rules } from '../domain/rules';\nimport { open } from '../store/sqlite/index';\nexport const main = rules + open;\n",
      'src/store/sqlite/index.ts': "import { rules } from '../../domain/rules';\nexport const open = rules;\n",
    });
    expect(report).not.toContain('error');
    expect(status).toBe(0);
  });

  it('fail when anything outside src/bot/bot-framework imports a Bot Framework package, installed or not', () => {
    const { status, report } = cruise({
      'src/store/blob/blob-state.ts': "import { BlobsStorage } from 'botbuilder-azure-blobs';\nexport const state = BlobsStorage;\n",
      'src/bot/pathway/engine.ts': "import { TurnContext } from 'botbuilder';\nexport const engine = TurnContext;\n",
      'src/domain/rules.ts':
        "import { AuthenticationConstants } from 'botframework-connector';\nexport const rules = AuthenticationConstants;\n",
      'node_modules/botframework-connector/package.json': JSON.stringify({ name: 'botframework-connector', main: 'index.js' }),
      'node_modules/botframework-connector/index.js': 'exports.AuthenticationConstants = {};\n',
    });
    expect(status).not.toBe(0);
    for (const file of ['src/store/blob/blob-state.ts', 'src/bot/pathway/engine.ts', 'src/domain/rules.ts']) {
      expect(report).toMatch(new RegExp(`only-the-bot-framework-edge-imports-botbuilder: ${file}`));
    }
  });

  it('pass when only src/bot/bot-framework imports Bot Framework packages', () => {
    const { status, report } = cruise({
      'src/bot/bot-framework/adapter.ts':
        "import { CloudAdapter } from 'botbuilder';\nimport { AuthenticationConstants } from 'botframework-connector';\nexport const adapter = [CloudAdapter, AuthenticationConstants];\n",
    });
    expect(report).not.toContain('error');
    expect(status).toBe(0);
  });

  it('fail when the bot imports the server', () => {
    const { status, report } = cruise({
      'src/bot/create-bot.ts': "import { logger } from '../server/logger';\nexport const bot = logger;\n",
      'src/server/logger.ts': 'export const logger = console;\n',
    });
    expect(status).not.toBe(0);
    expect(report).toContain('bot-never-imports-server');
  });

  it('fail when a store adapter imports the configuration', () => {
    const { status, report } = cruise({
      'src/store/sharepoint/open.ts':
        "import type { SharePointSettings } from '../../config/sharepoint';\nexport type Settings = SharePointSettings;\n",
      'src/config/sharepoint.ts': 'export interface SharePointSettings { readonly siteUrl: string }\n',
    });
    expect(status).not.toBe(0);
    expect(report).toContain('store-never-imports-config');
  });
});
