import {
  CHAT_ADJUSTMENTS_TITLES,
  DEFAULT_INDUCTION_TEMPLATE,
  STAGES,
  STAGE_TRANSITIONS,
  checkStageChange,
  type Stage,
} from '../../src/domain';
import { refusal } from './refusal';

const fullChecklist = DEFAULT_INDUCTION_TEMPLATE.map((item) => ({ ...item, done: true }));

const allowed: Array<[Stage, Stage]> = [
  ['Interested', 'Chat booked'],
  ['Chat booked', 'Chat held'],
  ['Chat held', 'Offered'],
  ['Offered', 'Induction'],
  ['Induction', 'Active'],
  ['Active', 'Paused'],
  ['Paused', 'Active'],
  ['Active', 'Ended'],
  ['Paused', 'Ended'],
  ['Interested', 'Not progressed'],
  ['Chat booked', 'Not progressed'],
  ['Chat held', 'Not progressed'],
  ['Offered', 'Not progressed'],
  ['Induction', 'Not progressed'],
];

describe('the involvement stage flow', () => {
  it.each(allowed)('allows %s to %s', (from, to) => {
    expect(() => checkStageChange({ partnerName: 'Maya', from, to, reason: 'Moving house', checklist: fullChecklist })).not.toThrow();
  });

  const refused = STAGES.flatMap((from) =>
    STAGES.filter((to) => !allowed.some(([a, b]) => a === from && b === to)).map((to) => [from, to] as const),
  );

  it.each(refused)('refuses %s to %s and says what the next step is', (from, to) => {
    const error = refusal(() => checkStageChange({ partnerName: 'Maya', from, to, reason: 'r', checklist: fullChecklist }));
    expect(['stage-not-allowed', 'already-active']).toContain(error.code);
    expect(error.message).toMatch(/^Maya cannot /);
  });

  it('covers every pair of stages between the two tables above', () => {
    expect(allowed.length + refused.length).toBe(STAGES.length * STAGES.length);
    const declared = STAGES.flatMap((from) => STAGE_TRANSITIONS[from].map((to) => `${from}>${to}`)).sort();
    expect(declared).toEqual(allowed.map(([a, b]) => `${a}>${b}`).sort());
  });

  it('says an active partner is paused or ended rather than not progressed', () => {
    const error = refusal(() => checkStageChange({ partnerName: 'Maya', from: 'Active', to: 'Not progressed', reason: 'r' }));
    expect(error.code).toBe('already-active');
    expect(error.message).toContain('pause or end the involvement instead');
  });

  it('names the next steps when a stage is skipped', () => {
    const error = refusal(() => checkStageChange({ partnerName: 'Maya', from: 'Interested', to: 'Offered' }));
    expect(error.message).toBe(
      'Maya cannot be offered the role while at Interested. From Interested the next step is Chat booked or Not progressed.',
    );
  });

  it.each<Stage>(['Paused', 'Ended'])('refuses %s without a reason', (to) => {
    const error = refusal(() => checkStageChange({ partnerName: 'Sam', from: 'Active', to, reason: '   ' }));
    expect(error.code).toBe('reason-required');
    expect(error.message).toContain('Please give a reason');
  });

  it('refuses Not progressed without a reason', () => {
    const error = refusal(() => checkStageChange({ partnerName: 'Sam', from: 'Chat held', to: 'Not progressed', reason: null }));
    expect(error.code).toBe('reason-required');
  });
});

describe('becoming Active', () => {
  const withUnsigned = (labels: string[]) => DEFAULT_INDUCTION_TEMPLATE.map((item) => ({ ...item, done: !labels.includes(item.label) }));

  it('refuses Active while the confidentiality agreement is unsigned', () => {
    const error = refusal(() =>
      checkStageChange({
        partnerName: 'Maya',
        from: 'Induction',
        to: 'Active',
        checklist: withUnsigned(['Confidentiality agreement signed']),
      }),
    );
    expect(error.code).toBe('induction-incomplete');
    expect(error.message).toBe('Maya cannot become Active: the confidentiality agreement is not signed yet.');
    expect(error.details).toEqual({ missing: ['Confidentiality agreement signed'] });
  });

  it('lists every missing required item in one sentence', () => {
    const error = refusal(() =>
      checkStageChange({
        partnerName: 'Maya',
        from: 'Induction',
        to: 'Active',
        checklist: withUnsigned(['Confidentiality agreement signed', 'Involvement agreement signed', 'First one-to-one booked']),
      }),
    );
    expect(error.message).toBe(
      'Maya cannot become Active: the confidentiality agreement is not signed yet, the involvement agreement is not signed yet and "First one-to-one booked" is not done yet.',
    );
  });

  it('does not wait for optional items', () => {
    const optional = DEFAULT_INDUCTION_TEMPLATE.filter((item) => !item.required).map((item) => item.label);
    expect(optional.length).toBeGreaterThan(0);
    expect(() =>
      checkStageChange({ partnerName: 'Maya', from: 'Induction', to: 'Active', checklist: withUnsigned(optional) }),
    ).not.toThrow();
  });

  it('refuses Active when there is no checklist at all', () => {
    const error = refusal(() => checkStageChange({ partnerName: 'Maya', from: 'Induction', to: 'Active', checklist: [] }));
    expect(error.code).toBe('induction-not-started');
  });

  it('lets a paused partner return without looking at the induction again', () => {
    expect(() => checkStageChange({ partnerName: 'Maya', from: 'Paused', to: 'Active' })).not.toThrow();
  });
});

describe('how the adjustments kept with the informal chat are named', () => {
  /** The stages reachable from `from` by the pathway's moves, not passing through `avoiding`. */
  function reachable(from: Stage, avoiding?: Stage): Set<Stage> {
    const seen = new Set<Stage>([from]);
    const next = [from];
    for (let stage = next.pop(); stage !== undefined; stage = next.pop()) {
      for (const to of STAGE_TRANSITIONS[stage]) {
        if (to === avoiding || seen.has(to)) continue;
        seen.add(to);
        next.push(to);
      }
    }
    return seen;
  }

  it.each(STAGES)('at %s: agreed only where every way there holds the chat, asked for only where none does', (stage) => {
    const withoutChat = reachable('Interested', 'Chat held').has(stage);
    const afterChat = reachable('Chat held').has(stage);
    const expected = afterChat && !withoutChat ? 'agreed at' : withoutChat && !afterChat ? 'asked for' : 'for';
    expect(CHAT_ADJUSTMENTS_TITLES[stage]).toBe(`Adjustments ${expected} the informal chat`);
  });
});
