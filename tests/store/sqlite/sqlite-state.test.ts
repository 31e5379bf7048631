import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteState } from '../../../src/store/sqlite/sqlite-state';
import { keyValueStateContract } from '../key-value-state-contract';

keyValueStateContract('SQLite bot state', async () => openSqliteState({ path: ':memory:' }));

describe('SQLite bot state', () => {
  it('keeps state in a file across a restart, beside the lists in the same database', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-state-'));
    const file = path.join(folder, 'nested', 'pathway.db');
    const first = openSqliteState({ path: file });
    await first.write('conversation:a', { awaiting: 'ask' });
    await first.close();
    const second = openSqliteState({ path: file });
    expect((await second.read('conversation:a'))?.value).toEqual({ awaiting: 'ask' });
    await second.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
