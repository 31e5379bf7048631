/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { PartnerDetail } from '../../../src/tab/api/types';
import { actions, activeActions, bookedOn, detail, task } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel } from '../panel';
import { findConfirmation } from '../render';

const BOOKED = bookedOn('2026-03-10', { time: '10:30', where: 'Library' });
const ACTIVE = detail({
  involvement: { ...detail().involvement, stage: 'Active' },
  checklist: [],
  induction: null,
  actions: activeActions(true),
  oneToOnes: [BOOKED],
});
/** In induction, booked once: "First one-to-one booked" was ticked by the booking. */
const INDUCTION: PartnerDetail = detail({
  checklist: [
    task({ id: 13, label: 'First one-to-one booked', kind: 'One-to-one booked', done: true, doneDate: '2026-02-27', doneBy: 'Jo Bloggs' }),
  ],
  induction: { done: 1, total: 1, missingRequired: [] },
  oneToOnes: [BOOKED],
  actions: actions({ bookOneToOne: false, changeBookedOneToOne: true }),
});

describe('the one-to-one booked, in the partner panel', () => {
  it('is moved to another date, time and place, starting from where it is now', async () => {
    const { api, dialog } = await openPanel(ACTIVE);
    expect(within(dialog).queryByRole('form', { name: 'Book a one-to-one' })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move the one-to-one on Tue 10 Mar 2026' }));
    const form = within(dialog).getByRole('form', { name: 'Move the one-to-one on Tue 10 Mar 2026' });
    const date = within(form).getByLabelText(/^New date/);
    expect(date).toHaveFocus();
    expect(date).toHaveValue('2026-03-10');
    expect(within(form).getByLabelText('Where (optional)')).toHaveValue('Library');
    fireEvent.change(date, { target: { value: '2026-03-17' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Move one-to-one' }));
    expect(api.moveOneToOne).toHaveBeenCalledWith(
      expect.objectContaining({ id: 31, version: 2 }),
      { date: '2026-03-17', time: '10:30', where: 'Library' },
      expect.any(String),
    );
    const done = await within(dialog).findByText('One-to-one moved to Tue 17 Mar 2026 at 10:30.');
    // The form, and its button, are gone: the focus is on what was done, inside the panel.
    await waitFor(() => expect(within(dialog).queryByRole('form', { name: /^Move the one-to-one/ })).not.toBeInTheDocument());
    expect(document.activeElement?.contains(done)).toBe(true);
  });

  it("shows the server's sentence for a date in the form, and the same press again carries the same key", async () => {
    const refusal = 'A one-to-one cannot be moved to a date that has passed.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => ACTIVE),
      moveOneToOne: jest
        .fn()
        .mockRejectedValueOnce(new ApiError('date-in-past', refusal, 422))
        .mockResolvedValue(undefined),
    });
    const { dialog } = await openPanel(ACTIVE, api);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move the one-to-one on Tue 10 Mar 2026' }));
    const form = within(dialog).getByRole('form', { name: 'Move the one-to-one on Tue 10 Mar 2026' });
    await userEvent.click(within(form).getByRole('button', { name: 'Move one-to-one' }));
    expect(await within(form).findByText(refusal)).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Move one-to-one' }));
    await within(dialog).findByText('One-to-one moved to Tue 10 Mar 2026 at 10:30.');
    const [first, second] = api.moveOneToOne.mock.calls.map(([, , key]) => key);
    expect(second).toBe(first);
  });

  it("shows the server's message for a field under that field", async () => {
    const message = 'Time must be like 14:30.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => ACTIVE),
      moveOneToOne: jest.fn().mockRejectedValue(new ApiError('validation', message, 400, { time: message })),
    });
    const { dialog } = await openPanel(ACTIVE, api);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move the one-to-one on Tue 10 Mar 2026' }));
    const form = within(dialog).getByRole('form', { name: 'Move the one-to-one on Tue 10 Mar 2026' });
    await userEvent.click(within(form).getByRole('button', { name: 'Move one-to-one' }));
    expect(await within(form).findByText(message)).toBeInTheDocument();
    expect(within(form).getByLabelText('Time (optional)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('stays as it is when the move is dismissed, the focus back on Move', async () => {
    const { api, dialog } = await openPanel(ACTIVE);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move the one-to-one on Tue 10 Mar 2026' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it as it is' }));
    expect(within(dialog).getByRole('button', { name: 'Move the one-to-one on Tue 10 Mar 2026' })).toHaveFocus();
    expect(api.moveOneToOne).not.toHaveBeenCalled();
  });

  it('is cancelled after a confirmation that says, during induction, that "First one-to-one booked" is unticked', async () => {
    const { api, dialog } = await openPanel(INDUCTION);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel the one-to-one on Tue 10 Mar 2026' }));
    const confirm = await findConfirmation('Cancel the one-to-one on Tue 10 Mar 2026?');
    expect(within(confirm).getByText(/stays in their history as cancelled/)).toBeInTheDocument();
    expect(within(confirm).getByText(/"First one-to-one booked" on their induction checklist is unticked/)).toBeInTheDocument();
    expect(api.cancelOneToOne).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel the one-to-one', hidden: true }));
    expect(api.cancelOneToOne).toHaveBeenCalledWith(expect.objectContaining({ id: 31, version: 2 }), expect.any(String));
    expect(await screen.findByText('One-to-one on Tue 10 Mar 2026 cancelled.')).toBeInTheDocument();
  });

  it('says nothing about the checklist when cancelling leaves another one-to-one held', async () => {
    const held = bookedOn('2026-02-20', { id: 30, status: 'Held', heldBy: 'Jo Bloggs' });
    const { dialog } = await openPanel({ ...INDUCTION, oneToOnes: [BOOKED, held] });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel the one-to-one on Tue 10 Mar 2026' }));
    const confirm = await findConfirmation('Cancel the one-to-one on Tue 10 Mar 2026?');
    expect(within(confirm).queryByText(/is unticked/)).not.toBeInTheDocument();
  });

  it('stays booked when the cancellation is not confirmed', async () => {
    const { api, dialog } = await openPanel(ACTIVE);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel the one-to-one on Tue 10 Mar 2026' }));
    await userEvent.click(
      within(await findConfirmation('Cancel the one-to-one on Tue 10 Mar 2026?')).getByRole('button', {
        name: 'Keep it booked',
        hidden: true,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument());
    expect(api.cancelOneToOne).not.toHaveBeenCalled();
  });

  it("shows the server's sentence naming the first booking when a second is refused", async () => {
    const refusal = 'Sam already has a one-to-one booked for Tuesday 10 March 2026. Move or cancel that one rather than booking another.';
    const nothingBooked = { ...ACTIVE, oneToOnes: [], actions: activeActions(false) };
    const api = fakeApi({
      partnerDetail: jest.fn().mockResolvedValueOnce(nothingBooked).mockResolvedValue(ACTIVE),
      bookOneToOne: jest.fn().mockRejectedValue(new ApiError('one-to-one-already-booked', refusal, 422)),
    });
    const { dialog } = await openPanel(nothingBooked, api);
    const form = within(dialog).getByRole('form', { name: 'Book a one-to-one' });
    await userEvent.type(within(form).getByLabelText(/^Date/), '2026-03-20');
    await userEvent.click(within(form).getByRole('button', { name: 'Book one-to-one' }));
    const said = await within(dialog).findByText(refusal);
    // Read again, the panel offers the booking there is to move or cancel instead, and the focus is on the reason.
    await within(dialog).findByRole('button', { name: 'Move the one-to-one on Tue 10 Mar 2026' });
    expect(within(dialog).queryByRole('form', { name: 'Book a one-to-one' })).not.toBeInTheDocument();
    expect(document.activeElement?.contains(said)).toBe(true);
  });
});

describe('pausing, ending or not progressing with a one-to-one booked', () => {
  it.each([
    ['Pause', 'Paused'],
    ['End the involvement', 'Ended'],
  ] as const)('%s offers to cancel it too, ticked, and says it was cancelled', async (step, to) => {
    const { api, dialog } = await openPanel(ACTIVE);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), step);
    const cancel = within(dialog).getByRole('checkbox', { name: 'Also cancel the one-to-one booked for Tue 10 Mar 2026' });
    expect(cancel).toBeChecked();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Moving away');
    await userEvent.click(within(dialog).getByRole('button', { name: step }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ to, reason: 'Moving away', cancelBooked: true }),
      expect.any(String),
    );
    expect(
      await within(dialog).findByText(`Sam moved on: ${to}. The one-to-one booked for Tue 10 Mar 2026 was cancelled.`),
    ).toBeInTheDocument();
  });

  it('keeps it booked when the box is unticked', async () => {
    const { api, dialog } = await openPanel({ ...INDUCTION, actions: { ...INDUCTION.actions, nextStages: ['Active', 'Not progressed'] } });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Not this time (not progressed)');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Also cancel the one-to-one booked for Tue 10 Mar 2026' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Chose another role');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Not this time (not progressed)' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.anything(),
      { to: 'Not progressed', reason: 'Chose another role', criteria: {}, cancelBooked: false },
      expect.any(String),
    );
    expect(await within(dialog).findByText('Sam moved on: Not progressed.')).toBeInTheDocument();
  });

  it('asks nothing about cancelling when nothing is booked', async () => {
    const { api, dialog } = await openPanel({ ...ACTIVE, oneToOnes: [], actions: activeActions(false) });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Pause');
    expect(within(dialog).queryByRole('checkbox', { name: /Also cancel/ })).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'A break');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pause' }));
    expect(api.changeStage).toHaveBeenCalledWith(expect.anything(), { to: 'Paused', reason: 'A break' }, expect.any(String));
  });
});
