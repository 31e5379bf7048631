/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { InvolvementReviews } from '../../../src/tab/api/types';
import { AgendaView } from '../../../src/tab/one-to-ones/agenda-view';
import { agenda, detail, involvement } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';
import { renderInFluent } from '../render';

const TERM_SENTENCE =
  "Samira's term of office (Maternity voices partner) ends on Monday 27 April 2026. Talk with them about renewing it for another term or ending it with thanks, then record which.";

function reviews(overrides: Partial<InvolvementReviews> = {}): InvolvementReviews {
  return {
    involvementId: 7,
    version: 5,
    name: 'Samira',
    roleTitle: 'Maternity voices partner',
    stage: 'Active',
    serving: true,
    today: '2026-03-02',
    term: { months: 36, endDate: '2026-04-27', reminderDate: '2026-03-02', renewTo: '2029-04-27' },
    agreements: [{ taskId: 31, label: 'Confidentiality agreement signed', signedDate: '2025-04-27', dueDate: '2026-04-27', due: false }],
    access: { reviewedDate: null, dueDate: '2026-04-27', nextIfReviewedToday: '2027-03-02' },
    due: [{ kind: 'term', date: '2026-04-27', what: 'Term of office ends', sentence: TERM_SENTENCE }],
    endReason: 'Their term of office came to an end.',
    ...overrides,
  };
}

async function openReviews(answer = reviews(), overrides = {}) {
  const shown = detail({ involvement: { ...involvement({ id: 7, version: 5, stage: 'Active', termEndDate: '2026-04-27' }) } });
  const api = fakeApi({ partnerDetail: jest.fn(async () => shown), reviews: jest.fn(async () => answer), ...overrides });
  const { dialog } = await openPanel(shown, api);
  const region = section(dialog, 'Reviews');
  await within(region).findByText(TERM_SENTENCE);
  return { api, region };
}

describe('Reviews in the partner panel', () => {
  it('says what has come round in the server’s words, with the dates behind each review', async () => {
    const { region } = await openReviews();
    expect(within(region).getByText('Ends Mon 27 Apr 2026')).toBeInTheDocument();
    expect(within(region).getByText('Signed Sun 27 Apr 2025; comes round Mon 27 Apr 2026')).toBeInTheDocument();
    expect(within(region).getByText('Reviewed not yet; next review Mon 27 Apr 2026')).toBeInTheDocument();
  });

  it('renews the term to the date the server proposes, or one staff choose, at the version read', async () => {
    const { api, region } = await openReviews();
    const date = within(region).getByLabelText(/The new term ends on/);
    expect(date).toHaveValue('2029-04-27');
    await userEvent.clear(date);
    await userEvent.type(date, '2028-04-27');
    await userEvent.click(within(region).getByRole('button', { name: 'Renew the term' }));
    expect(api.renewTerm).toHaveBeenCalledWith({ id: 7, version: 5 }, '2028-04-27', expect.any(String));
    expect(await within(region).findByText("Samira's term renewed: it now ends Thu 27 Apr 2028.")).toBeInTheDocument();
  });

  it('ends the involvement with the reason the server suggests and whether an exit conversation was offered', async () => {
    const { api, region } = await openReviews();
    await userEvent.click(within(region).getByRole('button', { name: 'End at the end of the term' }));
    expect(within(region).getByLabelText(/Reason/)).toHaveValue('Their term of office came to an end.');
    await userEvent.click(within(region).getByRole('checkbox', { name: 'An exit conversation was offered' }));
    await userEvent.click(within(region).getByRole('button', { name: 'End the involvement' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      { id: 7, version: 5, stage: 'Active' },
      { to: 'Ended', reason: 'Their term of office came to an end.', exitConversationOffered: true },
      expect.any(String),
    );
  });

  it('records the agreements re-signed on a date, and the access needs reviewed', async () => {
    const { api, region } = await openReviews();
    await userEvent.click(within(region).getByRole('button', { name: 'Record agreements re-signed' }));
    expect(api.reconfirmAgreements).toHaveBeenCalledWith({ id: 7, version: 5 }, '2026-03-02', expect.any(String));
    await within(region).findByText("Samira's agreements recorded as re-signed on Mon 2 Mar 2026.");
    await userEvent.click(within(region).getByRole('button', { name: 'Access needs reviewed' }));
    expect(api.reviewAccessNeeds).toHaveBeenCalledWith({ id: 7, version: 5 }, expect.any(String));
    expect(await within(region).findByText("Samira's access needs review recorded; the next is due Tue 2 Mar 2027.")).toBeInTheDocument();
  });

  it('shows the server’s refusal and keeps the focus where the person is', async () => {
    const refusal = new ApiError('term-end-not-ahead', "The new end of Samira's term must be after today: choose a later date.", 422);
    const { region } = await openReviews(reviews(), { renewTerm: jest.fn(async () => Promise.reject(refusal)) });
    const renew = within(region).getByRole('button', { name: 'Renew the term' });
    await userEvent.click(renew);
    expect(await within(region).findByText("The new end of Samira's term must be after today: choose a later date.")).toBeInTheDocument();
    await waitFor(() => expect(renew).toHaveFocus());
  });

  it('offers no steps once the involvement has ended', async () => {
    const { region } = await openReviews(reviews({ serving: false, stage: 'Ended' }));
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Reviews in the agenda', () => {
  it('lists the reviews coming round by date, each opening the partner', async () => {
    const onOpen = jest.fn();
    const shown = agenda(
      [],
      [
        {
          kind: 'term',
          involvementId: 7,
          partnerId: 3,
          name: 'Samira Patel',
          roleTitle: 'Maternity voices partner',
          ownerName: 'Priya Shah',
          date: '2026-04-27',
          what: 'Term of office ends',
          overdue: false,
          daysFromToday: 56,
        },
      ],
    );
    renderInFluent(<AgendaView agenda={shown} onOpen={onOpen} downloadInvitation={jest.fn()} />);
    const list = screen.getByRole('list', { name: 'Reviews coming round (1)' });
    expect(within(list).getByText('Term of office ends')).toBeInTheDocument();
    expect(within(list).getByText('In 56 days')).toBeInTheDocument();
    await userEvent.click(within(list).getByRole('button', { name: 'Samira Patel' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ involvementId: 7 }));
  });
});
