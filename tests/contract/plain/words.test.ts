import type { NextOneToOne } from '../../../src/contract/api';
import { describeDue, inductionProgress, shortDate } from '../../../src/contract/plain/words';

const due = (daysUntilDue: number, state: NextOneToOne['state']): NextOneToOne => ({
  due: '2026-03-31',
  state,
  daysUntilDue,
});

describe('shortDate', () => {
  it.each([
    ['2026-03-31', 'Tue 31 Mar 2026'],
    ['2026-01-01', 'Thu 1 Jan 2026'],
    ['2024-02-29', 'Thu 29 Feb 2024'],
    ['2026-12-25', 'Fri 25 Dec 2026'],
  ])('writes %s as %s, the way UK readers expect', (date, expected) => {
    expect(shortDate(date)).toBe(expected);
  });

  it('keeps the calendar day whatever the time zone, because it never reads the local clock', () => {
    const original = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(shortDate('2026-03-29')).toBe('Sun 29 Mar 2026');
    } finally {
      process.env.TZ = original;
    }
  });

  it.each(['31/03/2026', '2026-02-30', 'soon', ''])('returns %p unchanged when it is not a real YYYY-MM-DD date', (date) => {
    expect(shortDate(date)).toBe(date);
  });
});

describe('describeDue', () => {
  it.each([
    [due(-3, 'overdue'), 'Overdue by 3 days'],
    [due(-1, 'overdue'), 'Overdue by 1 day'],
    [due(0, 'due-soon'), 'Due today'],
    [due(1, 'due-soon'), 'Due in 1 day'],
    [due(5, 'due-soon'), 'Due in 5 days'],
    [due(40, 'on-track'), 'Due in 40 days'],
  ])('says the state in words: %o reads %p', (next, expected) => {
    expect(describeDue(next)).toBe(expected);
  });

  it('says none is due for a partner who is not active', () => {
    expect(describeDue({ state: 'none', daysUntilDue: null })).toBe('None due');
  });
});

describe('inductionProgress', () => {
  it('counts what is done, and says not started before there is a checklist', () => {
    expect(inductionProgress({ done: 7, total: 12 })).toBe('7 of 12 done');
    expect(inductionProgress(null)).toBe('Not started');
  });
});
