/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api/parse';
import type { Dashboard, StageCounts } from '../../src/tab/api/types';
import { WorkstreamView } from '../../src/tab/workstream-view';
import { agendaItem, detail, involvement, member, row, agenda } from './builders';
import { fakeApi } from './fake-api';
import { withLayout } from './layout';
import { renderInFluent } from './render';

withLayout();

const NO_ONE = {
  Interested: 0,
  'Chat booked': 0,
  'Chat held': 0,
  Offered: 0,
  Induction: 0,
  Active: 0,
  Paused: 0,
  Ended: 0,
  'Not progressed': 0,
} satisfies StageCounts;

const DASHBOARD: Dashboard = {
  workstream: {
    id: 4,
    title: 'Maternity',
    description: 'Better maternity care.',
    teamsChannelId: null,
    version: 1,
    key: 'w4',
    created: '',
    modified: '',
  },
  today: '2026-03-02',
  roles: [
    {
      id: 3,
      version: 1,
      title: 'Patient partner',
      status: 'Advertised',
      advertState: 'Approved',
      closingDate: null,
      takesInterest: true,
      stageCounts: { ...NO_ONE, Induction: 1, Active: 1 },
    },
  ],
  rows: [row({ involvementId: 7, name: 'Samira Patel', stage: 'Induction' }), row({ involvementId: 8, name: 'Zoe Morgan' })],
  stageCounts: { ...NO_ONE, Induction: 1, Active: 1 },
  needsAttention: 0,
};

function setUp() {
  const api = fakeApi({
    dashboard: jest.fn(async () => DASHBOARD),
    agenda: jest.fn(async () => agenda([agendaItem({ involvementId: 8, name: 'Zoe Morgan' })])),
    partnerDetail: jest.fn(async () => detail()),
  });
  const onSettled = jest.fn();
  renderInFluent(<WorkstreamView api={api} workstreamId={4} onSettled={onSettled} />);
  return { api, onSettled };
}

describe('the workstream view', () => {
  it('reads the workstream in one call, and tells Teams once it has loaded', async () => {
    const { api, onSettled } = setUp();
    await screen.findByRole('heading', { level: 2, name: 'Maternity' });
    expect(api.dashboard).toHaveBeenCalledTimes(1);
    expect(api.agenda).not.toHaveBeenCalled();
    expect(onSettled).toHaveBeenCalledWith(null);
  });

  it('shows the one-to-ones agenda in one more call when its tab is chosen', async () => {
    const { api } = setUp();
    await userEvent.click(await screen.findByRole('tab', { name: 'One-to-ones' }));
    expect(await screen.findByRole('table', { name: 'Coming up (1)' })).toBeInTheDocument();
    expect(api.agenda).toHaveBeenCalledTimes(1);
    expect(api.dashboard).toHaveBeenCalledTimes(1);
  });

  it('shows each role with the people at each stage', async () => {
    setUp();
    await userEvent.click(await screen.findByRole('tab', { name: 'Roles' }));
    const role = await screen.findByRole('row', { name: /Patient partner/ });
    expect(within(role).getByText('Induction 1, Active 1')).toBeInTheDocument();
  });

  it('opens a partner in a side panel, and reads the table again after a change there', async () => {
    const { api } = setUp();
    await userEvent.click(await screen.findByRole('button', { name: 'Samira Patel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Samira Patel' });
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: 'Welcome and introductions (required)' }));
    await within(dialog).findByText('Ticked: Welcome and introductions.');
    expect(api.dashboard).toHaveBeenCalledTimes(2);
    // Still shown behind the panel, not replaced by a spinner; the modal panel hides it from assistive technology (on a timer).
    expect(screen.getByRole('heading', { level: 2, name: 'Maternity', hidden: true })).toBeInTheDocument();
  });

  it('logs interest from the partners, then reads them again and opens the new partner to acknowledge it', async () => {
    const api = fakeApi({
      dashboard: jest.fn(async () => DASHBOARD),
      interestGuidance: jest.fn(async () => ({
        log: 'Only record what the role needs.',
        consent: 'They agreed that we may hold these details',
      })),
      logInterest: jest.fn(async () => involvement({ id: 21 })),
      partnerDetail: jest.fn(async () => detail()),
    });
    renderInFluent(<WorkstreamView api={api} workstreamId={4} onSettled={jest.fn()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log interest' }));
    const form = await screen.findByRole('form', { name: 'Log interest' });
    expect(within(form).getByRole('combobox', { name: /^Role/ })).toHaveFocus();
    await userEvent.type(within(form).getByRole('textbox', { name: /^Full name/ }), 'Maya Jones');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'They agreed that we may hold these details' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Log interest' }));
    expect(api.logInterest).toHaveBeenCalledWith(
      { roleId: 3, partner: { fullName: 'Maya Jones', consentGiven: true } },
      expect.any(String),
    );
    expect(await screen.findByRole('dialog', { name: 'Samira Patel' })).toBeInTheDocument();
    expect(api.partnerDetail).toHaveBeenCalledWith(21, expect.anything());
    expect(api.dashboard).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Interest logged for Maya Jones.', { ignore: '[hidden]' })).toBeInTheDocument();
  });

  it('opens the partner a link from the bot names, at their current role, once the workstream has loaded', async () => {
    const api = fakeApi({
      dashboard: jest.fn(async () => ({
        ...DASHBOARD,
        rows: [
          ...DASHBOARD.rows,
          row({ involvementId: 20, partnerId: 42, name: 'Amir Khan', stage: 'Ended' }),
          row({ involvementId: 21, partnerId: 42, name: 'Amir Khan', stage: 'Active' }),
        ],
      })),
      partnerDetail: jest.fn(async () => detail()),
    });
    renderInFluent(<WorkstreamView api={api} workstreamId={4} linkedPartnerId={42} onSettled={jest.fn()} />);
    expect(await screen.findByRole('dialog', { name: 'Samira Patel' })).toBeInTheDocument();
    expect(api.partnerDetail).toHaveBeenCalledWith(21, expect.anything());
  });

  it('says so when the partner a link names is not in this workstream, and opens no one', async () => {
    const api = fakeApi({ dashboard: jest.fn(async () => DASHBOARD) });
    renderInFluent(<WorkstreamView api={api} workstreamId={4} linkedPartnerId={999} onSettled={jest.fn()} />);
    expect(await screen.findByText(/The partner in the link you followed is not in this workstream/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.partnerDetail).not.toHaveBeenCalled();
  });

  it("shows who is in the workstream in one more call when the People tab is chosen, and offers Teams' people picker inside Teams", async () => {
    const api = fakeApi({ dashboard: jest.fn(async () => DASHBOARD), members: jest.fn(async () => [member({ userName: 'Priya Shah' })]) });
    const pickPeople = jest.fn(async () => []);
    renderInFluent(<WorkstreamView api={api} workstreamId={4} onSettled={jest.fn()} myId="oid-me" pickPeople={pickPeople} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'People' }));
    expect(await screen.findByRole('list', { name: 'People in Maternity (1)' })).toBeInTheDocument();
    expect(api.members).toHaveBeenCalledWith({ workstreamId: 4 }, expect.anything());
    expect(api.dashboard).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Add people to Maternity' }));
    expect(pickPeople).toHaveBeenCalledWith('Add people to Maternity');
  });

  it('shows the induction template in force in one more call when the Checklist tab is chosen', async () => {
    const inductionTemplate = jest.fn(async () => ({
      revision: '',
      source: 'workstream' as const,
      guidance: ['Maternity uses its own template.'],
      items: [{ label: 'Welcome', kind: 'Task' as const, required: true }],
    }));
    const api = fakeApi({ dashboard: jest.fn(async () => DASHBOARD), inductionTemplate });
    renderInFluent(<WorkstreamView api={api} workstreamId={4} onSettled={jest.fn()} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Checklist' }));
    expect(await screen.findByRole('form', { name: 'Induction template for Maternity' })).toBeInTheDocument();
    expect(screen.getByText('Maternity uses its own template.')).toBeInTheDocument();
    expect(inductionTemplate).toHaveBeenCalledWith({ workstreamId: 4 }, expect.anything());
    expect(api.dashboard).toHaveBeenCalledTimes(1);
  });

  it("shows a refusal of access as the server's sentence, saying whom to ask, not as a fault", async () => {
    const refusal =
      'You are not a member of this workstream, so you cannot see or change its records. Ask the Engagement team or a member of the workstream to add you.';
    const api = fakeApi({ dashboard: jest.fn().mockRejectedValue(new ApiError('no-access', refusal, 403)) });
    const onSettled = jest.fn();
    renderInFluent(<WorkstreamView api={api} workstreamId={4} onSettled={onSettled} />);
    expect(await screen.findByText('You do not have access to this')).toBeInTheDocument();
    expect(screen.getByText(refusal)).toBeInTheDocument();
    expect(screen.queryByText('Could not load this workstream')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(onSettled).toHaveBeenCalledWith(null);
  });

  describe('the stage counters', () => {
    afterEach(() => window.history.replaceState(null, '', '/'));

    it('show only the partners at a stage, from any view, and the address remembers it', async () => {
      setUp();
      await userEvent.click(await screen.findByRole('tab', { name: 'One-to-ones' }));
      await userEvent.click(screen.getByRole('button', { name: /^Induction 1$/ }));
      expect(screen.getByRole('tab', { name: 'Partners' })).toHaveAttribute('aria-selected', 'true');
      expect(
        within(screen.getByRole('table', { name: 'Partners' }))
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Samira Patel']);
      expect(window.location.search).toBe('?show=Induction');
      await userEvent.click(screen.getByRole('button', { name: /^Induction 1$/ }));
      expect(within(screen.getByRole('table', { name: 'Partners' })).getAllByRole('button')).toHaveLength(2);
      expect(window.location.search).toBe('');
    });

    it('start from the stage the address names, as after a reload', async () => {
      window.history.replaceState(null, '', '/?workstream=4&show=Active');
      setUp();
      const active = await screen.findByRole('button', { name: /^Active 1$/ });
      expect(active).toHaveAttribute('aria-pressed', 'true');
      expect(
        within(screen.getByRole('table', { name: 'Partners' }))
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Zoe Morgan']);
    });
  });

  it('says what failed and offers to try again', async () => {
    const api = fakeApi({
      dashboard: jest.fn().mockRejectedValueOnce(new Error('There is no workstream with id 4.')).mockResolvedValue(DASHBOARD),
    });
    const onSettled = jest.fn();
    renderInFluent(<WorkstreamView api={api} workstreamId={4} onSettled={onSettled} />);
    expect(await screen.findByText('There is no workstream with id 4.')).toBeInTheDocument();
    expect(onSettled).toHaveBeenCalledWith('There is no workstream with id 4.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Maternity' })).toBeInTheDocument();
  });
});
