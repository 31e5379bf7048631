import {
  accessReviewDueFrom,
  agreementsDueFrom,
  reviewDatesAtStart,
  reviewsDue,
  termEndFrom,
  termReminderFrom,
  yearPassed,
} from '../../src/domain';

describe('Reviews that come round', () => {
  it('a term of 36 months begun on 10 March 2026 ends on 10 March 2029; a role with no term gives no end', () => {
    expect(termEndFrom('2026-03-10', 36)).toBe('2029-03-10');
    expect(termEndFrom('2026-01-31', 1)).toBe('2026-02-28');
    expect(termEndFrom('2026-03-10', null)).toBeNull();
  });

  it('the reminder of a term comes 8 weeks before it ends', () => {
    expect(termReminderFrom('2029-03-10')).toBe('2029-01-13');
  });

  it('agreements come round a year after the earliest was signed; none signed, none due', () => {
    expect(agreementsDueFrom(['2026-03-04', '2026-02-27', null])).toBe('2027-02-27');
    expect(agreementsDueFrom([null])).toBeNull();
  });

  it('a year has passed on the anniversary of the signature, not the day before', () => {
    expect(yearPassed('2026-03-04', '2027-03-03')).toBe(false);
    expect(yearPassed('2026-03-04', '2027-03-04')).toBe(true);
  });

  it('access needs are reviewed by default 12 months after they were last recorded or reviewed', () => {
    expect(accessReviewDueFrom('2026-03-10')).toBe('2027-03-10');
  });

  it('becoming Active starts all three: the term from the role, the agreements from their signatures, the access review a year on', () => {
    const checklist = [
      { kind: 'Agreement' as const, done: true, doneDate: '2026-03-01' },
      { kind: 'Agreement' as const, done: true, doneDate: '2026-03-05' },
      { kind: 'Task' as const, done: true, doneDate: '2025-01-01' },
    ];
    expect(reviewDatesAtStart('2026-03-10', 36, checklist)).toEqual({
      termEndDate: '2029-03-10',
      agreementsDue: '2027-03-01',
      accessReviewedDate: null,
      accessReviewDue: '2027-03-10',
    });
  });

  it('says which reviews have come round, the term from 8 weeks before its end, in date order', () => {
    const dates = { termEndDate: '2029-03-10', agreementsDue: '2029-01-01', accessReviewedDate: null, accessReviewDue: '2029-06-01' };
    expect(reviewsDue('Maya', 'Lay member', dates, '2029-01-12').map((due) => due.kind)).toEqual(['agreements']);
    const due = reviewsDue('Maya', 'Lay member', dates, '2029-01-13');
    expect(due.map((item) => [item.kind, item.what])).toEqual([
      ['agreements', 'Agreements to re-confirm'],
      ['term', 'Term of office ends'],
    ]);
    expect(due[1].sentence).toBe(
      "Maya's term of office (Lay member) ends on Saturday 10 March 2029. Talk with them about renewing it for another term or ending it with thanks, then record which.",
    );
    expect(reviewsDue('Maya', 'Lay member', dates, '2029-03-11')[1].what).toBe('Term of office ended');
  });

  it('looking ahead (the agenda), a review counts by the later day but is worded as today', () => {
    const dates = { termEndDate: '2026-03-22', agreementsDue: '2026-04-01', accessReviewedDate: null, accessReviewDue: null };
    const ahead = reviewsDue('Sam', 'Patient partner', dates, '2026-03-02', '2026-04-13');
    expect(ahead.map((due) => due.what)).toEqual(['Term of office ends', 'Agreements to re-confirm']);
    expect(ahead[1].sentence).toMatch(/^On Wednesday 1 April 2026 a year will have passed since Sam signed/);
    expect(reviewsDue('Sam', 'Patient partner', dates, '2026-03-02')).toHaveLength(1);
  });
});
