/** @jest-environment jsdom */
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { actions, detail, selection } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel } from '../panel';

const CRITERIA = ['Lived experience of maternity services', 'Can join a monthly meeting'];

/** A partner whose chat is held, for a role with two criteria: they can be offered the role, or not progressed. */
const CHAT_HELD = detail({
  involvement: { ...detail().involvement, stage: 'Chat held' },
  checklist: [],
  induction: null,
  selection: selection(CRITERIA),
  actions: actions({ nextStages: ['Offered', 'Not progressed'], offer: true, changeChecklist: false, activate: false }),
});

describe('offering the role, judged against its criteria, in the partner panel', () => {
  it('asks how each criterion was judged and why, in the server’s words, and sends them with the offer', async () => {
    const { api, dialog } = await openPanel(CHAT_HELD);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Offer the role');
    expect(within(dialog).getByText(CHAT_HELD.selection.guidance)).toBeInTheDocument();
    const first = within(dialog).getByRole('radiogroup', { name: new RegExp(`^${CRITERIA[0]}`) });
    const second = within(dialog).getByRole('radiogroup', { name: new RegExp(`^${CRITERIA[1]}`) });
    expect(
      within(first)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['Met', 'Not met', 'Not assessed']);
    await userEvent.click(within(first).getByRole('radio', { name: 'Met' }));
    await userEvent.click(within(second).getByRole('radio', { name: 'Not met' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Why they are offered the role/ }), 'Strong lived experience');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Offer the role' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.objectContaining({ id: 7, stage: 'Chat held' }),
      { to: 'Offered', criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Not met' }, reason: 'Strong lived experience' },
      expect.any(String),
    );
    expect(await within(dialog).findByText('Sam moved on: Offered.')).toBeInTheDocument();
  });

  it('shows the server’s refusal as it is when a criterion is left unjudged, keeping what was typed', async () => {
    const refusal = `Say how Sam was judged against each criterion for "Peer reviewer": "${CRITERIA[1]}" has no answer (met, not met, or not assessed). Nothing was changed.`;
    const api = fakeApi({
      partnerDetail: jest.fn(async () => CHAT_HELD),
      changeStage: jest.fn(async () => {
        throw new ApiError('criteria-not-judged', refusal, 422);
      }),
    });
    const { dialog } = await openPanel(CHAT_HELD, api);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Not this time (not progressed)');
    const first = within(dialog).getByRole('radiogroup', { name: new RegExp(`^${CRITERIA[0]}`) });
    await userEvent.click(within(first).getByRole('radio', { name: 'Not assessed' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Withdrew');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Not this time (not progressed)' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.anything(),
      { to: 'Not progressed', reason: 'Withdrew', criteria: { [CRITERIA[0]]: 'Not assessed' } },
      expect.any(String),
    );
    expect(await within(dialog).findByText(refusal)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Reason/ })).toHaveValue('Withdrew');
  });

  it('asks only for the reason, with the server’s guidance, where the role has no criteria yet', async () => {
    const none = detail({ ...CHAT_HELD, selection: selection() });
    const { dialog } = await openPanel(none);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Offer the role');
    expect(within(dialog).getByText(none.selection.guidance)).toBeInTheDocument();
    expect(within(dialog).queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Why they are offered the role/ })).toBeRequired();
  });
});
