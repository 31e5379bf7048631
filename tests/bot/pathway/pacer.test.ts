import { ConversationPacer } from '../../../src/bot/pathway/pacer';

/** A pacer on a clock the test moves: sleeping moves the clock on. */
function pacedClock() {
  let now = 1_000_000;
  const slept: number[] = [];
  const pacer = new ConversationPacer(
    1000,
    () => now,
    async (ms) => {
      slept.push(ms);
      now += ms;
    },
  );
  return { pacer, slept, advance: (ms: number) => (now += ms) };
}

describe('Pacing messages into a conversation', () => {
  it('spaces three messages into one conversation a second apart', async () => {
    const { pacer, slept } = pacedClock();
    await pacer.wait('a');
    await pacer.wait('a');
    await pacer.wait('a');
    expect(slept).toEqual([1000, 1000]);
  });

  it('does not make one conversation wait for another', async () => {
    const { pacer, slept } = pacedClock();
    await pacer.wait('a');
    await pacer.wait('b');
    expect(slept).toEqual([]);
  });

  it('does not wait when a second has already passed', async () => {
    const { pacer, slept, advance } = pacedClock();
    await pacer.wait('a');
    advance(1500);
    await pacer.wait('a');
    expect(slept).toEqual([]);
  });
});
