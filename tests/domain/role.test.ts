import {
  DEFAULT_ROLE_SETTINGS,
  ROLE_STATUSES,
  ROLE_TRANSITIONS,
  checkRoleTransition,
  missingDescription,
  planningWarnings,
  type Fields,
  type RoleStatus,
} from '../../src/domain';
import { refusal } from './refusal';

const TODAY = '2026-03-10';

function completeRole(overrides: Partial<Fields<'roles'>> = {}): Fields<'roles'> {
  return {
    workstreamId: 1,
    title: 'Lay member, urgent care design group',
    status: 'Draft',
    purpose: 'Bring the experience of using urgent care into the redesign of same-day services.',
    activities: 'Join a monthly design group and review leaflets.',
    timeCommitment: 'Two hours a month',
    location: 'Both',
    locationDetails: 'Leeds, or online',
    paymentAndExpenses: 'Travel and care costs reimbursed.',
    skillsWelcomed: 'Recent experience of urgent care as a patient or carer.',
    supportOffered: 'A named contact, one-to-ones and the Peer Support Network.',
    contact: 'engagement@example.nhs.uk',
    closingDate: '2026-04-30',
    startDate: '2026-07-01',
    level: 2,
    accessibleFormats: ['Easy read', 'Large print'],
    termMonths: null,
    ownerId: 'lead-1',
    ownerName: 'Priya Shah',
    advertState: 'Not sent',
    advertUrl: null,
    advertComment: null,
    advertDecidedBy: null,
    advertDecidedAt: null,
    statusChangedBy: null,
    statusChangedAt: null,
    selectionCriteria: null,
    ...overrides,
  };
}

describe('the role status flow', () => {
  const allowed: Array<[RoleStatus, RoleStatus]> = [
    ['Draft', 'Ready'],
    ['Draft', 'Closed'],
    ['Ready', 'Draft'],
    ['Ready', 'Advertised'],
    ['Ready', 'Closed'],
    ['Advertised', 'Filled'],
    ['Advertised', 'Closed'],
    ['Filled', 'Closed'],
  ];

  it.each(allowed)('allows %s to %s for a complete description', (from, to) => {
    expect(() => checkRoleTransition(completeRole({ status: from }), to, TODAY)).not.toThrow();
  });

  const refused = ROLE_STATUSES.flatMap((from) =>
    ROLE_STATUSES.filter((to) => !allowed.some(([a, b]) => a === from && b === to)).map((to) => [from, to] as const),
  );

  it.each(refused)('refuses %s to %s', (from, to) => {
    const error = refusal(() => checkRoleTransition(completeRole({ status: from }), to, TODAY));
    expect(error.code).toBe('role-status-not-allowed');
  });

  it('declares exactly the allowed moves', () => {
    const declared = ROLE_STATUSES.flatMap((from) => ROLE_TRANSITIONS[from].map((to) => `${from}>${to}`)).sort();
    expect(declared).toEqual(allowed.map(([a, b]) => `${a}>${b}`).sort());
  });

  it('says a closed role is final', () => {
    expect(refusal(() => checkRoleTransition(completeRole({ status: 'Closed' }), 'Ready', TODAY)).message).toBe(
      '"Lay member, urgent care design group" is Closed, so it cannot become Ready. Closed is final.',
    );
  });
});

describe('a complete role description', () => {
  it('needs nothing more when every field is filled in', () => {
    expect(missingDescription(completeRole())).toEqual([]);
  });

  it('names the empty fields in form order by their readable names', () => {
    const role = completeRole({ purpose: null, timeCommitment: '', accessibleFormats: [], closingDate: null });
    expect(missingDescription(role)).toEqual(['Purpose', 'Time commitment', 'Closing date', 'Accessible formats offered']);
  });

  it('refuses Ready until complete, saying what is missing', () => {
    const error = refusal(() => checkRoleTransition(completeRole({ purpose: null, level: null }), 'Ready', TODAY));
    expect(error.code).toBe('description-incomplete');
    expect(error.message).toBe(
      '"Lay member, urgent care design group" cannot be Ready yet: the role description still needs purpose and involvement level.',
    );
  });

  it('refuses Ready when the closing date has passed', () => {
    const error = refusal(() => checkRoleTransition(completeRole({ closingDate: '2026-03-09' }), 'Ready', TODAY));
    expect(error.code).toBe('closing-date-passed');
    expect(error.message).toContain('Monday 9 March 2026');
  });

  it('accepts a closing date of today', () => {
    expect(() => checkRoleTransition(completeRole({ closingDate: TODAY }), 'Ready', TODAY)).not.toThrow();
  });
});

describe('planning advice', () => {
  it('warns when the start date leaves less than the usual recruitment time', () => {
    const [warning] = planningWarnings(completeRole({ startDate: '2026-04-07', closingDate: '2026-03-31' }), TODAY, DEFAULT_ROLE_SETTINGS);
    expect(warning).toMatch(/^The start date is 4 weeks away\. Recruiting a partner usually takes 2 to 4 months/);
  });

  it('is quiet when there is time', () => {
    expect(planningWarnings(completeRole(), TODAY, DEFAULT_ROLE_SETTINGS)).toEqual([]);
  });

  it('uses the organisation lead time', () => {
    const role = completeRole({ startDate: '2026-07-01' });
    expect(planningWarnings(role, TODAY, { ...DEFAULT_ROLE_SETTINGS, recruitmentLeadWeeks: 20 })).toHaveLength(1);
  });

  it('warns when the closing date is after the start date', () => {
    const warnings = planningWarnings(completeRole({ closingDate: '2026-08-01' }), TODAY, DEFAULT_ROLE_SETTINGS);
    expect(warnings).toEqual([
      'The closing date is after the start date. Partners need time for a chat and an induction before they start.',
    ]);
  });

  it('reminds a paid role to offer benefits advice', () => {
    const warnings = planningWarnings(completeRole({ level: 4 }), TODAY, DEFAULT_ROLE_SETTINGS);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('independent benefits advice');
    expect(
      planningWarnings(
        completeRole({ level: 4, paymentAndExpenses: 'Paid per meeting; benefits advice offered.' }),
        TODAY,
        DEFAULT_ROLE_SETTINGS,
      ),
    ).toEqual([]);
    expect(planningWarnings(completeRole({ level: 3 }), TODAY, { ...DEFAULT_ROLE_SETTINGS, paidLevels: [3, 4] })).toHaveLength(1);
  });
});
