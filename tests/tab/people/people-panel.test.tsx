/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../../../src/tab/api/client';
import { ApiError } from '../../../src/tab/api/parse';
import { PeoplePanel } from '../../../src/tab/people/people-panel';
import { member } from '../builders';
import { addColleague } from './add-colleague';
import { fakeApi } from '../fake-api';
import { findConfirmation, renderInFluent } from '../render';

const NOT_A_MEMBER =
  'You are not a member of this workstream, so you cannot see or change its records. Ask the Engagement team or a member of the workstream to add you.';
const REMOVAL = "They will no longer see this workstream's partners, roles or one-to-ones.";

const PRIYA = member({ id: 2, userId: 'oid-priya', userName: 'Priya Shah' });
const ME = member({ id: 3, userId: 'oid-me', userName: 'Jo Bloggs' });

function setUp(
  api: jest.Mocked<ApiClient>,
  pickPeople: ((title: string) => Promise<Array<{ userId: string; userName: string }>>) | null = null,
) {
  renderInFluent(
    <PeoplePanel
      api={api}
      group={{ workstreamId: 4 }}
      groupName="Maternity"
      intro="Members see the workstream's partners."
      removalMeans={REMOVAL}
      myId="oid-me"
      pickPeople={pickPeople}
    />,
  );
}

const withMembers = (...lists: Array<ReturnType<typeof member>[]>) => {
  const members = jest.fn();
  for (const list of lists) members.mockResolvedValueOnce(list);
  members.mockResolvedValue(lists[lists.length - 1]);
  return fakeApi({ members });
};

describe('the People panel', () => {
  it('lists who is in the workstream, read in one call, and marks the person signed in', async () => {
    const api = withMembers([PRIYA, ME]);
    setUp(api);
    const list = await screen.findByRole('list', { name: 'People in Maternity (2)' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Priya ShahRemove', 'Jo BloggsYouRemove']);
    expect(api.members).toHaveBeenCalledTimes(1);
    expect(api.members).toHaveBeenCalledWith({ workstreamId: 4 }, expect.anything());
  });

  it('adds a colleague by name and Entra object id outside Teams, then reads the list again', async () => {
    const api = withMembers([ME], [ME, PRIYA]);
    setUp(api);
    const form = await screen.findByRole('form', { name: 'Add a colleague to Maternity' });
    await addColleague(form, 'Priya Shah', 'oid-priya');
    expect(await screen.findByText('Added Priya Shah to Maternity.')).toBeInTheDocument();
    expect(api.addMember).toHaveBeenCalledWith({ workstreamId: 4 }, { userId: 'oid-priya', userName: 'Priya Shah' });
    expect(await screen.findByRole('list', { name: 'People in Maternity (2)' })).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Name/ })).toHaveValue('');
  });

  it("shows the server's message for each field under that field", async () => {
    const api = withMembers([ME]);
    api.addMember.mockRejectedValue(
      new ApiError('validation', 'Please correct 2 things: Person (Entra object id) is required. Name is required.', 400, {
        userId: 'Person (Entra object id) is required.',
        userName: 'Name is required.',
      }),
    );
    setUp(api);
    const form = await screen.findByRole('form', { name: 'Add a colleague to Maternity' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add to Maternity' }));
    const name = within(form).getByRole('textbox', { name: /^Name/ });
    const id = within(form).getByRole('textbox', { name: /^Entra object id/ });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toBe('Name is required.');
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Person (Entra object id) is required.')).toBeInTheDocument();
  });

  it('says when someone added is already in the workstream, without asking the server again', async () => {
    const api = withMembers([PRIYA]);
    setUp(api);
    const form = await screen.findByRole('form', { name: 'Add a colleague to Maternity' });
    await addColleague(form, 'Priya', 'oid-priya');
    expect(await screen.findByText('Priya is already in Maternity.')).toBeInTheDocument();
    expect(api.addMember).not.toHaveBeenCalled();
  });

  it('removes someone only after a confirmation that says what it means for them', async () => {
    const api = withMembers([PRIYA, ME], [ME]);
    setUp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Priya Shah' }));
    const dialog = await findConfirmation('Remove Priya Shah from Maternity?');
    expect(within(dialog).getByText(REMOVAL)).toBeInTheDocument();
    expect(api.removeMember).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove Priya Shah', hidden: true }));
    expect(await screen.findByText('Priya Shah removed from Maternity.')).toBeInTheDocument();
    expect(api.removeMember).toHaveBeenCalledWith(PRIYA);
    expect(await screen.findByRole('list', { name: 'People in Maternity (1)' })).toBeInTheDocument();
  });

  it('keeps them when the confirmation is cancelled, and warns someone removing themselves', async () => {
    const api = withMembers([PRIYA, ME]);
    setUp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Jo Bloggs' }));
    const dialog = await findConfirmation('Remove Jo Bloggs from Maternity?');
    expect(within(dialog).getByText(/This is you/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument());
    expect(api.removeMember).not.toHaveBeenCalled();
  });

  it("shows the server's refusal in its own words when a removal is refused", async () => {
    const api = withMembers([PRIYA, ME]);
    api.removeMember.mockRejectedValue(new ApiError('no-access', NOT_A_MEMBER, 403));
    setUp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Priya Shah' }));
    await userEvent.click(
      within(await findConfirmation('Remove Priya Shah from Maternity?')).getByRole('button', { name: 'Remove Priya Shah', hidden: true }),
    );
    expect(await screen.findByText('Not done')).toBeInTheDocument();
    expect(screen.getByText(NOT_A_MEMBER)).toBeInTheDocument();
  });

  it("says plainly when the person may not see the workstream's people, with the server's sentence", async () => {
    const api = fakeApi({ members: jest.fn().mockRejectedValue(new ApiError('no-access', NOT_A_MEMBER, 403)) });
    setUp(api);
    expect(await screen.findByText('You do not have access to this')).toBeInTheDocument();
    expect(screen.getByText(NOT_A_MEMBER)).toBeInTheDocument();
    expect(screen.queryByText('Could not load the people')).not.toBeInTheDocument();
  });

  it("inside Teams adds the colleagues chosen in Teams' people picker, and nobody when it is closed", async () => {
    const api = withMembers([ME]);
    const pickPeople = jest
      .fn()
      .mockResolvedValueOnce([
        { userId: 'oid-priya', userName: 'Priya Shah' },
        { userId: 'oid-sam', userName: 'Sam Lee' },
      ])
      .mockResolvedValueOnce([]);
    setUp(api, pickPeople);
    expect(await screen.findByText('Jo Bloggs')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add people to Maternity' }));
    expect(await screen.findByText('Added Priya Shah and Sam Lee to Maternity.')).toBeInTheDocument();
    expect(pickPeople).toHaveBeenCalledWith('Add people to Maternity');
    expect(api.addMember.mock.calls).toEqual([
      [{ workstreamId: 4 }, { userId: 'oid-priya', userName: 'Priya Shah' }],
      [{ workstreamId: 4 }, { userId: 'oid-sam', userName: 'Sam Lee' }],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Add people to Maternity' }));
    expect(await screen.findByText('Nobody was added.')).toBeInTheDocument();
    expect(api.addMember).toHaveBeenCalledTimes(2);
  });
});
