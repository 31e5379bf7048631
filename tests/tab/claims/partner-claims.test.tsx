/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PartnerClaims } from '../../../src/tab/api/types';
import type { ApiClient } from '../../../src/tab/api/client';
import { claimLine, detail } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';
import { findConfirmation } from '../render';

const SHOWN = detail();

async function openClaims(answer: Partial<PartnerClaims> = {}, calls: Partial<ApiClient> = {}) {
  const claims: PartnerClaims = {
    claims: [],
    preferences: null,
    paidRole: true,
    choicesInWords: 'Takes involvement payments. No cap.',
    ...answer,
  };
  const api = fakeApi({
    partnerDetail: jest.fn(async () => SHOWN),
    involvementClaims: jest.fn(async () => claims),
    createClaim: jest.fn(async () => claimLine({ id: 40, status: 'Draft' }).claim),
    ...calls,
  });
  const { dialog } = await openPanel(SHOWN, api);
  const claimsSection = section(dialog, 'Claims and payment');
  await within(claimsSection).findByRole('button', { name: 'Record a claim' });
  return { api, claimsSection };
}

async function fillClaim(claimsSection: HTMLElement) {
  await userEvent.click(within(claimsSection).getByRole('button', { name: 'Record a claim' }));
  const form = within(claimsSection).getByRole('form', { name: 'Record a claim' });
  await userEvent.type(within(form).getByRole('textbox', { name: /What it was/ }), 'Design group workshop');
  await userEvent.click(within(form).getByRole('radio', { name: 'Half day' }));
  await userEvent.click(within(form).getByRole('button', { name: 'Add an expense' }));
  await userEvent.type(within(form).getByRole('textbox', { name: /Miles/ }), '12.5');
  await userEvent.click(within(form).getByRole('button', { name: 'Add an expense' }));
  const second = within(form).getByRole('group', { name: 'Expense 2' });
  await userEvent.click(within(second).getByRole('combobox', { name: 'Kind' }));
  await userEvent.click(screen.getByRole('option', { name: 'Parking' }));
  await userEvent.type(within(second).getByRole('textbox', { name: /Amount/ }), '4.50');
  await userEvent.click(within(second).getByRole('checkbox', { name: 'Receipt held' }));
  return form;
}

describe('claims in the partner panel', () => {
  it('lists the partner’s claims in this role with where each stands', async () => {
    const { claimsSection } = await openClaims({ claims: [claimLine({ status: 'Rejected', rejectionReason: 'No receipt' })] });
    const card = within(claimsSection).getByRole('article', { name: 'Design group workshop, Fri 20 Feb 2026' });
    expect(card).toHaveTextContent('Rejected');
    expect(card).toHaveTextContent('No receipt');
  });

  it('records a claim with its expense lines and submits it for approval', async () => {
    const { api, claimsSection } = await openClaims();
    const form = await fillClaim(claimsSection);
    await userEvent.click(within(form).getByRole('button', { name: 'Submit for approval' }));
    expect(api.createClaim).toHaveBeenCalledWith(
      SHOWN.involvement.id,
      {
        activityDate: '2026-03-02',
        description: 'Design group workshop',
        dayLength: 'Half day',
        expenses: [
          { kind: 'Mileage', miles: 12.5, receiptHeld: false },
          { kind: 'Parking', amountPence: 450, receiptHeld: true },
        ],
      },
      expect.any(String),
    );
    expect(api.submitClaim).toHaveBeenCalledWith(expect.objectContaining({ id: 40 }), expect.any(String));
    expect(await within(claimsSection).findByText('Claim recorded for Sam and submitted for approval.')).toBeInTheDocument();
  });

  it('saves a claim as a draft without submitting it', async () => {
    const { api, claimsSection } = await openClaims();
    const form = await fillClaim(claimsSection);
    await userEvent.click(within(form).getByRole('button', { name: 'Save as draft' }));
    expect(await within(claimsSection).findByText('Claim recorded for Sam as a draft.')).toBeInTheDocument();
    expect(api.createClaim).toHaveBeenCalledTimes(1);
    expect(api.submitClaim).not.toHaveBeenCalled();
  });

  it('offers a half or full day only where the role is paid', async () => {
    const { claimsSection } = await openClaims({ paidRole: false });
    await userEvent.click(within(claimsSection).getByRole('button', { name: 'Record a claim' }));
    expect(within(claimsSection).queryByRole('radio', { name: 'Half day' })).not.toBeInTheDocument();
  });

  it('records the partner’s choice to decline payment and their cap per period', async () => {
    const { api, claimsSection } = await openClaims({
      preferences: { ...claimLine().claim, partnerId: 5, declinesPayment: false, capPence: null, capPeriod: null },
    });
    expect(within(claimsSection).getByText('Takes involvement payments. No cap.')).toBeInTheDocument();
    await userEvent.click(within(claimsSection).getByRole('button', { name: 'Change their choices about payment' }));
    const form = within(claimsSection).getByRole('form', { name: 'Their choices about payment' });
    await userEvent.click(within(form).getByRole('combobox', { name: /Cap on involvement payments/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Month' }));
    await userEvent.type(within(form).getByRole('textbox', { name: /Cap \(£\)/ }), '500');
    await userEvent.click(within(form).getByRole('button', { name: 'Save their choices' }));
    expect(api.setPaymentPreferences).toHaveBeenCalledWith(
      SHOWN.partner.id,
      { declinesPayment: false, capPence: 50000, capPeriod: 'Month' },
      expect.any(String),
    );
    expect(await within(claimsSection).findByText("Sam's choices about payment are recorded.")).toBeInTheDocument();
  });

  it('changes a draft claim for expenses only to a half day, where the role is paid', async () => {
    const draft = claimLine({ status: 'Draft', submittedAt: null, dayLength: null, paymentPence: 0 });
    const { api, claimsSection } = await openClaims(
      { claims: [draft] },
      { editClaim: jest.fn(async () => claimLine({ status: 'Draft', version: 3 }).claim) },
    );
    const card = within(claimsSection).getByRole('article', { name: 'Design group workshop, Fri 20 Feb 2026' });
    await userEvent.click(within(card).getByRole('button', { name: 'Change' }));
    const form = within(card).getByRole('form', { name: 'Change the draft claim' });
    expect(within(form).getByRole('radio', { name: 'No payment, expenses only' })).toBeChecked();
    await userEvent.click(within(form).getByRole('radio', { name: 'Half day' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save as draft' }));
    expect(api.editClaim).toHaveBeenCalledWith(
      expect.objectContaining({ id: 31, version: 2 }),
      expect.objectContaining({ dayLength: 'Half day', expenses: [{ kind: 'Mileage', miles: 12.5, receiptHeld: false }] }),
      expect.any(String),
    );
    expect(await within(claimsSection).findByText("Jordan Ellis's draft claim is changed.")).toBeInTheDocument();
  });

  it('changes a draft claim for a full day to expenses only, sending no day', async () => {
    const { api, claimsSection } = await openClaims(
      { claims: [claimLine({ status: 'Draft', submittedAt: null })] },
      { editClaim: jest.fn(async () => claimLine({ status: 'Draft', version: 3 }).claim) },
    );
    await userEvent.click(within(claimsSection).getByRole('button', { name: 'Change' }));
    await userEvent.click(within(claimsSection).getByRole('radio', { name: 'No payment, expenses only' }));
    await userEvent.click(within(claimsSection).getByRole('button', { name: 'Save as draft' }));
    expect(api.editClaim).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ dayLength: null }), expect.any(String));
  });

  it('withdraws a draft claim once confirmed', async () => {
    const { api, claimsSection } = await openClaims({ claims: [claimLine({ status: 'Draft', submittedAt: null })] });
    await userEvent.click(within(claimsSection).getByRole('button', { name: 'Withdraw' }));
    await userEvent.click(
      within(await findConfirmation('Withdraw this draft claim?')).getByRole('button', {
        name: 'Withdraw and delete the claim',
        hidden: true,
      }),
    );
    expect(api.withdrawClaim).toHaveBeenCalledWith(expect.objectContaining({ id: 31, version: 2 }), expect.any(String));
    expect(await within(claimsSection).findByText("Jordan Ellis's draft claim is withdrawn and deleted.")).toBeInTheDocument();
  });

  it('offers no change or withdrawal once a claim is submitted', async () => {
    const { claimsSection } = await openClaims({ claims: [claimLine()] });
    const card = within(claimsSection).getByRole('article', { name: 'Design group workshop, Fri 20 Feb 2026' });
    expect(within(card).queryByRole('button', { name: 'Change' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  });
});
