import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError, StoreUnavailableError } from '../../../src/domain';
import { openSqliteState } from '../../../src/store/sqlite/sqlite-state';

describe('SQLite bot state', () => {
  it('reads back what was written, with a new entity tag on every write', async () => {
    const state = openSqliteState({ path: ':memory:' });
    const first = await state.write('conversation:a', { workstreamId: 3 });
    const second = await state.write('conversation:a', { workstreamId: 4 });
    expect(first).not.toBe(second);
    expect(await state.read('conversation:a')).toEqual({ value: { workstreamId: 4 }, etag: second });
    await state.close();
  });

  it('refuses a write naming an old entity tag, and keeps the newer value', async () => {
    const state = openSqliteState({ path: ':memory:' });
    const old = await state.write('k', 1);
    await state.write('k', 2, { condition: { ifMatch: old } });
    await expect(state.write('k', 3, { condition: { ifMatch: old } })).rejects.toBeInstanceOf(ConflictError);
    expect((await state.read('k'))?.value).toBe(2);
    await state.close();
  });

  it('lets only the first writer claim a key with ifAbsent', async () => {
    const state = openSqliteState({ path: ':memory:' });
    await state.write('sent:x', true, { condition: { ifAbsent: true } });
    await expect(state.write('sent:x', true, { condition: { ifAbsent: true } })).rejects.toBeInstanceOf(ConflictError);
    await state.close();
  });

  it('forgets an entry once its time to live has passed, and lets it be claimed again', async () => {
    const state = openSqliteState({ path: ':memory:' });
    await state.write('seen:1', true, { ttlMs: 1, condition: { ifAbsent: true } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await state.read('seen:1')).toBeUndefined();
    await expect(state.write('seen:1', true, { condition: { ifAbsent: true } })).resolves.toBeDefined();
    await state.close();
  });

  it('deletes an entry, after which it can be claimed again', async () => {
    const state = openSqliteState({ path: ':memory:' });
    await state.write('sent:a', true, { condition: { ifAbsent: true } });
    await state.delete('sent:a');
    expect(await state.read('sent:a')).toBeUndefined();
    await expect(state.write('sent:a', true, { condition: { ifAbsent: true } })).resolves.toBeDefined();
    await state.close();
  });

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

  it('says the store is unavailable once closed', async () => {
    const state = openSqliteState({ path: ':memory:' });
    await state.close();
    await expect(state.read('k')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
