import { documentOfItem, itemDocuments } from '../../src/domain';

describe("the organisation's documents on checklist items", () => {
  it.each([
    ['Expenses policy explained', 'expensesPolicy'],
    ['Confidentiality agreement signed', 'confidentialityAgreement'],
    ['Involvement agreement signed', 'involvementAgreement'],
    ['Guide to being a Patient and Public Partner shared', 'guideToPpp'],
    ['Sign the involvement agreement again (yearly)', 'involvementAgreement'],
    ['Welcome and introductions', null],
    ['Payment details received', null],
  ])('finds the document "%s" concerns: %s', (label, document) => {
    expect(documentOfItem(label)).toBe(document);
  });

  it('links only the items whose document has a link set', () => {
    const tasks = [
      { id: 1, label: 'Expenses policy explained' },
      { id: 2, label: 'Confidentiality agreement signed' },
      { id: 3, label: 'Welcome and introductions' },
    ];
    expect(itemDocuments(tasks, { expensesPolicy: 'https://example.org/expenses.pdf' })).toEqual([
      { taskId: 1, name: 'expenses policy', url: 'https://example.org/expenses.pdf' },
    ]);
  });
});
