/** @jest-environment jsdom */
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { detail, member } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';

const SAM = detail();

async function startCorrecting(api = fakeApi({ partnerDetail: jest.fn(async () => SAM) })) {
  const opened = await openPanel(SAM, api);
  await userEvent.click(within(opened.dialog).getByRole('button', { name: 'Correct their details' }));
  const form = within(opened.dialog).getByRole('form', { name: 'Correct their details' });
  return { ...opened, form };
}

describe("correcting a partner's details", () => {
  it('starts from what is held, and sends only what changed, an emptied field as null', async () => {
    const { api, dialog, form } = await startCorrecting();
    const fullName = within(form).getByRole('textbox', { name: /^Full name/ });
    expect(fullName).toHaveFocus();
    expect(fullName).toHaveValue('Samira Patel');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Phone/ }), '07700 900123');
    await userEvent.clear(within(form).getByRole('textbox', { name: /^Access needs/ }));
    await userEvent.type(within(form).getByRole('textbox', { name: /^Postal address/ }), '1 High Street, Leeds');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: /^Preferred contact/ }), 'Post');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the corrections' }));
    expect(api.correctPartner).toHaveBeenCalledWith(
      expect.objectContaining({ id: 5, version: 2 }),
      { phone: '07700 900123', postalAddress: '1 High Street, Leeds', preferredContact: 'Post', accessNeeds: null },
      expect.any(String),
    );
    const done = await within(dialog).findByText("Sam's details corrected.");
    await waitFor(() => expect(within(dialog).queryByRole('form', { name: 'Correct their details' })).not.toBeInTheDocument());
    expect(document.activeElement?.contains(done)).toBe(true);
  });

  it("shows the server's message for a bad email under the email, and keeps what was typed", async () => {
    const message = 'Email must be an address like name@example.org. Leave it empty if they have none.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => SAM),
      correctPartner: jest.fn().mockRejectedValue(new ApiError('validation', message, 400, { email: message })),
    });
    const { dialog, form } = await startCorrecting(api);
    const email = within(form).getByRole('textbox', { name: /^Email/ });
    await userEvent.clear(email);
    await userEvent.type(email, 'sam at example');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the corrections' }));
    expect(await within(form).findByText(message)).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveValue('sam at example');
    // Shown once, under the field: not again above the panel.
    expect(within(dialog).getAllByText(message)).toHaveLength(1);
  });

  it("shows the server's sentence when the preferred contact has no details, in the form", async () => {
    const refusal =
      "Sam's preferred way to be contacted is Post, but there is no postal address for them. Add a postal address, or choose another way.";
    const api = fakeApi({
      partnerDetail: jest.fn(async () => SAM),
      correctPartner: jest.fn().mockRejectedValue(new ApiError('contact-method-without-details', refusal, 422)),
    });
    const { form } = await startCorrecting(api);
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: /^Preferred contact/ }), 'Post');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the corrections' }));
    expect(await within(form).findByText(refusal)).toBeInTheDocument();
  });

  it('changes nothing when cancelled, and gives the focus back to the button', async () => {
    const { api, dialog, form } = await startCorrecting();
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).getByRole('button', { name: 'Correct their details' })).toHaveFocus();
    expect(api.correctPartner).not.toHaveBeenCalled();
  });
});

describe('changing the named contact', () => {
  it('offers the other members of the workstream and hands the partner to the one chosen', async () => {
    const members = jest.fn(async () => [
      member({ id: 1, userId: 'oid-1', userName: 'Jo Bloggs' }),
      member({ id: 2, userId: 'oid-2', userName: 'Priya Shah' }),
    ]);
    const { api, dialog } = await openPanel(SAM, fakeApi({ partnerDetail: jest.fn(async () => SAM), members }));
    const named = section(dialog, 'Named contact');
    expect(within(named).getByText('Jo Bloggs looks after Sam: reminders about them go to Jo Bloggs.')).toBeInTheDocument();
    await userEvent.click(within(named).getByRole('button', { name: 'Change named contact' }));
    const choice = await within(named).findByRole('combobox', { name: /^New named contact/ });
    expect(members).toHaveBeenCalledWith({ workstreamId: 4 }, expect.anything());
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a member of the workstream', 'Priya Shah']);
    await userEvent.selectOptions(choice, 'Priya Shah');
    await userEvent.click(within(named).getByRole('button', { name: 'Change named contact' }));
    expect(api.changeNamedContact).toHaveBeenCalledWith(expect.objectContaining({ id: 7, version: 3 }), 'oid-2', expect.any(String));
    expect(await within(dialog).findByText("Priya Shah is now Sam's named contact.")).toBeInTheDocument();
  });

  it("shows the server's refusal in the form", async () => {
    const refusal =
      "Only a member of this workstream can be the named contact: they must be able to see the partner's record. Add them on the workstream's People view first, then choose them.";
    const api = fakeApi({
      partnerDetail: jest.fn(async () => SAM),
      members: jest.fn(async () => [member({ id: 2, userId: 'oid-2', userName: 'Priya Shah' })]),
      changeNamedContact: jest.fn().mockRejectedValue(new ApiError('not-a-member', refusal, 422)),
    });
    const { dialog } = await openPanel(SAM, api);
    const named = section(dialog, 'Named contact');
    await userEvent.click(within(named).getByRole('button', { name: 'Change named contact' }));
    await userEvent.selectOptions(await within(named).findByRole('combobox', { name: /^New named contact/ }), 'Priya Shah');
    await userEvent.click(within(named).getByRole('button', { name: 'Change named contact' }));
    expect(await within(within(named).getByRole('form', { name: 'Change named contact' })).findByText(refusal)).toBeInTheDocument();
  });
});
