/** @jest-environment jsdom */
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import { actions, detail } from '../builders';
import { fakeApi } from '../fake-api';
import { openPanel, section } from '../panel';

describe('the one-to-one cadence in the partner panel', () => {
  it('shows the cadence set now and sets another', async () => {
    const { api, dialog } = await openPanel(detail());
    const form = within(section(dialog, 'One-to-ones')).getByRole('form', { name: 'One-to-one cadence' });
    expect(within(form).getByText('Now every 8 weeks.')).toBeInTheDocument();
    const weeks = within(form).getByRole('spinbutton', { name: 'One-to-one every (weeks)' });
    await userEvent.clear(weeks);
    await userEvent.type(weeks, '6{Enter}');
    expect(api.setCadence).toHaveBeenCalledWith(expect.objectContaining({ id: 7, version: 3 }), 6, expect.any(String));
    expect(await within(dialog).findByText('One-to-ones for Sam are now every 6 weeks.')).toBeInTheDocument();
  });

  it("shows the server's refusal under the field", async () => {
    const message = 'One-to-one every (weeks) must be at most 52.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => detail()),
      setCadence: jest.fn(async () => {
        throw new ApiError('invalid-input', 'Check the highlighted fields.', 400, { cadenceWeeks: message });
      }),
    });
    const { dialog } = await openPanel(detail(), api);
    const form = within(dialog).getByRole('form', { name: 'One-to-one cadence' });
    const weeks = within(form).getByRole('spinbutton', { name: 'One-to-one every (weeks)' });
    await userEvent.clear(weeks);
    await userEvent.type(weeks, '60');
    await userEvent.click(within(form).getByRole('button', { name: 'Set cadence' }));
    expect(await within(form).findByText(message)).toBeInTheDocument();
    expect(weeks).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(within(dialog).queryByText('Not done')).not.toBeInTheDocument();
  });

  it('is not offered when the server says the cadence cannot be set', async () => {
    const { dialog } = await openPanel(detail({ actions: actions({ setCadence: false }) }));
    expect(within(dialog).queryByRole('form', { name: 'One-to-one cadence' })).not.toBeInTheDocument();
  });
});
