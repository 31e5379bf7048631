/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../../../src/tab/api/client';
import type { PartnerDetail } from '../../../src/tab/api/types';
import { PartnerDrawer } from '../../../src/tab/partner-drawer';
import { actions, activeActions, detail } from '../builders';
import { fakeApi } from '../fake-api';
import { findConfirmation, renderInFluent, stubObjectUrls } from '../render';

const TODAY = '2026-03-02';

const ACTIVE = detail({
  involvement: { ...detail().involvement, stage: 'Active' },
  checklist: [],
  induction: null,
  actions: activeActions(),
});
const WITHOUT_NOTES_CONSENT: PartnerDetail = { ...ACTIVE, partner: { ...ACTIVE.partner, notesConsent: false, notesConsentDate: null } };
const ERASED: PartnerDetail = {
  ...ACTIVE,
  name: 'Erased partner 5',
  partner: {
    ...ACTIVE.partner,
    fullName: 'Erased partner 5',
    preferredName: null,
    email: null,
    accessNeeds: null,
    notesConsent: false,
    notesConsentDate: null,
    erasedDate: TODAY,
  },
};

async function openPanel(
  shown: PartnerDetail,
  {
    engagementTeam = false,
    api = fakeApi({ partnerDetail: jest.fn(async () => shown) }),
  }: { engagementTeam?: boolean; api?: jest.Mocked<ApiClient> } = {},
) {
  renderInFluent(
    <PartnerDrawer
      api={api}
      open
      involvementId={7}
      name="Samira Patel"
      today={TODAY}
      engagementTeam={engagementTeam}
      onClose={jest.fn()}
      onChanged={jest.fn()}
    />,
  );
  const dialog = await screen.findByRole('dialog', { name: shown.partner.fullName });
  await within(dialog).findByRole('heading', { name: 'One-to-ones' });
  return { api, dialog };
}

describe('consent in the partner panel', () => {
  it('shows both consents with their dates in plain words', async () => {
    const { dialog } = await openPanel(ACTIVE);
    const consent = within(dialog).getByRole('region', { name: 'Consent' });
    expect(within(consent).getByText('To hold their details').nextElementSibling?.textContent).toBe('Given on Mon 12 Jan 2026');
    expect(within(consent).getByText('To notes about their experience').nextElementSibling?.textContent).toBe('Given on Mon 12 Jan 2026');
  });

  it('records consent to notes, then reads the partner again', async () => {
    const { api, dialog } = await openPanel(WITHOUT_NOTES_CONSENT);
    const consent = within(dialog).getByRole('region', { name: 'Consent' });
    expect(within(consent).getByText('To notes about their experience').nextElementSibling?.textContent).toBe('Not given');
    await userEvent.click(within(consent).getByRole('button', { name: 'Record consent to notes (today)' }));
    expect(api.recordNotesConsent).toHaveBeenCalledWith(expect.objectContaining({ id: 5, version: 2 }));
    expect(await within(dialog).findByText('Consent to notes recorded for Sam, dated today.')).toBeInTheDocument();
    expect(api.partnerDetail).toHaveBeenCalledTimes(2);
  });

  it('withdraws consent only after a confirmation saying the notes are deleted from every workstream', async () => {
    const { api, dialog } = await openPanel(ACTIVE);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw consent to notes' }));
    const confirm = await findConfirmation("Withdraw Sam's consent to notes?");
    expect(within(confirm).getByText(/will be deleted from every workstream/)).toBeInTheDocument();
    expect(api.withdrawNotesConsent).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Withdraw and delete the notes', hidden: true }));
    expect(api.withdrawNotesConsent).toHaveBeenCalledWith(expect.objectContaining({ id: 5, version: 2 }));
    expect(await screen.findByText(/Consent to notes withdrawn for Sam/)).toBeInTheDocument();
  });

  it('keeps consent when the withdrawal is cancelled', async () => {
    const { api, dialog } = await openPanel(ACTIVE);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw consent to notes' }));
    await userEvent.click(
      within(await findConfirmation("Withdraw Sam's consent to notes?")).getByRole('button', { name: 'Cancel', hidden: true }),
    );
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument());
    expect(api.withdrawNotesConsent).not.toHaveBeenCalled();
  });
});

describe('the notes box', () => {
  it('is there for a one-to-one and the informal chat when they consented to notes', async () => {
    const { dialog } = await openPanel(ACTIVE);
    expect(
      within(within(dialog).getByRole('form', { name: 'Record a one-to-one that was held' })).getByRole('textbox', { name: /^Notes/ }),
    ).toBeInTheDocument();
  });

  it('says why it is unavailable without consent, and offers to record consent instead', async () => {
    const { api, dialog } = await openPanel(WITHOUT_NOTES_CONSENT);
    const held = within(dialog).getByRole('form', { name: 'Record a one-to-one that was held' });
    expect(within(held).queryByRole('textbox', { name: /^Notes/ })).not.toBeInTheDocument();
    expect(within(held).getByText(/Sam has not given explicit consent to notes about their experience/)).toBeInTheDocument();
    await userEvent.click(within(held).getByRole('button', { name: "Record Sam's consent to notes" }));
    expect(api.recordNotesConsent).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }));
  });

  it('is unavailable for the informal chat outcome without consent', async () => {
    const chatBooked: PartnerDetail = {
      ...WITHOUT_NOTES_CONSENT,
      involvement: { ...ACTIVE.involvement, stage: 'Chat booked' },
      actions: actions({
        nextStages: ['Chat held', 'Not progressed'],
        bookChat: true,
        holdChat: true,
        changeChecklist: false,
        activate: false,
        bookOneToOne: false,
        recordOneToOne: false,
      }),
    };
    const { api, dialog } = await openPanel(chatBooked);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Chat held');
    expect(within(dialog).queryByRole('textbox', { name: /Notes from the chat/ })).not.toBeInTheDocument();
    expect(within(dialog).getAllByText(/has not given explicit consent to notes/).length).toBeGreaterThan(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the chat as held' }));
    expect(api.changeStage).toHaveBeenCalledWith(expect.anything(), { to: 'Chat held', notes: '' }, expect.any(String));
  });
});

describe("the Engagement team's data protection actions", () => {
  it('are not offered to anyone else', async () => {
    const { dialog } = await openPanel(ACTIVE);
    expect(within(dialog).queryByRole('button', { name: /Download their data/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Erase their personal data' })).not.toBeInTheDocument();
  });

  it('download their data as JSON and as a readable summary', async () => {
    const { api, dialog } = await openPanel(ACTIVE, { engagementTeam: true });
    const { created } = stubObjectUrls();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download their data (JSON)' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download their data as a readable summary' }));
    expect(api.download.mock.calls).toEqual([
      ['personalDataJson', { partnerId: 5 }],
      ['personalDataText', { partnerId: 5 }],
    ]);
    expect(created).toHaveLength(2);
  });

  it('erase only once their full name is typed, after saying what is erased and what is kept', async () => {
    const { api, dialog } = await openPanel(ACTIVE, { engagementTeam: true });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erase their personal data' }));
    const confirm = await findConfirmation("Erase Samira Patel's personal data?");
    expect(within(confirm).getByText(/their name, contact details, access needs/)).toBeInTheDocument();
    expect(within(confirm).getByText(/Kept, without anything that names them/)).toBeInTheDocument();
    expect(within(confirm).getByText(ACTIVE.claimsKeptOnErasure)).toBeInTheDocument();
    const erase = within(confirm).getByRole('button', { name: 'Erase their personal data', hidden: true });
    expect(erase.hasAttribute('disabled')).toBe(true);
    const name = within(confirm).getByRole('textbox', { name: /Type their full name/, hidden: true });
    await userEvent.type(name, 'Samira');
    expect(erase.hasAttribute('disabled')).toBe(true);
    await userEvent.type(name, ' patel');
    expect(erase.hasAttribute('disabled')).toBe(false);
    await userEvent.click(erase);
    expect(api.erasePartner).toHaveBeenCalledWith(expect.objectContaining({ id: 5, version: 2 }));
  });

  it('after erasure the panel shows the erased state, with nothing that would add personal data', async () => {
    const partnerDetail = jest.fn().mockResolvedValueOnce(ACTIVE).mockResolvedValue(ERASED);
    const kept = '1 claim was kept as financial records, as HMRC requires for six years.';
    const erasePartner = jest.fn(async () => kept);
    const { dialog } = await openPanel(ACTIVE, { engagementTeam: true, api: fakeApi({ partnerDetail, erasePartner }) });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erase their personal data' }));
    const confirm = await findConfirmation("Erase Samira Patel's personal data?");
    await userEvent.type(within(confirm).getByRole('textbox', { name: /Type their full name/, hidden: true }), 'Samira Patel');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Erase their personal data', hidden: true }));
    const erased = await screen.findByRole('dialog', { name: 'Erased partner 5' });
    expect(within(erased).getByText(/Their personal data was erased on Mon 2 Mar 2026/)).toBeInTheDocument();
    expect(await screen.findByText(`Personal data erased: they are now listed as Erased partner 5. ${kept}`)).toBeInTheDocument();
    expect(within(erased).queryByRole('combobox', { name: 'Next step' })).not.toBeInTheDocument();
    expect(within(erased).queryByRole('button', { name: /consent to notes/ })).not.toBeInTheDocument();
    expect(within(erased).queryByRole('form', { name: 'Record a one-to-one that was held' })).not.toBeInTheDocument();
    expect(within(erased).queryByRole('button', { name: 'Erase their personal data' })).not.toBeInTheDocument();
  });
});
