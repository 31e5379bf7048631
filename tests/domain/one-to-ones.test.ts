import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, differenceInCalendarDays, format, parseISO } from 'date-fns';
import {
  DEFAULT_ONE_TO_ONE_SETTINGS,
  dateIn,
  daysBetween,
  describeDue,
  dueState,
  longDate,
  nextOneToOneDue,
  plusDays,
  plusWeeks,
  timeIn,
  todayIn,
} from '../../src/domain';

const settings = DEFAULT_ONE_TO_ONE_SETTINGS;

describe('when the next one-to-one is due', () => {
  it('is a cadence after the last one held', () => {
    expect(nextOneToOneDue({ stage: 'Active', cadenceWeeks: 8, lastHeld: '2026-01-15', activeDate: '2025-11-01' })).toBe('2026-03-12');
  });

  it('is a cadence after becoming Active when none has been held', () => {
    expect(nextOneToOneDue({ stage: 'Active', cadenceWeeks: 6, lastHeld: null, activeDate: '2026-02-02' })).toBe('2026-03-16');
  });

  it.each(['Induction', 'Paused', 'Ended'] as const)('is not due at all while %s', (stage) => {
    expect(nextOneToOneDue({ stage, cadenceWeeks: 8, lastHeld: '2026-01-15', activeDate: '2025-11-01' })).toBeNull();
  });

  it('keeps the calendar date across the spring clock change', () => {
    // 8 weeks from 2026-02-05 spans the change to BST on 29 March.
    expect(nextOneToOneDue({ stage: 'Active', cadenceWeeks: 8, lastHeld: '2026-02-05', activeDate: null })).toBe('2026-04-02');
  });

  it('keeps the calendar date across the autumn clock change', () => {
    expect(nextOneToOneDue({ stage: 'Active', cadenceWeeks: 1, lastHeld: '2026-10-22', activeDate: null })).toBe('2026-10-29');
  });
});

describe('due states seen from today', () => {
  it.each([
    ['2026-03-09', 'overdue', -1, 'Overdue by 1 day'],
    ['2026-02-20', 'overdue', -18, 'Overdue by 18 days'],
    ['2026-03-10', 'due-soon', 0, 'Due today'],
    ['2026-03-24', 'due-soon', 14, 'Due in 14 days'],
    ['2026-03-25', 'on-track', 15, 'Due in 15 days'],
  ] as const)('a one-to-one due %s is %s', (due, state, days, words) => {
    const next = dueState(due, '2026-03-10', settings);
    expect(next).toEqual({ due, state, daysUntilDue: days });
    expect(describeDue(next)).toBe(words);
  });

  it('has nothing due when there is no due date', () => {
    expect(dueState(null, '2026-03-10', settings).state).toBe('none');
  });

  it('uses the organisation window for due soon', () => {
    expect(dueState('2026-03-15', '2026-03-10', { ...settings, dueSoonDays: 3 }).state).toBe('on-track');
  });
});

describe("today in the organisation's time zone", () => {
  const at = (iso: string) => ({ now: () => new Date(iso) });

  it('is the UK date just after midnight in summer time, while UTC is still on the day before', () => {
    // 23:30 UTC on 29 March 2026 is 00:30 BST on 30 March.
    expect(todayIn('Europe/London', at('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('is the same as UTC in winter', () => {
    expect(todayIn('Europe/London', at('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
  });

  it('makes a one-to-one due on 30 March "due today" at 00:30 BST', () => {
    const today = todayIn('Europe/London', at('2026-03-29T23:30:00Z'));
    expect(describeDue(dueState('2026-03-30', today, settings))).toBe('Due today');
  });

  it('follows the autumn change back to GMT', () => {
    // 23:30 UTC on 24 October is 00:30 BST on the 25th; 23:30 UTC on the 25th is 23:30 GMT on the 25th.
    expect(dateIn('Europe/London', '2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(dateIn('Europe/London', '2026-10-25T23:30:00Z')).toBe('2026-10-25');
  });

  it('reads other zones too', () => {
    expect(dateIn('Pacific/Auckland', '2026-03-10T12:00:00Z')).toBe('2026-03-11');
  });
});

describe('calendar dates', () => {
  it('gives the date in the zone for every hour of a year with both clock changes, as date-fns with the zone does', () => {
    for (let hour = 0; hour < 366 * 24; hour += 1) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
      for (const zone of ['Europe/London', 'Pacific/Auckland', 'America/St_Johns']) {
        expect(dateIn(zone, instant)).toBe(format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd'));
      }
    }
  });

  it('counts whole days between dates across clock changes, month ends and a leap day, as date-fns does', () => {
    const dates = [
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2026-03-28',
      '2026-03-30',
      '2026-10-24',
      '2026-10-26',
      '2026-12-31',
      '2027-01-01',
    ];
    for (const from of dates) {
      for (const to of dates) expect(daysBetween(from, to)).toBe(differenceInCalendarDays(parseISO(to), parseISO(from)));
    }
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
    expect(daysBetween('2026-10-26', '2026-10-24')).toBe(-2);
  });

  it('writes every day of two years, a leap day among them, and days and weeks after each, as date-fns does', () => {
    for (let day = 0; day < 2 * 366; day += 1) {
      const date = format(addDays(parseISO('2027-12-01'), -day), 'yyyy-MM-dd');
      expect(longDate(date)).toBe(format(parseISO(date), 'EEEE d MMMM yyyy'));
      for (const days of [-1, 1, 29, 366]) expect(plusDays(date, days)).toBe(format(addDays(parseISO(date), days), 'yyyy-MM-dd'));
      for (const weeks of [-2, 1, 52]) expect(plusWeeks(date, weeks)).toBe(format(addWeeks(parseISO(date), weeks), 'yyyy-MM-dd'));
    }
    expect(longDate('0999-03-02')).toBe(format(parseISO('0999-03-02'), 'EEEE d MMMM yyyy'));
  });

  it('gives the time of day in the zone, across the clock change, as the UK writes it', () => {
    expect(timeIn('Europe/London', new Date('2026-03-28T14:05:00Z'))).toBe('14:05');
    expect(timeIn('Europe/London', new Date('2026-03-29T14:05:00Z'))).toBe('15:05');
    expect(timeIn('Pacific/Auckland', new Date('2026-03-10T12:00:00Z'))).toBe('01:00');
  });

  it('counts no days to or from a date that is not on the calendar', () => {
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNaN();
    expect(daysBetween('2026-03-01', 'soon')).toBeNaN();
  });
});
