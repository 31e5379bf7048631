/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { STAGES, type RoleActions, type RoleDescriptionForm, type RoleSummary, type TabRole } from '../../../src/tab/api/types';
import { RolesPanel } from '../../../src/tab/roles/roles-panel';
import { member, role } from '../builders';
import { fakeApi } from '../fake-api';
import { findConfirmation, renderInFluent, stubObjectUrls } from '../render';

const field = (
  id: RoleDescriptionForm['fields'][number]['id'],
  label: string,
  help: string,
  more: Partial<RoleDescriptionForm['fields'][number]> = {},
) =>
  ({ id, label, kind: 'text', multiline: false, maxLength: 255, choices: [], multiSelect: false, required: false, help, ...more }) as const;

/** Part of the template, as the server gives it, with its guidance. */
const FORM: RoleDescriptionForm = {
  intro: 'Fill in what you know now; you can save a Draft and come back.',
  fields: [
    field('title', 'Role title', 'A short, plain name people will recognise.', { required: true, maxLength: 120 }),
    field('purpose', 'Purpose: what the role is for', 'Why the role exists.', { multiline: true, maxLength: 2000 }),
    field(
      'paymentAndExpenses',
      'Payment and expenses',
      'Expenses are refunded under the [expenses policy](https://example.org/expenses).',
      {
        multiline: true,
        maxLength: 2000,
      },
    ),
    field('closingDate', 'Closing date', 'The last day to express interest.', { kind: 'date', maxLength: 0 }),
    field('level', 'Involvement level (1 open participation to 4 strategic)', 'From 1 to 4.', {
      kind: 'level',
      maxLength: 0,
      choices: ['1', '2', '3', '4'],
    }),
    field('accessibleFormats', 'Accessible formats offered', 'Formats you can offer on request.', {
      kind: 'choice',
      maxLength: 0,
      choices: ['Easy read', 'Large print'],
      multiSelect: true,
    }),
  ],
};

const NO_STEPS: RoleActions = {
  edit: false,
  markReady: false,
  backToDraft: false,
  sendAdvert: false,
  decideAdvert: false,
  markFilled: false,
  close: false,
  logInterest: false,
  reassign: false,
};

const LEAD_TIME = 'The start date is 6 weeks away. Recruiting a partner usually takes 2 to 4 months from planning to starting.';

/** A Draft role as the server answers it: what it lacks, a warning, the steps open to it and its advert. */
function draft(overrides: Partial<TabRole> = {}): TabRole {
  return {
    role: role({ id: 7, version: 2, title: 'Maternity voices partner', status: 'Draft', advertState: 'Not sent', advertUrl: null }),
    missing: ['Purpose', 'Closing date'],
    warnings: [LEAD_TIME],
    actions: { ...NO_STEPS, edit: true, markReady: true, close: true, reassign: true },
    advert: 'Maternity voices partner\n\nHow to get in touch\nContact the recruiting lead.\n',
    advertNote: '',
    ...overrides,
  };
}

const SUMMARY: RoleSummary = {
  id: 7,
  version: 2,
  title: 'Maternity voices partner',
  status: 'Draft',
  takesInterest: false,
  advertState: 'Not sent',
  closingDate: null,
  stageCounts: Object.fromEntries(STAGES.map((stage) => [stage, 0])) as RoleSummary['stageCounts'],
};

function show(api: ReturnType<typeof fakeApi>, roles: RoleSummary[] = [SUMMARY], onChanged = jest.fn()) {
  renderInFluent(<RolesPanel api={api} workstreamId={4} roles={roles} labelledBy="roles-tab" onChanged={onChanged} />);
  return onChanged;
}

async function openRole(api: ReturnType<typeof fakeApi>) {
  show(api);
  await userEvent.click(screen.getByRole('button', { name: 'Maternity voices partner' }));
  return screen.findByRole('form', { name: 'Role description' });
}

describe('the Roles view of a workstream', () => {
  it('plans a role from the template with the guidance beside each field, then opens it as the server saved it', async () => {
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      planRole: jest.fn(async () => ({ role: draft().role, missing: [], warnings: [] })),
      role: jest.fn(async () => draft()),
    });
    const onChanged = show(api, []);
    expect(screen.getByText(/No roles yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Plan a role' }));

    expect(await screen.findByRole('heading', { name: 'Plan a role' })).toHaveFocus();
    expect(screen.getByText(FORM.intro)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Role title/ })).toHaveAccessibleDescription('A short, plain name people will recognise.');
    expect(screen.getByLabelText('Closing date')).toHaveAccessibleDescription('The last day to express interest.');
    expect(screen.getByRole('group', { name: 'Accessible formats offered' })).toHaveAccessibleDescription(
      'Formats you can offer on request.',
    );

    await userEvent.type(screen.getByRole('textbox', { name: /Role title/ }), '  Maternity voices partner ');
    await userEvent.type(screen.getByRole('textbox', { name: /Purpose/ }), 'Shape maternity care.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Involvement level/ }), '4');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Large print' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save as Draft' }));

    expect(api.planRole).toHaveBeenCalledWith(
      4,
      { title: 'Maternity voices partner', purpose: 'Shape maternity care.', level: 4, accessibleFormats: ['Large print'] },
      expect.any(String),
    );
    expect(await screen.findByRole('heading', { name: 'Maternity voices partner' })).toHaveFocus();
    expect(api.role).toHaveBeenCalledWith(7, expect.anything());
    expect(screen.getByText('Saved as Draft.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows what the domain says of a role: its warnings and what is still needed before Ready', async () => {
    const api = fakeApi({ roleDescription: jest.fn(async () => FORM), role: jest.fn(async () => draft()) });
    await openRole(api);
    expect(screen.getByText(LEAD_TIME)).toBeInTheDocument();
    expect(screen.getByText('Still needed before this role can be Ready')).toBeInTheDocument();
    expect(screen.getByText('Purpose, Closing date')).toBeInTheDocument();
    expect(screen.getByText(/^Draft, recruiting lead Jo Bloggs\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send advert to the Engagement team' })).not.toBeInTheDocument();
  });

  it('saves only what was changed, at the version read', async () => {
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => draft()),
      updateRole: jest.fn(async () => ({ role: draft().role, missing: [], warnings: [] })),
    });
    await openRole(api);
    await userEvent.type(screen.getByRole('textbox', { name: /Purpose/ }), 'Shape maternity care.');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(api.updateRole).toHaveBeenCalledWith({ id: 7, version: 2 }, { purpose: 'Shape maternity care.' }, expect.any(String));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('hands the role to another member of the workstream as its recruiting lead, at the version read, offering only the others', async () => {
    const lead = draft().role;
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => draft()),
      members: jest.fn(async () => [
        member({ userId: lead.ownerId ?? '', userName: lead.ownerName ?? '' }),
        member({ id: 12, userId: 'aad-sam', userName: 'Sam Patel' }),
      ]),
      changeRoleLead: jest.fn(async () => ({ role: draft().role, missing: [], warnings: [] })),
    });
    await openRole(api);
    await userEvent.click(screen.getByRole('button', { name: 'Change recruiting lead' }));
    const form = await screen.findByRole('form', { name: 'Change recruiting lead' });
    const choice = within(form).getByRole('combobox', { name: /New recruiting lead/ });
    expect(choice).toHaveFocus();
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a member of the workstream', 'Sam Patel']);
    expect(api.members).toHaveBeenCalledWith({ workstreamId: 4 }, expect.anything());
    await userEvent.selectOptions(choice, 'aad-sam');
    await userEvent.click(within(form).getByRole('button', { name: 'Change recruiting lead' }));
    expect(api.changeRoleLead).toHaveBeenCalledWith({ id: 7, version: 2 }, 'aad-sam', expect.any(String));
    expect(await screen.findByText('Sam Patel is now the recruiting lead.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Change recruiting lead' })).not.toBeInTheDocument();
  });

  it.each([
    ['may be edited', true],
    ['may not be edited', false],
  ])('says a refused change of lead once, in the form that asked for it, when the description %s', async (_said, edit) => {
    const refusal = 'Sam Patel is no longer a member of this workstream. Choose someone who is.';
    const read = draft();
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => ({ ...read, actions: { ...read.actions, edit } })),
      members: jest.fn(async () => [member({ id: 12, userId: 'aad-sam', userName: 'Sam Patel' })]),
      changeRoleLead: jest.fn().mockRejectedValue(new ApiError('not-a-member', refusal, 422)),
    });
    show(api);
    await userEvent.click(screen.getByRole('button', { name: 'Maternity voices partner' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Change recruiting lead' }));
    const form = await screen.findByRole('form', { name: 'Change recruiting lead' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: /New recruiting lead/ }), 'aad-sam');
    await userEvent.click(within(form).getByRole('button', { name: 'Change recruiting lead' }));
    expect(await within(form).findByText(refusal)).toBeInTheDocument();
    expect(screen.getAllByText(refusal)).toHaveLength(1);
  });

  it('refuses an edit made from a stale read in the server’s words, and reads the role again rather than overwrite', async () => {
    const conflict = 'This role was changed by someone else since you opened it. Reload to see the latest, then try again.';
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest
        .fn()
        .mockResolvedValueOnce(draft())
        .mockResolvedValue(draft({ role: { ...draft().role, version: 3, purpose: 'Written by a colleague.' } })),
      updateRole: jest.fn().mockRejectedValue(new ApiError('conflict', conflict, 409)),
    });
    await openRole(api);
    await userEvent.type(screen.getByRole('textbox', { name: /Purpose/ }), 'Mine.');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.role).toHaveBeenCalledTimes(2));
    expect(await screen.findByText(conflict, { exact: false })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Purpose/ })).toHaveValue('Written by a colleague.'));
    expect(api.role).toHaveBeenCalledTimes(2);
  });

  it('marks a role Ready with what was typed, and shows a refusal for a field under that field', async () => {
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => draft()),
      moveRole: jest
        .fn()
        .mockRejectedValue(new ApiError('validation', 'Check the closing date.', 400, { closingDate: 'Closing date must be a date.' })),
    });
    await openRole(api);
    await userEvent.type(screen.getByLabelText('Closing date'), '2026-04-30');
    await userEvent.click(screen.getByRole('button', { name: 'Mark Ready' }));
    expect(api.moveRole).toHaveBeenCalledWith({ id: 7, version: 2 }, 'markRoleReady', { closingDate: '2026-04-30' }, expect.any(String));
    expect(await screen.findByText('Closing date must be a date.')).toBeInTheDocument();
    expect(screen.getByLabelText('Closing date')).toHaveAccessibleDescription(/Closing date must be a date./);
    expect(screen.queryByText('Check the closing date.')).not.toBeInTheDocument();
  });

  it('shows a refusal of a step by the steps, in the server’s words', async () => {
    const refusal = '"Maternity voices partner" cannot be Ready yet: the role description still needs purpose and closing date.';
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => draft()),
      moveRole: jest.fn().mockRejectedValue(new ApiError('description-incomplete', refusal, 422)),
    });
    const form = await openRole(api);
    await userEvent.click(screen.getByRole('button', { name: 'Mark Ready' }));
    expect(await within(form).findByText(refusal)).toBeInTheDocument();
  });

  it('sends the advert and then says, as the role is read again, that it waits for the Engagement team', async () => {
    const ready = draft({
      role: { ...draft().role, status: 'Ready' },
      missing: [],
      actions: { ...NO_STEPS, edit: true, backToDraft: true, sendAdvert: true, close: true },
    });
    const waiting = draft({
      role: { ...ready.role, version: 3, advertState: 'Awaiting approval' },
      missing: [],
      actions: { ...ready.actions, sendAdvert: false },
      advertNote: 'The advert is waiting for the Engagement team to approve it.',
    });
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn().mockResolvedValueOnce(ready).mockResolvedValue(waiting),
      moveRole: jest.fn(async () => ({ role: waiting.role, missing: [], warnings: [] })),
    });
    await openRole(api);
    await userEvent.click(screen.getByRole('button', { name: 'Send advert to the Engagement team' }));
    expect(api.moveRole).toHaveBeenCalledWith({ id: 7, version: 2 }, 'sendAdvert', {}, expect.any(String));
    expect(await screen.findByText(/The advert is waiting for the Engagement team to approve it\./)).toBeInTheDocument();
    expect(screen.getByText('The advert is sent.').closest('[tabindex="-1"]')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Send advert to the Engagement team' })).not.toBeInTheDocument();
  });

  it('asks before closing a role, and closes it only when confirmed', async () => {
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => draft()),
      moveRole: jest.fn(async () => ({ role: draft().role, missing: [], warnings: [] })),
    });
    await openRole(api);
    await userEvent.click(screen.getByRole('button', { name: 'Close the role' }));
    const dialog = await findConfirmation('Close Maternity voices partner?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it open', hidden: true }));
    expect(api.moveRole).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Close the role' }));
    const again = await findConfirmation('Close Maternity voices partner?');
    await userEvent.click(within(again).getByRole('button', { name: 'Close the role', hidden: true }));
    expect(api.moveRole).toHaveBeenCalledWith({ id: 7, version: 2 }, 'closeRole', {}, expect.any(String));
  });

  it('shows an advertised role read-only, with the steps still open to it', async () => {
    const advertised = draft({
      role: { ...draft().role, status: 'Advertised', advertState: 'Approved', purpose: 'Shape maternity care.' },
      missing: [],
      warnings: [],
      actions: { ...NO_STEPS, markFilled: true, close: true },
      advertNote: 'Advert: https://example.org/opportunities/patient-partner',
    });
    const api = fakeApi({
      roleDescription: jest.fn(async () => FORM),
      role: jest.fn(async () => advertised),
      moveRole: jest.fn(async () => ({ role: advertised.role, missing: [], warnings: [] })),
    });
    show(api);
    await userEvent.click(screen.getByRole('button', { name: 'Maternity voices partner' }));
    expect(await screen.findByText('Shape maternity care.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Role description' })).not.toBeInTheDocument();
    expect(screen.getByText(/Advert: https:\/\/example.org/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Mark Filled' }));
    expect(api.moveRole).toHaveBeenCalledWith({ id: 7, version: 2 }, 'markRoleFilled', {}, expect.any(String));
  });

  it('copies the advert text, or selects it for the person to copy where the clipboard is refused', async () => {
    const api = fakeApi({ roleDescription: jest.fn(async () => FORM), role: jest.fn(async () => draft()) });
    await openRole(api);
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await userEvent.click(screen.getByRole('button', { name: 'Copy the advert text' }));
    expect(writeText).toHaveBeenCalledWith(draft().advert);
    expect(await screen.findByText('The advert text is copied.')).toBeInTheDocument();

    writeText.mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    await userEvent.click(screen.getByRole('button', { name: 'Copy the advert text' }));
    const text = screen.getByRole('textbox', { name: 'Advert text' }) as HTMLTextAreaElement;
    await waitFor(() => expect(text).toHaveFocus());
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, draft().advert.length]);
    expect(screen.getByText(/The advert text is selected: press Ctrl\+C/)).toBeInTheDocument();
  });

  it('downloads the advert as a text file or a web page for the opportunities pages', async () => {
    stubObjectUrls();
    const api = fakeApi({ roleDescription: jest.fn(async () => FORM), role: jest.fn(async () => draft()) });
    await openRole(api);
    await userEvent.click(screen.getByRole('button', { name: 'Download the advert (.txt)' }));
    expect(api.download).toHaveBeenLastCalledWith('advertText', { roleId: 7 });
    await userEvent.click(screen.getByRole('button', { name: 'Download the advert as a web page (.html)' }));
    expect(api.download).toHaveBeenLastCalledWith('advertHtml', { roleId: 7 });
  });

  it('goes back to the list with the focus on the role that was open', async () => {
    const api = fakeApi({ roleDescription: jest.fn(async () => FORM), role: jest.fn(async () => draft()) });
    await openRole(api);
    await userEvent.click(screen.getByRole('button', { name: 'All roles' }));
    expect(screen.getByRole('button', { name: 'Maternity voices partner' })).toHaveFocus();
  });
});
