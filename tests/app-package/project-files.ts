/**
 * Readers for the Teams Toolkit project files (manifest, teamsapp yaml, env files),
 * shared by the app-package tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SHAREPOINT_VARIABLES } from '../../src/config/sharepoint';
import { readBicep } from '../infra/bicep-reader';

/** Absolute path of the repository root. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Reads a repository file as UTF-8 text; `relativePath` is from the repository root. */
export function readRepoText(relativePath: string): string {
  return readFileSync(join(REPO_ROOT, relativePath), 'utf8');
}

/** The Teams app manifest as committed, placeholders and all. */
export function readManifest(): Record<string, unknown> {
  return JSON.parse(readRepoText('appPackage/manifest.json')) as Record<string, unknown>;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the Teams Toolkit `${{NAME}}` placeholders in `text`, sorted. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort();
}

/**
 * Replaces every `${{NAME}}` in `text` with `values[NAME]`, as Teams Toolkit does when
 * it renders the manifest. Throws, naming them all, if any placeholder has no value,
 * so a new placeholder cannot slip past the tests unsubstituted.
 */
export function substitutePlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const missing = placeholdersIn(text).filter((name) => !(name in values));
  if (missing.length > 0) {
    throw new Error(`No sample value for placeholder(s): ${missing.join(', ')}`);
  }
  return text.replace(PLACEHOLDER, (_match, name: string) => values[name]);
}

/**
 * Parses a dotenv-style file into name/value pairs, in file order. Comments and blank
 * lines are skipped; surrounding quotes are removed from values.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      throw new Error(`Line ${index + 1} is not NAME=value: ${rawLine}`);
    }
    entries.set(match[1], match[2].replace(/^(['"])(.*)\1$/, '$2'));
  });
  return entries;
}

/**
 * The SharePoint settings the committed env files declare (blank) and local debugging
 * passes to the server: STORE and every variable `src/config/sharepoint.ts` reads,
 * except the certificate PEM (a secret, for `.env.<environment>.user`) and
 * SHAREPOINT_AUTH (only for the tests' local stand-in of SharePoint).
 */
export const SHAREPOINT_ENV_ENTRIES: readonly string[] = [
  'STORE',
  ...SHAREPOINT_VARIABLES.filter((name) => name !== 'SHAREPOINT_AUTH' && !name.startsWith('SECRET_')),
];

/** Files in `env/`, by name, that git tracks: everything except the `.env.*.user` secrets. */
export function committedEnvFileNames(): string[] {
  return readdirSync(join(REPO_ROOT, 'env'))
    .filter((name) => name.startsWith('.env') && !name.endsWith('.user'))
    .sort();
}

/** One step of a teamsapp yaml lifecycle stage, as Teams Toolkit reads it. */
export interface ToolkitAction {
  uses?: unknown;
  name?: unknown;
  env?: unknown;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, unknown>;
}

/** A parsed teamsapp yaml file. */
export interface ToolkitProject {
  version?: unknown;
  environmentFolderPath?: unknown;
  provision?: ToolkitAction[];
  deploy?: ToolkitAction[];
  publish?: ToolkitAction[];
}

/** The lifecycle stages, in the order an administrator runs them. */
export const STAGES = ['provision', 'deploy', 'publish'] as const;

/** Parses a teamsapp yaml file from the repository root. */
export function readToolkitProject(fileName: string): ToolkitProject {
  return parseYaml(readRepoText(fileName)) as ToolkitProject;
}

/** Every action in `project` with where it sits, stage by stage in run order. */
export function actionsOf(project: ToolkitProject): Array<{ where: string; action: ToolkitAction }> {
  return STAGES.flatMap((stage) =>
    (project[stage] ?? []).map((action, index) => ({
      where: `${stage}[${index}] ${String(action.uses)}`,
      action,
    })),
  );
}

/**
 * The environment variables arm/deploy writes from a template's outputs: Teams Toolkit
 * upper-cases each output's name (and joins an object output's keys with `__`, which
 * these templates do not use). Source: `convertOutputs` in the Teams Toolkit's
 * packages/fx-core/src/component/driver/arm/util/util.ts.
 */
export function armDeployOutputVariables(templatePath: string): string[] {
  return readBicep(readRepoText(templatePath))
    .outputs.filter((output) => output.type !== 'object')
    .map((output) => output.name.toUpperCase());
}

/** The variable aadApp/update generates (a new scope id) when its Entra manifest uses it and it is empty. */
export const GENERATED_SCOPE_ID = 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID';

/**
 * Environment variables an action writes for later actions: its `writeToEnvironmentFile`
 * outputs; for `script`, each `::set-teamsfx-env NAME=value` it echoes; for arm/deploy,
 * its Bicep templates' outputs; for aadApp/update, the scope id it generates.
 */
export function variablesWrittenBy(action: ToolkitAction): string[] {
  const outputs = Object.values(action.writeToEnvironmentFile ?? {}).map(String);
  if (action.uses === 'script' && typeof action.with?.run === 'string') {
    outputs.push(...[...action.with.run.matchAll(/::set-teamsfx-env\s+([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]));
  }
  if (action.uses === 'arm/deploy' && Array.isArray(action.with?.templates)) {
    for (const template of action.with.templates as Array<{ path?: unknown }>) {
      if (typeof template.path === 'string' && template.path.endsWith('.bicep')) outputs.push(...armDeployOutputVariables(template.path));
    }
  }
  if (action.uses === 'aadApp/update' && typeof action.with?.manifestPath === 'string') {
    if (placeholdersIn(readRepoText(action.with.manifestPath)).includes(GENERATED_SCOPE_ID)) outputs.push(GENERATED_SCOPE_ID);
  }
  return outputs;
}

/** Placeholders anywhere in an action's values (not in yaml comments, which Teams Toolkit ignores). */
export function placeholdersInAction(action: ToolkitAction): string[] {
  return placeholdersIn(JSON.stringify(action));
}

/** Variables Teams Toolkit defines itself in every environment. */
export const BUILT_IN_VARIABLES: readonly string[] = ['TEAMSFX_ENV'];

/** An environment, with the yaml file Teams Toolkit runs for it. */
export interface ToolkitEnvironment {
  name: string;
  yamlFile: string;
}

/** Teams Toolkit uses teamsapp.local.yml for `local` and teamsapp.yml for every other environment. */
export const ENVIRONMENTS: readonly ToolkitEnvironment[] = [
  { name: 'local', yamlFile: 'teamsapp.local.yml' },
  { name: 'dev', yamlFile: 'teamsapp.yml' },
];

/**
 * Variables an environment declares before any action runs: built-ins, its committed
 * `env/.env.<name>` and the secrets named in `env/.env.<name>.user.sample`.
 */
export function declaredVariables(environment: string): Set<string> {
  const declared = new Set(BUILT_IN_VARIABLES);
  for (const file of [`.env.${environment}`, `.env.${environment}.user.sample`]) {
    for (const name of parseEnvFile(readRepoText(`env/${file}`)).keys()) declared.add(name);
  }
  return declared;
}

/**
 * Walks `project`'s actions in run order and lists every placeholder an action uses
 * that is neither declared nor written by an earlier action. `declared` is the set
 * of variables the environment starts with.
 */
export function unresolvedPlaceholders(project: ToolkitProject, declared: ReadonlySet<string>): string[] {
  const available = new Set(declared);
  const problems: string[] = [];
  for (const { where, action } of actionsOf(project)) {
    for (const name of placeholdersInAction(action)) {
      if (!available.has(name)) problems.push(`${where} uses \${{${name}}}, which nothing declares or writes before it`);
    }
    for (const name of variablesWrittenBy(action)) available.add(name);
  }
  return problems;
}
