import { ConflictError, StoreUnavailableError } from '../../src/domain';
import type { KeyValueState } from '../../src/domain/key-value-state';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The contract of the bot's key-value state (`KeyValueState`), run against every
 * adapter. `open` gives a fresh, empty state for each test.
 */
export function keyValueStateContract(name: string, open: () => Promise<KeyValueState>): void {
  describe(`${name}: the bot state contract`, () => {
    let state: KeyValueState;
    beforeEach(async () => {
      state = await open();
    });
    afterEach(() => state.close());

    it('reads back what was written, with the tag the write returned, and a new tag on every write', async () => {
      const first = await state.write('conversation:a', { workstreamId: 3 });
      const second = await state.write('conversation:a', { workstreamId: 4 });
      expect(first).not.toBe(second);
      expect(await state.read('conversation:a')).toEqual({ value: { workstreamId: 4 }, etag: second });
    });

    it('reads a key never written as absent', async () => {
      expect(await state.read('never-written')).toBeUndefined();
    });

    it('keeps plain values and text in any language as they were', async () => {
      await state.write('sent:x', true);
      await state.write('question:1', { question: 'Où est la réunion ? 会議 🙂', askedIn: '19:abc@thread.tacv2;messageid=1' });
      expect((await state.read('sent:x'))?.value).toBe(true);
      expect((await state.read('question:1'))?.value).toEqual({
        question: 'Où est la réunion ? 会議 🙂',
        askedIn: '19:abc@thread.tacv2;messageid=1',
      });
    });

    it('refuses a write naming an old tag with a conflict, and keeps the newer value', async () => {
      const old = await state.write('k', 1);
      const current = await state.write('k', 2, { condition: { ifMatch: old } });
      await expect(state.write('k', 3, { condition: { ifMatch: old } })).rejects.toBeInstanceOf(ConflictError);
      expect(await state.read('k')).toEqual({ value: 2, etag: current });
    });

    it('refuses a write naming a tag when nothing is stored', async () => {
      await expect(state.write('nothing', 1, { condition: { ifMatch: 'some-tag' } })).rejects.toBeInstanceOf(ConflictError);
      expect(await state.read('nothing')).toBeUndefined();
    });

    it('lets only the first writer claim a key with ifAbsent, and keeps what it wrote', async () => {
      const tag = await state.write('sent:x', 'first', { condition: { ifAbsent: true } });
      await expect(state.write('sent:x', 'second', { condition: { ifAbsent: true } })).rejects.toBeInstanceOf(ConflictError);
      expect(await state.read('sent:x')).toEqual({ value: 'first', etag: tag });
    });

    it('lets exactly one of many simultaneous claims of a key win', async () => {
      const claims = await Promise.allSettled(
        Array.from({ length: 8 }, (_, index) => state.write('sent:race', index, { condition: { ifAbsent: true } })),
      );
      expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(1);
      expect(claims.filter((claim) => claim.status === 'rejected').map((claim) => (claim as PromiseRejectedResult).reason)).toEqual(
        Array.from({ length: 7 }, () => expect.any(ConflictError)),
      );
    });

    it('lets exactly one of many simultaneous writes naming the same tag win', async () => {
      const tag = await state.write('conversation:race', { turn: 0 });
      const writes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, turn) => state.write('conversation:race', { turn: turn + 1 }, { condition: { ifMatch: tag } })),
      );
      const won = writes.filter((write): write is PromiseFulfilledResult<string> => write.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect((await state.read('conversation:race'))?.etag).toBe(won[0].value);
    });

    it('forgets an entry once its time to live has passed: absent to a read, claimable again, and its old tag refused', async () => {
      const tag = await state.write('seen:1', true, { ttlMs: 50, condition: { ifAbsent: true } });
      await sleep(80);
      expect(await state.read('seen:1')).toBeUndefined();
      await expect(state.write('seen:1', 'late', { condition: { ifMatch: tag } })).rejects.toBeInstanceOf(ConflictError);
      await expect(state.write('seen:1', 'again', { condition: { ifAbsent: true } })).resolves.toEqual(expect.any(String));
      expect((await state.read('seen:1'))?.value).toBe('again');
    });

    it('keeps an entry with a time to live until it passes', async () => {
      await state.write('seen:2', true, { ttlMs: 60_000, condition: { ifAbsent: true } });
      expect((await state.read('seen:2'))?.value).toBe(true);
      await expect(state.write('seen:2', true, { condition: { ifAbsent: true } })).rejects.toBeInstanceOf(ConflictError);
    });

    it('lets exactly one of many simultaneous claims of an expired key win', async () => {
      await state.write('sent:expired', 'old', { ttlMs: 20, condition: { ifAbsent: true } });
      await sleep(50);
      const claims = await Promise.allSettled(
        Array.from({ length: 6 }, (_, index) => state.write('sent:expired', index, { condition: { ifAbsent: true } })),
      );
      expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(1);
    });

    it('deletes an entry, after which it can be claimed again; deleting what is not there is fine', async () => {
      await state.write('sent:a', true, { condition: { ifAbsent: true } });
      await state.delete('sent:a');
      await state.delete('sent:never');
      expect(await state.read('sent:a')).toBeUndefined();
      await expect(state.write('sent:a', true, { condition: { ifAbsent: true } })).resolves.toEqual(expect.any(String));
    });

    it('says the store is unavailable once closed', async () => {
      await state.close();
      await expect(state.read('k')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(state.write('k', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
}
