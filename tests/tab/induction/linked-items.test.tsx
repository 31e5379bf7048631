/** @jest-environment jsdom */
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { actions, bookedOn, detail, task } from '../builders';
import { openPanel, TODAY } from '../panel';

const FIRST_BOOKED = task({ id: 13, label: 'First one-to-one booked', kind: 'One-to-one booked', order: 2 });
const INVITATION = task({
  id: 14,
  label: 'Peer Support Network invitation sent',
  kind: 'Peer Support Network invitation',
  required: false,
  order: 3,
});

function inductionWith(...items: ReturnType<typeof task>[]) {
  const base = detail();
  return detail({
    checklist: [...base.checklist, ...items],
    induction: { done: 0, total: base.checklist.length + items.length, missingRequired: [] },
  });
}

describe('checklist items that record a fact kept elsewhere', () => {
  it('"First one-to-one booked" has no box to tick: it says the booking ticks it, and takes the person to booking', async () => {
    const { dialog } = await openPanel(inductionWith(FIRST_BOOKED));
    const checklist = within(dialog).getByRole('list', { name: 'Induction checklist' });
    expect(within(checklist).queryByRole('checkbox', { name: /First one-to-one booked/ })).not.toBeInTheDocument();
    expect(within(checklist).getByText('First one-to-one booked (required): not yet')).toBeInTheDocument();
    expect(within(checklist).getByText(/Ticked when the first one-to-one is booked\./)).toBeInTheDocument();
    await userEvent.click(within(checklist).getByRole('button', { name: 'Book it under One-to-ones' }));
    const date = within(within(dialog).getByRole('form', { name: 'Book a one-to-one' })).getByLabelText(/^Date/);
    expect(date).toHaveFocus();
  });

  it('"First one-to-one booked" says when it was done once a one-to-one is booked', async () => {
    const done = { ...FIRST_BOOKED, done: true, doneDate: '2026-02-27', doneBy: 'Jo Bloggs' };
    const { dialog } = await openPanel({
      ...inductionWith(done),
      oneToOnes: [bookedOn('2026-03-10')],
      actions: actions({ bookOneToOne: false, changeBookedOneToOne: true }),
    });
    const checklist = within(dialog).getByRole('list', { name: 'Induction checklist' });
    expect(within(checklist).getByText('First one-to-one booked (required)')).toBeInTheDocument();
    expect(within(checklist).getByText('Done Fri 27 Feb 2026, recorded by Jo Bloggs')).toBeInTheDocument();
    expect(within(checklist).queryByText(/Ticked when the first one-to-one is booked/)).not.toBeInTheDocument();
  });

  it('ticking "Peer Support Network invitation sent" says it records the invitation, and the panel says it was recorded', async () => {
    const { api, dialog } = await openPanel(inductionWith(INVITATION));
    const box = within(dialog).getByRole('checkbox', { name: 'Peer Support Network invitation sent' });
    expect(box).toHaveAccessibleDescription(
      'Ticking it records on their record that they were invited to the Peer Support Network, today.',
    );
    await userEvent.click(box);
    expect(api.completeTask).toHaveBeenCalledWith(expect.objectContaining({ id: 14 }), expect.any(String), undefined);
    expect(
      await within(dialog).findByText(
        'Ticked: Peer Support Network invitation sent. The invitation to the Peer Support Network is recorded for Sam.',
      ),
    ).toBeInTheDocument();
  });

  it('unticking it says the invitation is taken back', async () => {
    const ticked = { ...INVITATION, done: true, doneDate: TODAY, doneBy: 'Jo Bloggs' };
    const { api, dialog } = await openPanel(inductionWith(ticked));
    const box = within(dialog).getByRole('checkbox', { name: 'Peer Support Network invitation sent' });
    expect(box).toHaveAccessibleDescription(/takes back the invitation/);
    await userEvent.click(box);
    expect(api.reopenTask).toHaveBeenCalledWith(expect.objectContaining({ id: 14 }), expect.any(String));
    await waitFor(() => expect(within(dialog).getByText(/The invitation to the Peer Support Network is taken back\./)).toBeInTheDocument());
  });
});
