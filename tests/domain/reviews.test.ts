import {
  accessReviewDueFrom,
  agreementDue,
  agreementsDueFrom,
  DEFAULT_REVIEW_SETTINGS,
  missingReviewDates,
  reviewDatesAtStart,
  reviewsDue,
  termEndFrom,
  termReminderFrom,
} from '../../src/domain';

const SETTINGS = DEFAULT_REVIEW_SETTINGS;
/** An organisation that reminds of terms 12 weeks ahead, re-confirms agreements every 2 years and reviews access needs every 6 months. */
const OWN = { termReminderWeeks: 12, agreementMonths: 24, accessReviewMonths: 6 };

describe('Reviews that come round', () => {
  it('a term of 36 months begun on 10 March 2026 ends on 10 March 2029; a role with no term gives no end', () => {
    expect(termEndFrom('2026-03-10', 36)).toBe('2029-03-10');
    expect(termEndFrom('2026-01-31', 1)).toBe('2026-02-28');
    expect(termEndFrom('2026-03-10', null)).toBeNull();
  });

  it('the reminder of a term comes 8 weeks before it ends', () => {
    expect(termReminderFrom('2029-03-10', SETTINGS)).toBe('2029-01-13');
  });

  it('agreements come round a year after the earliest was signed; none signed, none due', () => {
    expect(agreementsDueFrom(['2026-03-04', '2026-02-27', null], SETTINGS)).toBe('2027-02-27');
    expect(agreementsDueFrom([null], SETTINGS)).toBeNull();
  });

  it('a year has passed on the anniversary of the signature, not the day before', () => {
    expect(agreementDue('2026-03-04', '2027-03-03', SETTINGS)).toBe(false);
    expect(agreementDue('2026-03-04', '2027-03-04', SETTINGS)).toBe(true);
  });

  it('access needs are reviewed by default 12 months after they were last recorded or reviewed', () => {
    expect(accessReviewDueFrom('2026-03-10', SETTINGS)).toBe('2027-03-10');
  });

  it('becoming Active starts all three: the term from the role, the agreements from their signatures, the access review a year on', () => {
    const checklist = [
      { kind: 'Agreement' as const, done: true, doneDate: '2026-03-01' },
      { kind: 'Agreement' as const, done: true, doneDate: '2026-03-05' },
      { kind: 'Task' as const, done: true, doneDate: '2025-01-01' },
    ];
    expect(reviewDatesAtStart('2026-03-10', 36, checklist, SETTINGS)).toEqual({
      termEndDate: '2029-03-10',
      agreementsDue: '2027-03-01',
      accessReviewedDate: null,
      accessReviewDue: '2027-03-10',
    });
  });

  it('says which reviews have come round, the term from 8 weeks before its end, in date order', () => {
    const dates = { termEndDate: '2029-03-10', agreementsDue: '2029-01-01', accessReviewedDate: null, accessReviewDue: '2029-06-01' };
    expect(reviewsDue('Maya', 'Lay member', dates, SETTINGS, '2029-01-12').map((due) => due.kind)).toEqual(['agreements']);
    const due = reviewsDue('Maya', 'Lay member', dates, SETTINGS, '2029-01-13');
    expect(due.map((item) => [item.kind, item.what])).toEqual([
      ['agreements', 'Agreements to re-confirm'],
      ['term', 'Term of office ends'],
    ]);
    expect(due[1].sentence).toBe(
      "Maya's term of office (Lay member) ends on Saturday 10 March 2029. Talk with them about renewing it for another term or ending it with thanks, then record which.",
    );
    expect(reviewsDue('Maya', 'Lay member', dates, SETTINGS, '2029-03-11')[1].what).toBe('Term of office ended');
  });

  it('looking ahead (the agenda), a review counts by the later day but is worded as today', () => {
    const dates = { termEndDate: '2026-03-22', agreementsDue: '2026-04-01', accessReviewedDate: null, accessReviewDue: null };
    const ahead = reviewsDue('Sam', 'Patient partner', dates, SETTINGS, '2026-03-02', '2026-04-13');
    expect(ahead.map((due) => due.what)).toEqual(['Term of office ends', 'Agreements to re-confirm']);
    expect(ahead[1].sentence).toMatch(/^On Wednesday 1 April 2026 a year will have passed since Sam signed/);
    expect(reviewsDue('Sam', 'Patient partner', dates, SETTINGS, '2026-03-02')).toHaveLength(1);
  });

  it("an organisation's own settings move each review: the term's reminder, the agreements' period and the access review", () => {
    expect(termReminderFrom('2029-03-10', OWN)).toBe('2028-12-16');
    expect(agreementsDueFrom(['2026-03-04'], OWN)).toBe('2028-03-04');
    expect(agreementDue('2026-03-04', '2027-03-04', OWN)).toBe(false);
    expect(accessReviewDueFrom('2026-03-10', OWN)).toBe('2026-09-10');
    const checklist = [{ kind: 'Agreement' as const, done: true, doneDate: '2026-03-01' }];
    expect(reviewDatesAtStart('2026-03-10', 36, checklist, OWN)).toMatchObject({
      agreementsDue: '2028-03-01',
      accessReviewDue: '2026-09-10',
    });
    const dates = { termEndDate: '2029-03-10', agreementsDue: '2028-03-01', accessReviewedDate: null, accessReviewDue: null };
    expect(reviewsDue('Maya', 'Lay member', dates, OWN, '2028-12-15').map((due) => due.kind)).toEqual(['agreements']);
    const due = reviewsDue('Maya', 'Lay member', dates, OWN, '2028-12-16');
    expect(due.map((item) => item.kind)).toEqual(['agreements', 'term']);
    expect(due[0].sentence).toMatch(/^2 years have passed since Maya signed their agreements/);
  });
});

describe('Review dates filled in for partners Active before they were kept', () => {
  const none = { termEndDate: null, agreementsDue: null, accessReviewedDate: null, accessReviewDue: null };
  const evidence = {
    activeFrom: '2025-09-01',
    activeFromRecorded: true,
    termMonths: 36,
    agreementsSigned: ['2025-08-25', '2025-08-20', null],
  };

  it('gives each date the partner would have taken on becoming Active, saying where they came from', () => {
    expect(missingReviewDates(none, evidence, SETTINGS, '2026-03-10')).toEqual({
      values: { termEndDate: '2028-09-01', agreementsDue: '2026-08-20', accessReviewDue: '2026-09-01' },
      summary:
        "Review dates filled in from Active from Monday 1 September 2025, the role's term of 36 months, agreements first signed Wednesday 20 August 2025",
    });
  });

  it('never replaces a date already there, and fills none the evidence cannot give', () => {
    const set = { termEndDate: '2027-01-01', agreementsDue: null, accessReviewedDate: null, accessReviewDue: '2026-12-01' };
    expect(missingReviewDates(set, evidence, SETTINGS, '2026-03-10').values).toEqual({ agreementsDue: '2026-08-20' });
    const nothingSigned = { ...evidence, termMonths: null, agreementsSigned: [null] };
    expect(missingReviewDates(none, nothingSigned, SETTINGS, '2026-03-10').values).toEqual({ accessReviewDue: '2026-09-01' });
    const full = { ...set, agreementsDue: '2026-08-20' };
    expect(missingReviewDates(full, evidence, SETTINGS, '2026-03-10').values).toEqual({});
  });

  it('a review that fell due further back than the reminders look comes round today instead of never', () => {
    const longAgo = { activeFrom: '2021-05-04', activeFromRecorded: false, termMonths: 36, agreementsSigned: ['2021-05-01'] };
    const filled = missingReviewDates(none, longAgo, SETTINGS, '2026-03-10');
    expect(filled.values).toEqual({ termEndDate: '2026-03-10', agreementsDue: '2026-03-10', accessReviewDue: '2026-03-10' });
    expect(filled.summary).toBe(
      "Review dates filled in from last change of stage on Tuesday 4 May 2021, the role's term of 36 months, agreements first signed Saturday 1 May 2021; term, agreements, access needs over a year overdue, so due today",
    );
    expect(filled.summary.length).toBeLessThanOrEqual(255);
  });

  it("follows the organisation's settings", () => {
    expect(missingReviewDates(none, evidence, OWN, '2026-03-10').values).toMatchObject({
      agreementsDue: '2027-08-20',
      accessReviewDue: '2026-03-01',
    });
  });
});
