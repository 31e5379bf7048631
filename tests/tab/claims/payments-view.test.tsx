/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { PaymentsView } from '../../../src/tab/claims/payments-view';
import { until } from '../../wait';
import { claimLine } from '../builders';
import { fakeApi } from '../fake-api';
import { findConfirmation, renderInFluent, stubObjectUrls } from '../render';

const OVER_CAP =
  "Approving this claim would bring Jordan Ellis's involvement payments in March 2026 to £600.00, over the £500.00 cap they set. Reject the claim, or ask the Engagement team to record that Jordan Ellis has had independent benefits advice and chooses to go over.";

function showPayments(api = fakeApi(), engagementTeam = false) {
  renderInFluent(<PaymentsView api={api} workstreamId={1} today="2026-03-02" engagementTeam={engagementTeam} />);
  return api;
}

const claimCard = (name: RegExp) => screen.findByRole('article', { name });

const STALE = 'This claim was changed by someone else since you opened it. Reload to see the latest, then try again.';

/** A Payments view showing one Draft claim, for a full day with one mileage line. */
function showDraft(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return showPayments(
    fakeApi({ workstreamClaims: jest.fn(async () => [claimLine({ status: 'Draft', submittedAt: null })]), ...overrides }),
  );
}

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

  it('goes back to the Reject button when a rejection is cancelled, sending nothing', async () => {
    const api = fakeApi({ workstreamClaims: jest.fn(async () => [claimLine()]) });
    showPayments(api);
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Reject' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Cancel' }));
    expect(within(card).getByRole('button', { name: 'Reject' })).toHaveFocus();
    expect(api.rejectClaim).not.toHaveBeenCalled();
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

  it('changes a draft in the record-a-claim form filled in with it, keeping it a draft', async () => {
    const api = showDraft({ editClaim: jest.fn(async () => claimLine({ status: 'Draft', version: 3 }).claim) });
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Change' }));
    const form = within(card).getByRole('form', { name: 'Change the draft claim' });
    const description = within(form).getByRole('textbox', { name: /What it was/ });
    expect(within(form).getByLabelText(/Date of the activity/)).toHaveFocus();
    expect(description).toHaveValue('Design group workshop');
    expect(within(form).getByRole('radio', { name: 'Full day' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /Miles/ })).toHaveValue('12.5');
    await userEvent.clear(description);
    await userEvent.type(description, 'Design group workshop, morning');
    await userEvent.click(within(form).getByRole('radio', { name: 'Half day' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save as draft' }));
    expect(api.editClaim).toHaveBeenCalledWith(
      expect.objectContaining({ id: 31, version: 2 }),
      {
        activityDate: '2026-02-20',
        description: 'Design group workshop, morning',
        dayLength: 'Half day',
        expenses: [{ kind: 'Mileage', miles: 12.5, receiptHeld: false }],
      },
      expect.any(String),
    );
    expect(await screen.findByText("Jordan Ellis's draft claim is changed.")).toBeInTheDocument();
    expect(api.submitClaim).not.toHaveBeenCalled();
    expect(api.workstreamClaims).toHaveBeenCalledTimes(2);
    await until(() => within(card).queryByRole('form') === null);
  });

  it('submits a changed draft for approval after saving it', async () => {
    const api = showDraft({ editClaim: jest.fn(async () => claimLine({ status: 'Draft', version: 3 }).claim) });
    await userEvent.click(within(await claimCard(/Design group workshop/)).getByRole('button', { name: 'Change' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));
    expect(api.submitClaim).toHaveBeenCalledWith(expect.objectContaining({ id: 31, version: 3 }), expect.any(String));
    expect(await screen.findByText("Jordan Ellis's claim is changed and submitted for approval.")).toBeInTheDocument();
  });

  it('shows the refusal in the form when someone else changed the draft, and saves again at the version read again', async () => {
    const draft = (version: number) => [claimLine({ status: 'Draft', submittedAt: null, version })];
    const api = showDraft({
      workstreamClaims: jest.fn().mockResolvedValueOnce(draft(2)).mockResolvedValue(draft(3)),
      editClaim: jest
        .fn()
        .mockRejectedValueOnce(new ApiError('conflict', STALE, 409))
        .mockResolvedValue(claimLine({ status: 'Draft', version: 4 }).claim),
    });
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Change' }));
    await userEvent.type(within(card).getByRole('textbox', { name: /What it was/ }), ', morning');
    await userEvent.click(within(card).getByRole('button', { name: 'Save as draft' }));
    const form = within(card).getByRole('form', { name: 'Change the draft claim' });
    expect(await within(form).findByText(STALE)).toBeInTheDocument();
    expect(within(card).getAllByText(STALE)).toHaveLength(1);
    expect(within(form).getByRole('textbox', { name: /What it was/ })).toHaveValue('Design group workshop, morning');
    await until(() => api.workstreamClaims.mock.calls.length === 2);
    await userEvent.click(within(form).getByRole('button', { name: 'Save as draft' }));
    expect(api.editClaim).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 31, version: 3 }),
      expect.objectContaining({ description: 'Design group workshop, morning' }),
      expect.any(String),
    );
    expect(await screen.findByText("Jordan Ellis's draft claim is changed.")).toBeInTheDocument();
  });

  it('goes back to the Change button when a change is cancelled, sending nothing', async () => {
    const api = showDraft();
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Change' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Cancel' }));
    expect(within(card).getByRole('button', { name: 'Change' })).toHaveFocus();
    expect(api.editClaim).not.toHaveBeenCalled();
  });

  it('withdraws a draft once confirmed, and says it is deleted', async () => {
    const api = showDraft();
    await userEvent.click(within(await claimCard(/Design group workshop/)).getByRole('button', { name: 'Withdraw' }));
    const confirm = await findConfirmation('Withdraw this draft claim?');
    expect(confirm).toHaveTextContent('the draft is deleted');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Withdraw and delete the claim', hidden: true }));
    expect(api.withdrawClaim).toHaveBeenCalledWith(expect.objectContaining({ id: 31, version: 2 }), expect.any(String));
    expect(await screen.findByText("Jordan Ellis's draft claim is withdrawn and deleted.")).toBeInTheDocument();
  });

  it('keeps the draft when the withdrawal is not confirmed', async () => {
    const api = showDraft();
    await userEvent.click(within(await claimCard(/Design group workshop/)).getByRole('button', { name: 'Withdraw' }));
    await userEvent.click(
      within(await findConfirmation('Withdraw this draft claim?')).getByRole('button', { name: 'Keep the draft', hidden: true }),
    );
    expect(api.withdrawClaim).not.toHaveBeenCalled();
  });

  it('shows the refusal beside the claim when it was submitted before the withdrawal', async () => {
    const notDraft =
      'This claim is Submitted, so it can no longer be withdrawn: only a Draft can. If it is wrong, its approver can reject it with a reason, and a corrected claim can be recorded.';
    showDraft({ withdrawClaim: jest.fn(async () => Promise.reject(new ApiError('claim-not-draft', notDraft, 422))) });
    const card = await claimCard(/Design group workshop/);
    await userEvent.click(within(card).getByRole('button', { name: 'Withdraw' }));
    await userEvent.click(
      within(await findConfirmation('Withdraw this draft claim?')).getByRole('button', {
        name: 'Withdraw and delete the claim',
        hidden: true,
      }),
    );
    expect(await within(card).findByText(notDraft)).toBeInTheDocument();
  });
});
