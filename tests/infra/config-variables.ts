/**
 * The environment variables the server reads, found in the source of `src/config`
 * (the only reader of `process.env`): the keys of each `z.object({...})` schema, every
 * `env.NAME` read directly, and the SharePoint variables, which that module exports.
 * The schemas are not exported, so their source text is read.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHAREPOINT_VARIABLES } from '../../src/config/sharepoint';
import { REPO_ROOT, readRepoText } from '../app-package/project-files';

const NAME = '[A-Z][A-Z0-9_]*';

/** Variable names one config source file reads: schema keys and direct `env.NAME` reads. */
export function variablesReadBy(source: string): string[] {
  const names = new Set<string>();
  for (const schema of source.matchAll(/z\.object\(\{\n([\s\S]*?)\n\}\)/g)) {
    for (const key of schema[1].matchAll(new RegExp(`^  (${NAME}):`, 'gm'))) names.add(key[1]);
  }
  for (const read of source.matchAll(new RegExp(`\\benv\\.(${NAME})\\b`, 'g'))) names.add(read[1]);
  return [...names];
}

/** Every variable `src/config` reads, sorted. */
export function configVariables(): string[] {
  const files = readdirSync(join(REPO_ROOT, 'src', 'config')).filter((file) => file.endsWith('.ts'));
  const names = new Set<string>(SHAREPOINT_VARIABLES);
  for (const file of files) for (const name of variablesReadBy(readRepoText(`src/config/${file}`))) names.add(name);
  return [...names].sort();
}
