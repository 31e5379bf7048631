import {
  approverFor,
  capExceeded,
  checkCap,
  capPeriodOf,
  claimRecordKeptUntil,
  DEFAULT_CLAIM_SETTINGS,
  expenseWords,
  paymentFor,
  pounds,
  pricedLines,
  RefusedError,
  type Principal,
} from '../../src/domain';

const SUBMITTER: Principal = { id: 'aad-sam', name: 'Sam Jones', email: 'sam@example.nhs.uk', tenantId: 't' };
const RULES = { ...DEFAULT_CLAIM_SETTINGS, paidLevels: [4] };

describe('claim rates', () => {
  it('prices mileage at the organisation’s rate per mile, to the nearest penny, and other expenses as entered', () => {
    expect(
      pricedLines(
        [
          { kind: 'Mileage', miles: 12.5, receiptHeld: false },
          { kind: 'Parking', amountPence: 450, receiptHeld: true },
        ],
        DEFAULT_CLAIM_SETTINGS,
      ),
    ).toEqual([
      { kind: 'Mileage', miles: 12.5, amountPence: 563, receiptHeld: false },
      { kind: 'Parking', miles: null, amountPence: 450, receiptHeld: true },
    ]);
    expect(
      pricedLines([{ kind: 'Mileage', miles: 10, receiptHeld: false }], { ...DEFAULT_CLAIM_SETTINGS, mileagePencePerMile: 30 }),
    ).toEqual([{ kind: 'Mileage', miles: 10, amountPence: 300, receiptHeld: false }]);
  });

  it('pays a half or full day at the configured amounts for a paid level, nothing when declined or no day is given', () => {
    expect(paymentFor('Half day', 4, false, RULES)).toBe(7500);
    expect(paymentFor('Full day', 4, false, RULES)).toBe(15000);
    expect(paymentFor('Full day', 3, false, { ...RULES, paidLevels: [3, 4], fullDayPence: 12000 })).toBe(12000);
    expect(paymentFor('Full day', 4, true, RULES)).toBe(0);
    expect(paymentFor(null, 2, false, RULES)).toBe(0);
  });

  it('refuses a payment for a level the organisation does not pay, saying to claim expenses only', () => {
    expect(() => paymentFor('Half day', 2, false, RULES)).toThrow(
      new RefusedError(
        'role-not-paid',
        "Level 2 roles are not paid under your organisation's rules. Leave out the half or full day and claim the expenses only.",
      ),
    );
  });

  it('writes pounds with pence and thousands', () => {
    expect(pounds(123450)).toBe('£1,234.50');
    expect(pounds(5)).toBe('£0.05');
  });
});

describe('expense lines in words', () => {
  it('says the kind, the miles for mileage, the amount and whether a receipt is held', () => {
    expect(expenseWords({ kind: 'Mileage', miles: 12.5, amountPence: 563, receiptHeld: true })).toBe(
      'Mileage: 12.5 miles, £5.63, receipt held',
    );
    expect(expenseWords({ kind: 'Mileage', miles: 1, amountPence: 45, receiptHeld: false })).toBe('Mileage: 1 mile, £0.45, no receipt');
    expect(expenseWords({ kind: 'Care costs', miles: null, amountPence: 123456, receiptHeld: true })).toBe(
      'Care costs: £1,234.56, receipt held',
    );
  });
});

describe("how long an erased partner's claim is kept", () => {
  const claim = (activityDate: string, decidedAt: string | null = null, paidAt: string | null = null) => ({
    activityDate,
    decidedAt,
    paidAt,
  });

  it('is six years from the end of the financial year (1 April to 31 March) of the activity', () => {
    expect(claimRecordKeptUntil(claim('2026-03-31'), 'Europe/London')).toBe('2032-03-31');
    expect(claimRecordKeptUntil(claim('2026-04-01'), 'Europe/London')).toBe('2033-03-31');
  });

  it('counts from its last step when that falls in a later financial year', () => {
    expect(claimRecordKeptUntil(claim('2026-03-20', '2026-03-30T10:00:00.000Z', '2026-04-02T10:00:00.000Z'), 'Europe/London')).toBe(
      '2033-03-31',
    );
    // 23:30 UTC on 31 March is already 1 April in London.
    expect(claimRecordKeptUntil(claim('2026-03-20', '2026-03-31T23:30:00.000Z'), 'Europe/London')).toBe('2033-03-31');
  });
});

describe('cap periods', () => {
  it.each([
    ['2026-03-11', 'Week', '2026-03-09', '2026-03-15'],
    ['2026-03-09', 'Week', '2026-03-09', '2026-03-15'],
    ['2026-03-15', 'Week', '2026-03-09', '2026-03-15'],
    ['2026-02-14', 'Month', '2026-02-01', '2026-02-28'],
    ['2026-12-31', 'Month', '2026-12-01', '2026-12-31'],
    ['2026-04-05', 'Tax year', '2025-04-06', '2026-04-05'],
    ['2026-04-06', 'Tax year', '2026-04-06', '2027-04-05'],
  ] as const)('puts %s in the %s from %s to %s', (date, period, from, to) => {
    expect(capPeriodOf(date, period)).toEqual({ from, to });
  });
});

describe('who approves', () => {
  it('is the named contact under the named-contact rule', () => {
    expect(approverFor(SUBMITTER, { id: 'aad-priya', name: 'Priya Shah' }, DEFAULT_CLAIM_SETTINGS)).toEqual({
      id: 'aad-priya',
      name: 'Priya Shah',
    });
  });

  it('is the Engagement team when the named contact submitted it, there is none, or the organisation says so', () => {
    expect(approverFor(SUBMITTER, { id: SUBMITTER.id, name: SUBMITTER.name }, DEFAULT_CLAIM_SETTINGS)).toBeNull();
    expect(approverFor(SUBMITTER, { id: null, name: null }, DEFAULT_CLAIM_SETTINGS)).toBeNull();
    expect(
      approverFor(SUBMITTER, { id: 'aad-priya', name: 'Priya Shah' }, { ...DEFAULT_CLAIM_SETTINGS, approver: 'engagement-team' }),
    ).toBeNull();
  });
});

describe('the cap', () => {
  const choice = (capPeriod: 'Week' | 'Tax year') =>
    ({ id: 1, key: 'k', version: 1, created: '', modified: '', partnerId: 1, declinesPayment: false, capPence: 10000, capPeriod }) as const;
  const claim = { id: 2, status: 'Submitted', activityDate: '2026-04-10', paymentPence: 7500 } as const;
  const earlier = { id: 3, status: 'Paid', activityDate: '2026-04-07', paymentPence: 7500 } as const;

  it('names the week or tax year the payments would go over in', () => {
    expect(() => checkCap(claim, choice('Week'), [earlier], 'Jordan')).toThrow(
      "Approving this claim would bring Jordan's involvement payments in the week beginning Monday 6 April 2026 to £150.00, over the £100.00 cap they set.",
    );
    expect(() => checkCap(claim, choice('Tax year'), [earlier], 'Jordan')).toThrow('in the 2026 to 2027 tax year to £150.00');
  });

  it('counts neither rejected nor waiting claims, and nothing when the partner set no cap', () => {
    expect(
      capExceeded(claim, choice('Week'), [
        { ...earlier, status: 'Rejected' },
        { ...earlier, id: 4, status: 'Submitted' },
      ]),
    ).toBeNull();
    expect(capExceeded(claim, undefined, [earlier])).toBeNull();
  });
});
