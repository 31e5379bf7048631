/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PartnerClaims } from '../../../src/tab/api/types';
import { claimLine, detail } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';

const SHOWN = detail();

async function openClaims(answer: Partial<PartnerClaims> = {}) {
  const claims: PartnerClaims = { claims: [], preferences: null, paidRole: true, ...answer };
  const api = fakeApi({
    partnerDetail: jest.fn(async () => SHOWN),
    involvementClaims: jest.fn(async () => claims),
    createClaim: jest.fn(async () => claimLine({ id: 40, status: 'Draft' }).claim),
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
});
