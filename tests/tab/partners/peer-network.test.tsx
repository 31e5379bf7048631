/** @jest-environment jsdom */
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { actions, detail, partner } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';

const INVITED = detail({
  partner: partner({ peerNetworkStatus: 'Invited', peerNetworkDate: '2026-02-01' }),
  actions: actions({ invitePeerNetwork: false, recordPeerNetworkAnswer: true, withdrawPeerNetworkInvitation: true }),
});

describe('the Peer Support Network in the partner panel', () => {
  it('records that an invited partner joined, and keeps the focus in the panel', async () => {
    const { api, dialog } = await openPanel(INVITED);
    const network = section(dialog, 'Peer Support Network');
    expect(within(network).getByText('Sam was invited on Sun 1 Feb 2026 and has not answered yet.')).toBeInTheDocument();
    const joined = within(network).getByRole('button', { name: 'Record that they joined' });
    await userEvent.click(joined);
    expect(api.recordPeerNetworkAnswer).toHaveBeenCalledWith(expect.objectContaining({ id: 5, version: 2 }), 'Joined', expect.any(String));
    expect(await within(dialog).findByText('Recorded: Sam joined the Peer Support Network.')).toBeInTheDocument();
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
  });

  it('records that they declined', async () => {
    const { api, dialog } = await openPanel(INVITED);
    await userEvent.click(within(section(dialog, 'Peer Support Network')).getByRole('button', { name: 'Record that they declined' }));
    expect(api.recordPeerNetworkAnswer).toHaveBeenCalledWith(expect.anything(), 'Declined', expect.any(String));
  });

  it('takes back an invitation not yet answered', async () => {
    const { api, dialog } = await openPanel(INVITED);
    await userEvent.click(within(section(dialog, 'Peer Support Network')).getByRole('button', { name: 'Take back the invitation' }));
    expect(api.withdrawPeerNetworkInvitation).toHaveBeenCalledWith(expect.objectContaining({ id: 5, version: 2 }), expect.any(String));
    expect(await within(dialog).findByText('The invitation to the Peer Support Network is taken back for Sam.')).toBeInTheDocument();
  });

  it('invites a partner not invited yet', async () => {
    const { api, dialog } = await openPanel(
      detail({
        partner: partner({ peerNetworkStatus: 'Not invited', peerNetworkDate: null }),
        actions: actions({ invitePeerNetwork: true, recordPeerNetworkAnswer: false, withdrawPeerNetworkInvitation: false }),
      }),
    );
    const network = section(dialog, 'Peer Support Network');
    expect(within(network).getByText('Sam has not been invited to the Peer Support Network.')).toBeInTheDocument();
    await userEvent.click(within(network).getByRole('button', { name: 'Record invitation sent today' }));
    expect(api.invitePeerNetwork).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }), expect.any(String));
  });

  it('offers only what the server says is open', async () => {
    const { dialog } = await openPanel(
      detail({
        partner: partner({ peerNetworkStatus: 'Joined', peerNetworkDate: '2026-02-10' }),
        actions: actions({ invitePeerNetwork: false, recordPeerNetworkAnswer: true, withdrawPeerNetworkInvitation: false }),
      }),
    );
    const network = section(dialog, 'Peer Support Network');
    expect(
      within(network)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Record that they declined']);
  });

  it('offers nothing when the server offers nothing', async () => {
    const { dialog } = await openPanel(
      detail({
        partner: partner({ peerNetworkStatus: 'Invited' }),
        actions: actions({ invitePeerNetwork: false, recordPeerNetworkAnswer: false, withdrawPeerNetworkInvitation: false }),
      }),
    );
    expect(within(section(dialog, 'Peer Support Network')).queryByRole('button')).not.toBeInTheDocument();
  });

  it("shows the server's refusal", async () => {
    const refusal = 'Sam has joined the Peer Support Network, so the invitation cannot be taken back.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => INVITED),
      withdrawPeerNetworkInvitation: jest.fn(async () => {
        throw new ApiError('invitation-answered', refusal, 422);
      }),
    });
    const { dialog } = await openPanel(INVITED, api);
    await userEvent.click(within(section(dialog, 'Peer Support Network')).getByRole('button', { name: 'Take back the invitation' }));
    expect(await within(dialog).findByText(refusal)).toBeInTheDocument();
  });
});
