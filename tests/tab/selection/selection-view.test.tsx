/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SelectionSummary } from '../../../src/tab/api/types';
import { SelectionView } from '../../../src/tab/selection/selection-view';
import { fakeApi } from '../fake-api';
import { renderInFluent } from '../render';

const ROLES = [
  { roleId: 3, title: 'Maternity partner', status: 'Advertised' as const, workstreamTitle: 'Maternity' },
  { roleId: 5, title: 'Peer reviewer', status: 'Filled' as const, workstreamTitle: 'Mental health' },
];

function summary(roleId: number, overrides: Partial<SelectionSummary> = {}): SelectionSummary {
  return {
    roleId,
    roleTitle: 'Maternity partner',
    workstreamId: 1,
    criteria: ['Lived experience of maternity services'],
    expressedInterest: 6,
    chattedWith: 4,
    offered: 2,
    notProgressed: 3,
    offeredWithoutCriteria: 0,
    notProgressedWithoutCriteria: 0,
    byCriterion: [
      {
        criterion: 'Lived experience of maternity services',
        current: true,
        offered: { Met: 2, 'Not met': 0, 'Not assessed': 0 },
        notProgressed: { Met: 1, 'Not met': 1, 'Not assessed': 1 },
      },
    ],
    ...overrides,
  };
}

describe("the Engagement team's selection view", () => {
  it('shows the first role’s counts and each criterion’s verdicts, then another role when chosen', async () => {
    const api = fakeApi({
      selectionRoles: jest.fn(async () => ROLES),
      selectionSummary: jest.fn(async (roleId: number) =>
        roleId === 3 ? summary(3) : summary(5, { roleTitle: 'Peer reviewer', criteria: [], byCriterion: [], offeredWithoutCriteria: 1 }),
      ),
    });
    renderInFluent(<SelectionView api={api} />);
    const counts = await screen.findByRole('list', { name: 'Counts for Maternity partner' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Expressed interest: 6', 'Had the informal chat: 4', 'Offered the role: 2', 'Not progressed: 3']);
    const table = screen.getByRole('table', { name: 'Criteria for Maternity partner' });
    expect(within(table).getByRole('row', { name: /Lived experience/ })).toHaveTextContent(
      'Lived experience of maternity services2 met, 0 not met, 0 not assessed1 met, 1 not met, 1 not assessed',
    );

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Mental health: Peer reviewer (Filled)');

    expect(await screen.findByRole('list', { name: 'Counts for Peer reviewer' })).toHaveTextContent(
      'Decided with a reason but no criteria to judge against: 1',
    );
    expect(screen.getByText('This role has no selection criteria yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.selectionSummary).toHaveBeenLastCalledWith(5, expect.anything());
  });

  it('says plainly when no role has taken interest yet', async () => {
    renderInFluent(<SelectionView api={fakeApi({ selectionRoles: jest.fn(async () => []) })} />);
    expect(await screen.findByText('No role has taken interest yet, so there is no selection to show.')).toBeInTheDocument();
  });
});
