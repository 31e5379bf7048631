/** @jest-environment jsdom */
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { chatBooked } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel } from '../panel';

const GUIDE = {
  intro: 'This chat helps you both decide whether the role is a good fit.',
  tips: ['Say at the start that this is a conversation, not an interview.'],
  questions: ['What made you interested in this role?'],
  adjustments: ['Papers in easy read or large print.'],
};

const CHAT_BOOKED = chatBooked();

describe('the informal chat in the partner panel', () => {
  it("shows the organisation's guide beside the booking once asked for: tips, questions and adjustments", async () => {
    const api = fakeApi({ partnerDetail: jest.fn(async () => CHAT_BOOKED), chatGuide: jest.fn(async () => GUIDE) });
    const { dialog } = await openPanel(CHAT_BOOKED, api);
    const toggle = within(dialog).getByRole('button', { name: 'Informal chat guide' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(api.chatGuide).not.toHaveBeenCalled();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const guide = within(dialog).getByRole('region', { name: 'Informal chat guide' });
    expect(await within(guide).findByText(GUIDE.intro)).toBeInTheDocument();
    expect(within(within(guide).getByRole('list', { name: 'Tips' })).getByText(GUIDE.tips[0])).toBeInTheDocument();
    expect(within(within(guide).getByRole('list', { name: 'Questions you might ask' })).getByText(GUIDE.questions[0])).toBeInTheDocument();
    expect(within(within(guide).getByRole('list', { name: 'Adjustments to offer' })).getByText(GUIDE.adjustments[0])).toBeInTheDocument();
  });

  it('records the chat with the adjustments agreed and offers the role in one step', async () => {
    const { api, dialog } = await openPanel(CHAT_BOOKED);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Record the chat as held');
    const adjustments = within(dialog).getByRole('textbox', { name: /^Adjustments agreed/ });
    expect(adjustments).toHaveValue('Captions on');
    await userEvent.type(adjustments, ', large print papers');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Offer the role' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Why they are offered the role/ }), 'Knows the service well');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the chat as held' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.objectContaining({ id: 7, version: 3, stage: 'Chat booked' }),
      {
        to: 'Chat held',
        notes: '',
        adjustments: 'Captions on, large print papers',
        outcome: { to: 'Offered', criteria: {}, reason: 'Knows the service well' },
      },
      expect.any(String),
    );
    expect(await within(dialog).findByText('Sam moved on: Chat held. Chat recorded, then: Offered.')).toBeInTheDocument();
  });

  it('leaves the adjustments asked for as they are when they were not changed, and asks a reason for "not this time"', async () => {
    const refusal = 'Give a reason: the partner may ask to see it.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => CHAT_BOOKED),
      changeStage: jest.fn(async () => {
        throw new ApiError('invalid-input', refusal, 400, { reason: 'Give a reason.' });
      }),
    });
    const { dialog } = await openPanel(CHAT_BOOKED, api);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Record the chat as held');
    expect(within(dialog).queryByRole('textbox', { name: /^Reason/ })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Not this time (not progressed)' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Wants a shorter role');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the chat as held' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.anything(),
      { to: 'Chat held', notes: '', outcome: { to: 'Not progressed', reason: 'Wants a shorter role', criteria: {} } },
      expect.any(String),
    );
    expect(await within(dialog).findByText(refusal)).toBeInTheDocument();
  });
});
