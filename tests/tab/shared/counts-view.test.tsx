/** @jest-environment jsdom */
import { TableCell, TableRow } from '@fluentui/react-components';
import { screen, within } from '@testing-library/react';
import { CountLines, CountsTable, CountsView } from '../../../src/tab/shared/counts-view';
import { renderInFluent } from '../render';

describe('the frame of a counts view', () => {
  it('puts a table of counts under its heading, in a region of that name a keyboard can scroll, the table named for whose counts', () => {
    renderInFluent(
      <CountsView>
        <CountsTable title="Carer" label="Carer: the whole system" columns={['Answer', 'Count']} className="">
          <TableRow>
            <TableCell>Yes</TableCell>
            <TableCell>12</TableCell>
          </TableRow>
        </CountsTable>
      </CountsView>,
    );
    const region = screen.getByRole('region', { name: 'Carer' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('heading', { level: 3, name: 'Carer' })).toBeInTheDocument();
    const table = within(region).getByRole('table', { name: 'Carer: the whole system' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Answer', 'Count']);
    expect(within(table).getByRole('row', { name: 'Yes 12' })).toBeInTheDocument();
  });

  it('lists lines of counts under the name given, in the order given', () => {
    renderInFluent(<CountLines lines={['Offered the role: 2', 'Not progressed: 3']} label="Counts for Peer reviewer" />);
    expect(
      within(screen.getByRole('list', { name: 'Counts for Peer reviewer' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Offered the role: 2', 'Not progressed: 3']);
  });
});
