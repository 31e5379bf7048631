import { describeBooked, describePeople, stageCountsInOrder, summariseInduction } from '../../../src/tab/shared/format';

describe('describeBooked', () => {
  it('gives the booked date and time', () => {
    expect(describeBooked({ date: '2026-04-14', time: '10:30' })).toBe('Booked for Tue 14 Apr 2026 at 10:30');
  });

  it('leaves out a time nobody entered', () => {
    expect(describeBooked({ date: '2026-04-14', time: null })).toBe('Booked for Tue 14 Apr 2026');
    expect(describeBooked({ date: '2026-04-14', time: '  ' })).toBe('Booked for Tue 14 Apr 2026');
  });
});

describe('summariseInduction', () => {
  it('says induction has not started before there is a checklist', () => {
    expect(summariseInduction(null)).toEqual({ progress: 'Not started', missing: null });
  });

  it('counts what is done and names the required items still missing', () => {
    expect(
      summariseInduction({
        done: 7,
        total: 12,
        missingRequired: ['Confidentiality agreement signed', 'First one-to-one booked'],
      }),
    ).toEqual({ progress: '7 of 12 done', missing: 'Missing: Confidentiality agreement signed, First one-to-one booked' });
  });

  it('names nothing missing once every required item is done, even if optional ones are not', () => {
    expect(summariseInduction({ done: 10, total: 12, missingRequired: [] })).toEqual({
      progress: '10 of 12 done',
      missing: null,
    });
  });
});

describe('stageCountsInOrder', () => {
  it('lists every stage in pathway order, counting a stage the server left out as 0', () => {
    const counts = stageCountsInOrder({ Active: 4, Interested: 2 });
    expect(counts.map((entry) => entry.stage)).toEqual([
      'Interested',
      'Chat booked',
      'Chat held',
      'Offered',
      'Induction',
      'Active',
      'Paused',
      'Ended',
      'Not progressed',
    ]);
    expect(counts.find((entry) => entry.stage === 'Active')?.count).toBe(4);
    expect(counts.find((entry) => entry.stage === 'Offered')?.count).toBe(0);
  });

  it('keeps a stage it does not know, after the known ones, so nobody drops out of the summary', () => {
    const counts = stageCountsInOrder({ Interested: 1, 'On hold': 2 });
    expect(counts[counts.length - 1]).toEqual({ stage: 'On hold', count: 2 });
  });
});

describe('describePeople', () => {
  it('counts everyone in a role and says how many are active', () => {
    expect(describePeople({ Interested: 2, Active: 3, Ended: 1 })).toBe('6 people, 3 active');
  });

  it('uses the singular for one person and leaves out active when none are', () => {
    expect(describePeople({ Interested: 1 })).toBe('1 person');
    expect(describePeople({})).toBe('0 people');
  });
});
