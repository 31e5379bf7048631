/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { MonitoringForm } from '../../../src/tab/api/types';
import { actions, detail, involvement } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';
import { findConfirmation } from '../render';

const GUIDANCE = 'Answering is voluntary, and every question can be left blank or answered "Prefer not to say".';

function form(overrides: Partial<MonitoringForm> = {}): MonitoringForm {
  return {
    involvementId: 7,
    version: 3,
    state: 'Not yet offered',
    questions: [
      { key: 'ageBand', title: 'Age band', answers: ['16 to 24', '25 to 34', 'Prefer not to say'] },
      { key: 'sex', title: 'Sex', answers: ['Female', 'Male', 'Prefer not to say'] },
      {
        key: 'deprivationDecile',
        title: 'Area deprivation decile, from the first half of the postcode',
        answers: ['1', '2', 'Prefer not to say'],
      },
    ],
    asksPostcode: true,
    guidance: [GUIDANCE],
    ...overrides,
  };
}

async function openMonitoring(shown = detail(), answer: MonitoringForm = form(), overrides = {}) {
  const api = fakeApi({ partnerDetail: jest.fn(async () => shown), monitoringForm: jest.fn(async () => answer), ...overrides });
  const { dialog } = await openPanel(shown, api);
  return { api, dialog, monitoring: section(dialog, 'Equality monitoring') };
}

async function fillIn(monitoring: HTMLElement) {
  await userEvent.click(within(monitoring).getByRole('button', { name: 'Fill in the form with them' }));
  return within(monitoring).findByRole('form', { name: 'Equality monitoring form' });
}

describe('equality monitoring in the partner panel', () => {
  it('offers the form, said to be voluntary and anonymous, without reading it until staff open it', async () => {
    const { api, monitoring } = await openMonitoring();
    expect(within(monitoring).getByText(/Voluntary and anonymous/)).toBeInTheDocument();
    expect(within(monitoring).getByRole('button', { name: 'They would rather not' })).toBeInTheDocument();
    expect(api.monitoringForm).not.toHaveBeenCalled();
    const opened = await fillIn(monitoring);
    expect(api.monitoringForm).toHaveBeenCalledWith(7, expect.anything());
    expect(within(opened).getByText(GUIDANCE).parentElement).toHaveFocus();
    const ageBand = within(opened).getByRole('combobox', { name: 'Age band' });
    expect(ageBand).not.toBeRequired();
    expect(ageBand).toHaveValue('');
    expect(within(ageBand).getByRole('option', { name: 'Prefer not to say' })).toBeInTheDocument();
  });

  it('sends only the questions answered, with the postcode, then shows only that it was answered', async () => {
    const { api, dialog, monitoring } = await openMonitoring();
    const opened = await fillIn(monitoring);
    await userEvent.selectOptions(within(opened).getByRole('combobox', { name: 'Sex' }), 'Prefer not to say');
    await userEvent.type(
      within(opened).getByRole('textbox', { name: 'Area deprivation decile, from the first half of the postcode' }),
      ' LS6 ',
    );
    await userEvent.click(within(opened).getByRole('button', { name: 'Send the answers' }));
    expect(api.submitMonitoring).toHaveBeenCalledWith(
      expect.objectContaining({ id: 7, version: 3 }),
      { sex: 'Prefer not to say', postcode: 'LS6' },
      expect.any(String),
    );
    expect(await within(monitoring).findByText(/The equality monitoring form is answered for Sam/)).toBeInTheDocument();
    expect(within(monitoring).getByText('Answered')).toBeInTheDocument();
    expect(within(monitoring).queryByRole('form')).not.toBeInTheDocument();
    expect(within(monitoring).queryByRole('button')).not.toBeInTheDocument();
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
  });

  it('asks for no postcode when the organisation does not take one', async () => {
    const { monitoring } = await openMonitoring(detail(), form({ asksPostcode: false, questions: form().questions.slice(0, 2) }));
    const opened = await fillIn(monitoring);
    expect(within(opened).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(opened).getAllByRole('combobox')).toHaveLength(2);
  });

  it('records that they would rather not only once confirmed', async () => {
    const { api, monitoring } = await openMonitoring();
    const ratherNot = () => within(monitoring).getByRole('button', { name: 'They would rather not' });
    await userEvent.click(ratherNot());
    const title = 'Record that Sam would rather not fill in the form?';
    await userEvent.click(within(await findConfirmation(title)).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument());
    expect(api.declineMonitoring).not.toHaveBeenCalled();
    await userEvent.click(ratherNot());
    await userEvent.click(
      within(await findConfirmation(title)).getByRole('button', { name: 'Record that they would rather not', hidden: true }),
    );
    expect(api.declineMonitoring).toHaveBeenCalledWith(expect.objectContaining({ id: 7, version: 3 }), expect.any(String));
    expect(await within(monitoring).findByText('Declined')).toBeInTheDocument();
    expect(api.monitoringForm).not.toHaveBeenCalled();
  });

  it.each(['Answered', 'Declined'] as const)('once %s shows only that, and reads nothing of the answers', async (state) => {
    const { api, dialog, monitoring } = await openMonitoring(
      detail({ involvement: involvement({ monitoring: state }), actions: actions({ fillMonitoring: false }) }),
    );
    expect(within(monitoring).getByText(state)).toBeInTheDocument();
    expect(within(monitoring).queryByRole('button')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Equality monitoring form' })).not.toBeInTheDocument();
    expect(api.monitoringForm).not.toHaveBeenCalled();
  });

  it("is among the panel's actions while the server offers it, opening the form in its section with the focus in it", async () => {
    const { api, dialog, monitoring } = await openMonitoring();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Equality monitoring form' }));
    const opened = await within(monitoring).findByRole('form', { name: 'Equality monitoring form' });
    expect(api.monitoringForm).toHaveBeenCalledWith(7, expect.anything());
    await waitFor(() => expect(within(opened).getByText(GUIDANCE).parentElement).toHaveFocus());
  });

  it("shows the server's refusal in its words and keeps the focus on the button pressed", async () => {
    const refusal = 'The equality monitoring form was already answered or declined for this involvement: it is offered once.';
    const { monitoring } = await openMonitoring(detail(), form(), {
      submitMonitoring: jest.fn().mockRejectedValue(new ApiError('monitoring-done', refusal, 409)),
    });
    const opened = await fillIn(monitoring);
    const send = within(opened).getByRole('button', { name: 'Send the answers' });
    await userEvent.click(send);
    expect(await within(monitoring).findByText(refusal)).toBeInTheDocument();
    expect(send).toHaveFocus();
  });
});
