import { DEFAULT_INDUCTION_TEMPLATE, inductionProgress, pendingPhrase, templateFor, type TemplateItem } from '../../src/domain';

const own: TemplateItem[] = [{ label: 'Maternity voices briefing', kind: 'Task', required: true }];
const organisation: TemplateItem[] = [{ label: 'ICS welcome pack', kind: 'Task', required: false }];

describe('induction templates', () => {
  it('holds the default items of the pathway, agreements marked as such', () => {
    expect(DEFAULT_INDUCTION_TEMPLATE).toHaveLength(12);
    expect(DEFAULT_INDUCTION_TEMPLATE.filter((item) => item.kind === 'Agreement').map((item) => item.label)).toEqual([
      'Confidentiality agreement signed',
      'Involvement agreement signed',
    ]);
  });

  it("uses the workstream's own template first", () => {
    expect(templateFor(own, organisation)).toBe(own);
  });

  it("falls back to the organisation's template", () => {
    expect(templateFor([], organisation)).toBe(organisation);
  });

  it('falls back to the default when neither has one', () => {
    expect(templateFor([], [])).toBe(DEFAULT_INDUCTION_TEMPLATE);
  });
});

describe('induction progress', () => {
  it('counts done items and names the required ones missing', () => {
    const items = DEFAULT_INDUCTION_TEMPLATE.map((item, index) => ({ ...item, done: index < 5 }));
    expect(inductionProgress(items)).toEqual({
      done: 5,
      total: 12,
      missingRequired: ['Expenses policy explained', 'Named contact introduced', 'First one-to-one booked'],
    });
  });

  it('reads agreements and tasks naturally in a sentence', () => {
    expect(pendingPhrase({ label: 'Confidentiality agreement signed', kind: 'Agreement' })).toBe(
      'the confidentiality agreement is not signed yet',
    );
    expect(pendingPhrase({ label: 'Data sharing agreement', kind: 'Agreement' })).toBe('the data sharing agreement is not signed yet');
    expect(pendingPhrase({ label: 'Expenses policy explained', kind: 'Task' })).toBe('"Expenses policy explained" is not done yet');
  });
});
