/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LogInterest } from '../../../src/tab/interest/log-interest';
import { ApiError } from '../../../src/tab/api/parse';
import type { RoleSummary, Stage } from '../../../src/tab/api/types';
import { involvement } from '../builders';
import { fakeApi } from '../fake-api';
import { renderInFluent } from '../render';

const NO_ONE = Object.fromEntries(
  ['Interested', 'Chat booked', 'Chat held', 'Offered', 'Induction', 'Active', 'Paused', 'Ended', 'Not progressed'].map((stage) => [
    stage,
    0,
  ]),
) as Record<Stage, number>;

function roleSummary(id: number, title: string, takesInterest: boolean): RoleSummary {
  return {
    id,
    version: 1,
    title,
    status: takesInterest ? 'Advertised' : 'Draft',
    advertState: 'Not sent',
    closingDate: null,
    stageCounts: NO_ONE,
    takesInterest,
  };
}

const ROLES = [roleSummary(3, 'Maternity partner', true), roleSummary(4, 'Draft role', false), roleSummary(5, 'Digital partner', true)];

const GUIDANCE = {
  log: 'Only record details the person has agreed you may hold.',
  consent: 'They agreed that we may hold these details',
};

function renderForm(api = fakeApi({ interestGuidance: jest.fn(async () => GUIDANCE) })) {
  const onLogged = jest.fn();
  renderInFluent(<LogInterest api={api} roles={ROLES} onLogged={onLogged} onDismiss={jest.fn()} />);
  return { api, onLogged };
}

async function fillIn() {
  const form = await screen.findByRole('form', { name: 'Log interest' });
  await userEvent.selectOptions(within(form).getByRole('combobox', { name: /^Role/ }), 'Maternity partner');
  await userEvent.type(within(form).getByRole('textbox', { name: /^Full name/ }), 'Maya Jones');
  await userEvent.type(within(form).getByRole('textbox', { name: /^Email/ }), 'maya@example.org');
  await userEvent.click(within(form).getByRole('checkbox', { name: GUIDANCE.consent }));
  return form;
}

describe('logging interest in the tab', () => {
  it("offers the roles taking interest, with the organisation's words on what to record and on consent, and logs a new person", async () => {
    const { api, onLogged } = renderForm(
      fakeApi({
        interestGuidance: jest.fn(async () => GUIDANCE),
        logInterest: jest.fn(async () => involvement({ id: 21 })),
      }),
    );
    const form = await screen.findByRole('form', { name: 'Log interest' });
    expect(within(form).getByText(GUIDANCE.log)).toBeInTheDocument();
    expect(
      within(within(form).getByRole('combobox', { name: /^Role/ }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose the role', 'Maternity partner', 'Digital partner']);
    await fillIn();
    await userEvent.click(within(form).getByRole('button', { name: 'Log interest' }));
    expect(api.logInterest).toHaveBeenCalledWith(
      { roleId: 3, partner: { fullName: 'Maya Jones', email: 'maya@example.org', consentGiven: true } },
      expect.any(String),
    );
    expect(onLogged).toHaveBeenCalledWith({ involvementId: 21, name: 'Maya Jones' });
  });

  it("shows the server's refusal under the field it is about, and logs nothing", async () => {
    const { onLogged } = renderForm(
      fakeApi({
        interestGuidance: jest.fn(async () => GUIDANCE),
        logInterest: jest.fn(async () => {
          throw new ApiError('invalid-input', 'Check the details.', 400, {
            'partner.consentGiven': 'Consent to hold details must be confirmed before details are saved.',
          });
        }),
      }),
    );
    const form = await fillIn();
    await userEvent.click(within(form).getByRole('checkbox', { name: GUIDANCE.consent }));
    await userEvent.click(within(form).getByRole('button', { name: 'Log interest' }));
    expect(await within(form).findByText('Consent to hold details must be confirmed before details are saved.')).toBeInTheDocument();
    expect(within(form).queryByText('Check the details.')).not.toBeInTheDocument();
    expect(onLogged).not.toHaveBeenCalled();
  });

  it('asks whether it is someone already on record before making a second record, and links the interest to them', async () => {
    const known =
      'Maya Jones is already on record with the same email as Maya Jones. If it is the same person, link this interest to their record.';
    const logInterest = jest
      .fn()
      .mockRejectedValueOnce(
        new ApiError(
          'possibly-known',
          known,
          422,
          {},
          {
            matches: [
              {
                partnerId: 9,
                version: 2,
                name: 'Maya Jones',
                sameEmail: true,
                samePhone: false,
                roles: [{ involvementId: 30, roleId: 5, stage: 'Chat held' }],
              },
            ],
          },
        ),
      )
      .mockResolvedValueOnce(involvement({ id: 22 }));
    const { onLogged } = renderForm(fakeApi({ interestGuidance: jest.fn(async () => GUIDANCE), logInterest }));
    const form = await fillIn();
    await userEvent.click(within(form).getByRole('button', { name: 'Log interest' }));
    const question = await screen.findByRole('region', { name: 'Is this someone already on record?' });
    expect(within(question).getByText(known)).toBeInTheDocument();
    expect(within(question).getByText(/Digital partner \(Chat held\)/)).toBeInTheDocument();
    expect(document.activeElement).toHaveTextContent('Is this someone already on record?');
    await userEvent.click(within(question).getByRole('button', { name: 'Same person: link to Maya Jones' }));
    expect(logInterest).toHaveBeenLastCalledWith({ roleId: 3, partnerId: 9 }, expect.any(String));
    expect(onLogged).toHaveBeenCalledWith({ involvementId: 22, name: 'Maya Jones' });
  });

  it('logs a different person with the details already typed, when they are not the one on record', async () => {
    const logInterest = jest
      .fn()
      .mockRejectedValueOnce(new ApiError('possibly-known', 'Someone is already on record.', 422, {}, { matches: [] }))
      .mockResolvedValueOnce(involvement({ id: 23 }));
    renderForm(fakeApi({ interestGuidance: jest.fn(async () => GUIDANCE), logInterest }));
    const form = await fillIn();
    await userEvent.click(within(form).getByRole('button', { name: 'Log interest' }));
    await userEvent.click(await screen.findByRole('button', { name: 'A different person: log them' }));
    expect(logInterest).toHaveBeenLastCalledWith(
      { roleId: 3, partner: { fullName: 'Maya Jones', email: 'maya@example.org', consentGiven: true }, newPerson: true },
      expect.any(String),
    );
  });

  it('says so when no role of the workstream is open for interest', async () => {
    const onDismiss = jest.fn();
    renderInFluent(<LogInterest api={fakeApi()} roles={[ROLES[1]]} onLogged={jest.fn()} onDismiss={onDismiss} />);
    expect(screen.getByText(/No role of this workstream is open for interest/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onDismiss).toHaveBeenCalled();
  });
});
