import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readRepoText, substitutePlaceholders } from './project-files';

/** Realistic values for what Teams Toolkit substitutes when it renders the manifest. */
const SAMPLE_VALUES = {
  TEAMS_APP_ID: '6f1d2c3b-8a4e-4f6b-9c2d-1e3f5a7b9c0d',
  BOT_ID: '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
  AAD_APP_CLIENT_ID: 'c4a8e2f6-1b3d-4a5c-9e7f-2d4b6a8c0e1f',
  TAB_ENDPOINT: 'https://partner-pathway.example.nhs.uk',
  TAB_DOMAIN: 'partner-pathway.example.nhs.uk',
  APP_NAME_SUFFIX: '-dev',
};

type Manifest = Record<string, unknown> & { manifestVersion: string };

function renderedManifest(): Manifest {
  return JSON.parse(substitutePlaceholders(readRepoText('appPackage/manifest.json'), SAMPLE_VALUES)) as Manifest;
}

const compiledSchemas = new Map<string, ValidateFunction>();

/** Compiles Microsoft's schema for `manifestVersion`, as shipped in @microsoft/app-manifest. */
function compileTeamsSchema(manifestVersion: string): ValidateFunction {
  const cached = compiledSchemas.get(manifestVersion);
  if (cached) return cached;
  const schemaPath = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  // Some published schemas use `\a` in a regex, which JavaScript's unicode mode rejects;
  // @microsoft/app-manifest swaps it for `\x07` before compiling, and so do we.
  const schemaText = readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\x07');
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(schemaText) as object);
  compiledSchemas.set(manifestVersion, validate);
  return validate;
}

/** One readable line per schema error, so a failing test says what to fix. */
function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '(manifest)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
}

function schemaErrors(manifest: Manifest): string[] {
  const validate = compileTeamsSchema(manifest.manifestVersion);
  return validate(manifest) ? [] : describeErrors(validate.errors);
}

describe('the Teams app manifest against Microsoft schema', () => {
  it('names the schema that matches its manifestVersion', () => {
    const manifest = renderedManifest();
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('is valid once its placeholders are filled in', () => {
    expect(schemaErrors(renderedManifest())).toEqual([]);
  });

  it('has a semantic version, which the schema does not check', () => {
    expect(renderedManifest().version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  describe('the validator is live: it rejects', () => {
    it('a bot id that is not a GUID', () => {
      const manifest = renderedManifest();
      (manifest.bots as Array<Record<string, unknown>>)[0].botId = 'partner-pathway-bot';
      expect(schemaErrors(manifest)).toEqual([expect.stringMatching(/^\/bots\/0\/botId must match pattern/)]);
    });

    it('a property the schema does not know', () => {
      const manifest = { ...renderedManifest(), colour: '#005EB8' };
      expect(schemaErrors(manifest)).toEqual([expect.stringContaining('must NOT have additional properties')]);
    });

    it('a short name longer than Teams allows', () => {
      const manifest = renderedManifest();
      manifest.name = { ...(manifest.name as object), short: 'Partner Pathway for Patient and Public Partners' };
      expect(schemaErrors(manifest)).toEqual([expect.stringMatching(/^\/name\/short must NOT have more than 30/)]);
    });

    it('a manifest with an unfilled placeholder', () => {
      const manifest = JSON.parse(readRepoText('appPackage/manifest.json')) as Manifest;
      expect(schemaErrors(manifest)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/id must match pattern/)]));
    });
  });

  it('cannot be rendered while a placeholder has no sample value', () => {
    const { BOT_ID: _omitted, ...withoutBotId } = SAMPLE_VALUES;
    expect(() => substitutePlaceholders(readRepoText('appPackage/manifest.json'), withoutBotId)).toThrow(/BOT_ID/);
  });
});
