/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { PaymentsView } from '../../../src/tab/claims/payments-view';
import { claimLine } from '../builders';
import { fakeApi } from '../fake-api';
import { renderInFluent, stubObjectUrls } from '../render';

const OVER_CAP =
  "Approving this claim would bring Jordan Ellis's involvement payments in March 2026 to £600.00, over the £500.00 cap they set. Reject the claim, or ask the Engagement team to record that Jordan Ellis has had independent benefits advice and chooses to go over.";

function showPayments(api = fakeApi(), engagementTeam = false) {
  renderInFluent(<PaymentsView api={api} workstreamId={1} today="2026-03-02" engagementTeam={engagementTeam} />);
  return api;
}

const claimCard = (name: RegExp) => screen.findByRole('article', { name });

describe('the Payments view', () => {
  it('shows claims waiting for approval first, longest wait first, with how long each has waited', async () => {
    const api = fakeApi({
      workstreamClaims: jest.fn(async () => [
        claimLine({ id: 1, status: 'Approved', description: 'Patient panel', decidedBy: 'Priya Shah', decidedAt: '2026-02-25T09:00:00Z' }),
        claimLine({ id: 2, submittedAt: '2026-02-28T10:00:00Z', description: 'Board visit' }),
        claimLine({ id: 3, description: 'Design group workshop' }),
      ]),
    });
    showPayments(api);
    const waiting = await screen.findByRole('region', { name: 'Waiting for approval (2)' });
    const cards = within(waiting).getAllByRole('article');
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      'Jordan Ellis: Design group workshop, Fri 20 Feb 2026',
      'Jordan Ellis: Board visit, Fri 20 Feb 2026',
    ]);
    expect(cards[0]).toHaveTextContent('Waiting for 6 days for Priya Shah to approve.');
    expect(cards[0]).toHaveTextContent('Full day, £150.00');
    expect(cards[0]).toHaveTextContent('£5.63 (Mileage, 12.5 miles, £5.63, no receipt)');
    expect(screen.getByRole('region', { name: 'Approved, for the next finance export (1)' })).toHaveTextContent('Patient panel');
    expect(screen.queryByRole('region', { name: /Drafts/ })).not.toBeInTheDocument();
  });

  it('approves a claim, says so and reads the claims again', async () => {
    const api = fakeApi({ workstreamClaims: jest.fn(async () => [claimLine()]) });
    showPayments(api);
    await userEvent.click(within(await claimCard(/Design group workshop/)).getByRole('button', { name: 'Approve' }));
    expect(api.approveClaim).toHaveBeenCalledWith(expect.objectContaining({ id: 31, version: 2 }), false, expect.any(String));
    expect(await screen.findByText("Jordan Ellis's claim is approved.")).toBeInTheDocument();
    expect(api.workstreamClaims).toHaveBeenCalledTimes(2);
  });

  it('shows the refusal beside the claim in the server’s words, when the approver is the submitter', async () => {
    const refusal = 'You submitted this claim, so someone else must approve or reject it: Priya Shah or the Engagement team.';
    const api = fakeApi({
      workstreamClaims: jest.fn(async () => [claimLine()]),
      approveClaim: jest.fn(async () => Promise.reject(new ApiError('own-claim', refusal, 422))),
    });
    showPayments(api);
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(await within(card).findByText(refusal)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /benefits advice/ })).not.toBeInTheDocument();
  });

  it('offers the Engagement team approval over the cap once refused for it, recording the advice', async () => {
    const api = fakeApi({
      workstreamClaims: jest.fn(async () => [claimLine()]),
      approveClaim: jest.fn(async (_claim, overCap: boolean) =>
        overCap ? undefined : Promise.reject(new ApiError('over-cap', OVER_CAP, 422)),
      ),
    });
    showPayments(api, true);
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(await within(card).findByText(OVER_CAP)).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: /they had benefits advice and choose to go over their cap/ }));
    expect(api.approveClaim).toHaveBeenLastCalledWith(expect.objectContaining({ id: 31 }), true, expect.any(String));
    expect(await screen.findByText(/approved over their cap, with their benefits advice recorded/)).toBeInTheDocument();
  });

  it('does not offer going over the cap to someone outside the Engagement team', async () => {
    const api = fakeApi({
      workstreamClaims: jest.fn(async () => [claimLine()]),
      approveClaim: jest.fn(async () => Promise.reject(new ApiError('over-cap', OVER_CAP, 422))),
    });
    showPayments(api, false);
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(await within(card).findByText(OVER_CAP)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /benefits advice/ })).not.toBeInTheDocument();
  });

  it('rejects a claim only with a reason, and sends the reason given', async () => {
    const api = fakeApi({ workstreamClaims: jest.fn(async () => [claimLine()]) });
    showPayments(api);
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(within(card).getByRole('textbox', { name: /Why it is rejected/ })).toBeRequired();
    await userEvent.click(within(card).getByRole('button', { name: 'Reject the claim' }));
    expect(api.rejectClaim).not.toHaveBeenCalled();
    await userEvent.type(within(card).getByRole('textbox', { name: /Why it is rejected/ }), 'No receipt for the taxi');
    await userEvent.click(within(card).getByRole('button', { name: 'Reject the claim' }));
    expect(api.rejectClaim).toHaveBeenLastCalledWith(expect.objectContaining({ id: 31 }), 'No receipt for the taxi', expect.any(String));
    expect(await screen.findByText("Jordan Ellis's claim is rejected.")).toBeInTheDocument();
  });

  it('exports a period to finance for the Engagement team, saves the CSV and says how many claims were marked Paid', async () => {
    const { created } = stubObjectUrls();
    const api = fakeApi({
      workstreamClaims: jest.fn(async () => [claimLine({ status: 'Approved' })]),
      financeExport: jest.fn(async () => ({
        fileName: 'claims-2026-03-01-to-2026-03-02.csv',
        csv: 'Type,Claim\r\n',
        claimsPaid: 2,
        paymentsPence: 22500,
        expensesPence: 1013,
      })),
    });
    showPayments(api, true);
    const exporting = await screen.findByRole('region', { name: 'Export to finance' });
    await userEvent.click(within(exporting).getByRole('button', { name: 'Export to finance and mark Paid' }));
    expect(api.financeExport).toHaveBeenCalledWith({ from: '2026-03-01', to: '2026-03-02' }, expect.any(String));
    expect(
      await within(exporting).findByText(
        '2 claims marked Paid and saved to claims-2026-03-01-to-2026-03-02.csv: involvement payments £225.00, expenses £10.13.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ type: 'text/csv', size: 'Type,Claim\r\n'.length });
  });

  it('offers the finance export to the Engagement team only', async () => {
    showPayments(fakeApi({ workstreamClaims: jest.fn(async () => [claimLine()]) }), false);
    await claimCard(/Design group workshop/);
    expect(screen.queryByRole('region', { name: 'Export to finance' })).not.toBeInTheDocument();
  });
});
