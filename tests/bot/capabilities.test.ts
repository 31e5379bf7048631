import fs from 'node:fs';
import path from 'node:path';
import { CAPABILITIES } from '../../src/bot/capabilities';
import { CHOOSE_WORKSTREAM_VERB } from '../../src/bot/pathway/workstream-choice';

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const handled = new Set([CHOOSE_WORKSTREAM_VERB, ...CAPABILITIES.flatMap((capability) => Object.keys(capability.actions ?? {}))]);

describe('The capability registry', () => {
  it('answers every verb a card template or handler puts on a button', () => {
    const verbs = filesUnder('src/bot').flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const json = [...text.matchAll(/"verb":\s*"([^"$]+)"/g)].map((match) => match[1]);
      const code = file.endsWith('.ts') ? [...text.matchAll(/verb: '([^']+)'/g)].map((match) => match[1]) : [];
      return [...json, ...code];
    });
    expect(verbs.length).toBeGreaterThan(30);
    expect(verbs.filter((verb) => !handled.has(verb))).toEqual([]);
  });

  it('gives each verb to one capability only, and each capability a distinct name', () => {
    const verbs = CAPABILITIES.flatMap((capability) => Object.keys(capability.actions ?? {}));
    expect(new Set(verbs).size).toBe(verbs.length);
    const names = CAPABILITIES.map((capability) => capability.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the pathway handlers free of Bot Framework types: only the Bot Framework edge imports botbuilder', () => {
    const importers = filesUnder('src/bot')
      .filter((file) => file.endsWith('.ts') && /from 'botbuilder/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative('src/bot', file).split(path.sep).join('/'))
      .sort();
    expect(importers).toEqual([
      'bot-framework/adapter.ts',
      'bot-framework/pathway-bot.ts',
      'bot-framework/teams-messenger.ts',
      'bot-framework/teams-turn.ts',
    ]);
  });
});
