import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteState } from '../../../src/store/sqlite/sqlite-state';
import { keyValueStateContract } from '../key-value-state-contract';

keyValueStateContract('SQLite bot state', async () => openSqliteState({ path: ':memory:' }));

describe('SQLite bot state', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-state-'));
    file = path.join(folder, 'nested', 'pathway.db');
  });
  afterEach(() => {
    jest.useRealTimers();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The keys stored in the file, expired or not, as another connection sees them. */
  function storedKeys(): string[] {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare(`SELECT "key" FROM "bot_state" ORDER BY "key"`).all() as Array<{ key: string }>).map((row) => row.key);
    } finally {
      db.close();
    }
  }

  it('keeps state in a file across a restart, beside the lists in the same database', async () => {
    const first = openSqliteState({ path: file });
    await first.write('conversation:a', { awaiting: 'ask' });
    await first.close();
    const second = openSqliteState({ path: file });
    expect((await second.read('conversation:a'))?.value).toEqual({ awaiting: 'ask' });
    await second.close();
  });

  it('sweeps expired entries out of the file, leaving live ones, ones kept for good and one claimed again since', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const state = openSqliteState({ path: file });
    await state.write('seen:old', true, { ttlMs: 1000, condition: { ifAbsent: true } });
    await state.write('seen:again', 'old', { ttlMs: 1000, condition: { ifAbsent: true } });
    await state.write('seen:live', true, { ttlMs: 60_000, condition: { ifAbsent: true } });
    await state.write('conversation:kept', { workstreamId: 1 });
    jest.setSystemTime(new Date('2026-03-02T10:00:02Z'));
    await state.write('seen:again', 'new', { ttlMs: 1000, condition: { ifAbsent: true } });
    expect(storedKeys()).toEqual(['conversation:kept', 'seen:again', 'seen:live', 'seen:old']);
    expect(await state.sweepExpired()).toBe(1);
    expect(storedKeys()).toEqual(['conversation:kept', 'seen:again', 'seen:live']);
    expect((await state.read('seen:again'))?.value).toBe('new');
    await state.close();
  });

  it('sweeps on its own every so often until closed, saying how many entries went', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const outcomes: unknown[] = [];
    const state = openSqliteState({ path: file }, { sweepEveryMs: 60_000, onSweep: (outcome) => outcomes.push(outcome) });
    await state.write('seen:a', true, { ttlMs: 30_000, condition: { ifAbsent: true } });
    await state.write('seen:b', true, { ttlMs: 90_000, condition: { ifAbsent: true } });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(outcomes).toEqual([{ swept: 1 }]);
    expect(storedKeys()).toEqual(['seen:b']);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(outcomes).toEqual([{ swept: 1 }, { swept: 1 }]);
    await state.close();
    await jest.advanceTimersByTimeAsync(180_000);
    expect(outcomes).toEqual([{ swept: 1 }, { swept: 1 }]);
  });

  it('finds expired entries through an index on their expiry, not by reading every entry', async () => {
    await openSqliteState({ path: file }).close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT "key" FROM "bot_state" WHERE "expires" IS NOT NULL AND "expires" <= ?`)
      .all(Date.now()) as Array<{ detail: string }>;
    db.close();
    expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/^SEARCH bot_state USING INDEX bot_state_expires/)]);
  });
});
