/** @jest-environment jsdom */
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { actions, activeActions, chatBooked, detail } from '../builders';
import { openPanel, section } from '../panel';

const ACTIVE = detail({ involvement: { ...detail().involvement, stage: 'Active' }, checklist: [], induction: null });

function optionsOf(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent ?? '');
}

describe('the partner panel offers what the server says can be done next', () => {
  it('offers only the next steps the server lists, not every stage the pathway has after this one', async () => {
    const { dialog } = await openPanel({ ...ACTIVE, actions: activeActions(false, { nextStages: ['Ended'], pause: false }) });
    expect(optionsOf(within(dialog).getByRole('combobox', { name: 'Next step' }))).toEqual([
      'Choose what happens next',
      'End the involvement',
    ]);
  });

  it('says there are no further steps when the server lists none', async () => {
    const { dialog } = await openPanel({
      ...ACTIVE,
      involvement: { ...ACTIVE.involvement, stage: 'Ended' },
      actions: actions({
        nextStages: [],
        changeChecklist: false,
        activate: false,
        notProgress: false,
        bookOneToOne: false,
        recordOneToOne: false,
        reassign: false,
      }),
    });
    expect(within(dialog).queryByRole('combobox', { name: 'Next step' })).not.toBeInTheDocument();
    expect(within(dialog).getByText('This involvement is Ended, so it has no further stages.')).toBeInTheDocument();
  });

  it('asks to acknowledge interest only when the server says it is waiting', async () => {
    const interested = detail({
      involvement: { ...detail().involvement, stage: 'Interested' },
      checklist: [],
      induction: null,
      actions: actions({
        nextStages: ['Chat booked', 'Not progressed'],
        acknowledgeInterest: false,
        changeChecklist: false,
        bookOneToOne: false,
        recordOneToOne: false,
      }),
    });
    const { dialog } = await openPanel(interested);
    expect(within(dialog).queryByRole('button', { name: 'Record acknowledgement' })).not.toBeInTheDocument();
  });

  it('shows the checklist as a record when the server says it cannot be changed, even during induction', async () => {
    const { dialog } = await openPanel(detail({ actions: actions({ changeChecklist: false }) }));
    expect(within(dialog).getByText('The checklist can be changed only while the partner is in induction.')).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'Welcome and introductions (required)' }).hasAttribute('disabled')).toBe(true);
  });

  it('offers booking, recording, correcting details and changing the named contact only as the server allows', async () => {
    const { dialog } = await openPanel(
      detail({ actions: actions({ bookOneToOne: false, recordOneToOne: false, editDetails: false, reassign: false }) }),
    );
    expect(within(dialog).queryByRole('form', { name: 'Book a one-to-one' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('form', { name: 'Record a one-to-one that was held' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Correct their details' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Change named contact' })).not.toBeInTheDocument();
    expect(within(section(dialog, 'Consent')).queryByRole('button', { name: /consent to notes/ })).not.toBeInTheDocument();
  });

  it('offers to move the informal chat once it is booked, starting from when and where it is, adjustments kept', async () => {
    const { api, dialog } = await openPanel(chatBooked());
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Move the informal chat');
    expect(within(dialog).getByRole('textbox', { name: /^Where the chat will be/ })).toHaveValue('Teams');
    expect(within(dialog).getByRole('textbox', { name: /^Adjustments asked for/ })).toHaveValue('Captions on');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move the informal chat' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.objectContaining({ stage: 'Chat booked' }),
      { to: 'Chat booked', at: '2026-03-04T10:00:00.000Z', where: 'Teams', adjustments: 'Captions on' },
      expect.any(String),
    );
    expect(await within(dialog).findByText('Informal chat moved for Sam.')).toBeInTheDocument();
  });
});
