/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../../../src/tab/api/client';
import { ApiError } from '../../../src/tab/api/parse';
import type { InductionTemplate } from '../../../src/tab/api/types';
import { TemplateEditor } from '../../../src/tab/induction/template-editor';
import { fakeApi } from '../fake-api';
import { renderInFluent } from '../render';

const APPLIES = 'Changes apply to inductions started after you save.';

const ORGANISATION: InductionTemplate = {
  source: 'organisation',
  revision: '',
  guidance: ['Maternity uses the organisation’s template.', APPLIES],
  items: [
    { label: 'Welcome and introductions', kind: 'Task', required: true },
    { label: 'Confidentiality agreement signed', kind: 'Agreement', required: true },
    { label: 'First one-to-one booked', kind: 'One-to-one booked', required: false },
  ],
};

function setUp(api: jest.Mocked<ApiClient>) {
  renderInFluent(<TemplateEditor api={api} owner={{ workstreamId: 4 }} ownerName="Maternity" />);
}

const withTemplate = (template: InductionTemplate = ORGANISATION, overrides: Partial<ApiClient> = {}) =>
  fakeApi({ inductionTemplate: jest.fn().mockResolvedValue(template), ...overrides });

const item = (n: number) => screen.getByRole('group', { name: `Item ${n}` });
const labels = () => screen.getAllByRole('textbox', { name: /Label/ }).map((input) => (input as HTMLInputElement).value);

describe('the induction template view', () => {
  it("reads the template in force once, shows each item with its kind and whether it is required, and the server's guidance on whose it is and when it applies", async () => {
    const api = withTemplate();
    setUp(api);
    expect(await screen.findByText('Maternity uses the organisation’s template.')).toBeInTheDocument();
    expect(screen.getByText(APPLIES)).toBeInTheDocument();
    expect(api.inductionTemplate).toHaveBeenCalledTimes(1);
    expect(api.inductionTemplate).toHaveBeenCalledWith({ workstreamId: 4 }, expect.anything());
    expect(labels()).toEqual(['Welcome and introductions', 'Confidentiality agreement signed', 'First one-to-one booked']);
    expect(within(item(2)).getByRole('combobox', { name: 'Kind' })).toHaveValue('Agreement');
    expect(within(item(1)).getByRole('checkbox', { name: 'Required before Active' })).toBeChecked();
    expect(within(item(3)).getByRole('checkbox', { name: 'Required before Active' })).not.toBeChecked();
  });

  it('edits a label, marks an item required, changes a kind, adds and removes items, saves every item in order, and reads the guidance again', async () => {
    const user = userEvent.setup();
    const inductionTemplate = jest
      .fn()
      .mockResolvedValueOnce(ORGANISATION)
      .mockResolvedValueOnce({
        ...ORGANISATION,
        source: 'workstream',
        revision: '+',
        guidance: ['Maternity uses its own template.', APPLIES],
      });
    const api = withTemplate(ORGANISATION, { inductionTemplate });
    setUp(api);
    const first = await screen.findByRole('group', { name: 'Item 1' });
    await user.clear(within(first).getByRole('textbox', { name: /Label/ }));
    await user.type(within(first).getByRole('textbox', { name: /Label/ }), 'Welcome to Maternity voices');
    await user.click(within(item(3)).getByRole('checkbox', { name: 'Required before Active' }));
    await user.click(within(item(2)).getByRole('button', { name: 'Remove item 2' }));
    expect(within(item(2)).getByRole('button', { name: 'Remove item 2' })).toHaveFocus();
    expect(screen.getByText('"Confidentiality agreement signed" removed. 2 items left.')).toHaveAttribute('aria-live', 'polite');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    expect(within(item(3)).getByRole('textbox', { name: /Label/ })).toHaveFocus();
    expect(screen.getByText('Item 3 added at the end.')).toHaveAttribute('aria-live', 'polite');
    await user.keyboard('Peer Support Network invitation sent');
    await user.selectOptions(within(item(3)).getByRole('combobox', { name: 'Kind' }), 'Peer Support Network invitation');
    const save = screen.getByRole('button', { name: 'Save template' });
    await user.click(save);
    expect(api.setInductionTemplate).toHaveBeenCalledWith(
      { workstreamId: 4 },
      [
        expect.objectContaining({ label: 'Welcome to Maternity voices', kind: 'Task', required: true }),
        expect.objectContaining({ label: 'First one-to-one booked', kind: 'One-to-one booked', required: true }),
        expect.objectContaining({
          label: 'Peer Support Network invitation sent',
          kind: 'Peer Support Network invitation',
          required: false,
        }),
      ],
      '',
    );
    expect(await screen.findByText('Template saved.')).toBeInTheDocument();
    expect(await screen.findByText('Maternity uses its own template.')).toBeInTheDocument();
    expect(labels()).toEqual(['Welcome to Maternity voices', 'First one-to-one booked', 'Peer Support Network invitation sent']);
    expect(save).toHaveFocus();
    expect(screen.queryByText('Someone else has saved this template since you opened it.')).not.toBeInTheDocument();
  });

  it('saved by someone else meanwhile: the save is refused, the edits stay, and the saved template is shown when asked; the next save is based on it', async () => {
    const user = userEvent.setup();
    const theirs: InductionTemplate = {
      ...ORGANISATION,
      source: 'workstream',
      revision: '21.1',
      items: [{ label: 'Their new first item', kind: 'Task', required: true }],
    };
    const inductionTemplate = jest.fn().mockResolvedValueOnce(ORGANISATION).mockResolvedValue(theirs);
    const setInductionTemplate = jest
      .fn()
      .mockRejectedValueOnce(
        new ApiError(
          'conflict',
          'This induction template was changed by someone else since you opened it. Reload to see the latest, then try again.',
          409,
        ),
      )
      .mockResolvedValueOnce({ ...theirs, revision: '22.1' });
    const api = withTemplate(ORGANISATION, { inductionTemplate, setInductionTemplate });
    setUp(api);
    await user.type(within(await screen.findByRole('group', { name: 'Item 1' })).getByRole('textbox', { name: /Label/ }), ' (mine)');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText(/changed by someone else since you opened it/)).toBeInTheDocument();
    expect(await screen.findByText('Someone else has saved this template since you opened it.')).toBeInTheDocument();
    expect(labels()[0]).toBe('Welcome and introductions (mine)');
    await user.click(screen.getByRole('button', { name: 'Show the saved template' }));
    expect(labels()).toEqual(['Their new first item']);
    expect(within(item(1)).getByRole('textbox', { name: /Label/ })).toHaveFocus();
    expect(screen.queryByText('Someone else has saved this template since you opened it.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(setInductionTemplate).toHaveBeenLastCalledWith(
      { workstreamId: 4 },
      [expect.objectContaining({ label: 'Their new first item' })],
      '21.1',
    );
    expect(await screen.findByText('Template saved.')).toBeInTheDocument();
  });

  it('moves an item up and down with buttons that keep the focus, as the keyboard uses them', async () => {
    const user = userEvent.setup();
    const api = withTemplate();
    setUp(api);
    const down = within(await screen.findByRole('group', { name: 'Item 1' })).getByRole('button', { name: 'Move down item 1' });
    down.focus();
    await user.keyboard('{Enter}');
    expect(labels()).toEqual(['Confidentiality agreement signed', 'Welcome and introductions', 'First one-to-one booked']);
    expect(within(item(2)).getByRole('button', { name: 'Move down item 2' })).toHaveFocus();
    expect(screen.getByText('"Welcome and introductions" is now item 2 of 3.')).toHaveAttribute('aria-live', 'polite');
    await user.keyboard(' ');
    expect(labels()).toEqual(['Confidentiality agreement signed', 'First one-to-one booked', 'Welcome and introductions']);
    const last = within(item(3)).getByRole('button', { name: 'Move down item 3' });
    expect(last).toHaveFocus();
    expect(last).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(item(2)).getByRole('button', { name: 'Move up item 2' }));
    expect(labels()).toEqual(['First one-to-one booked', 'Confidentiality agreement signed', 'Welcome and introductions']);
    expect(within(item(1)).getByRole('button', { name: 'Move up item 1' })).toHaveFocus();
    expect(screen.getByText('"First one-to-one booked" is now item 1 of 3.')).toHaveAttribute('aria-live', 'polite');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(api.setInductionTemplate.mock.calls[0][1].map((sent) => sent.label)).toEqual([
      'First one-to-one booked',
      'Confidentiality agreement signed',
      'Welcome and introductions',
    ]);
  });

  it("shows the server's message for a field under that field, and its sentence when the refusal is not about one", async () => {
    const user = userEvent.setup();
    const setInductionTemplate = jest
      .fn()
      .mockRejectedValueOnce(new ApiError('validation', 'Items is required.', 400, { 'items.2.label': 'Items is required.' }))
      .mockRejectedValueOnce(new ApiError('no-access', 'Only the Engagement team can do this.', 403));
    const api = withTemplate(ORGANISATION, { setInductionTemplate });
    setUp(api);
    await user.clear(within(await screen.findByRole('group', { name: 'Item 3' })).getByRole('textbox', { name: /Label/ }));
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await within(item(3)).findByText('Items is required.')).toBeInTheDocument();
    expect(screen.queryByText('Not done')).not.toBeInTheDocument();
    await user.type(within(item(3)).getByRole('textbox', { name: /Label/ }), 'First one-to-one');
    expect(within(item(3)).queryByText('Items is required.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Only the Engagement team can do this.')).toBeInTheDocument();
    expect(screen.getByText('Not done')).toBeInTheDocument();
  });

  it("reads the organisation's template for the Engagement team and saves it as the organisation's", async () => {
    const user = userEvent.setup();
    const api = withTemplate({ ...ORGANISATION, source: 'default', guidance: ['The organisation has not saved a template yet.'] });
    renderInFluent(<TemplateEditor api={api} owner="organisation" ownerName="the organisation" />);
    expect(await screen.findByText('The organisation has not saved a template yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(api.setInductionTemplate).toHaveBeenCalledWith('organisation', expect.any(Array), '');
    expect(await screen.findByText('Template saved.')).toBeInTheDocument();
    expect(api.inductionTemplate).toHaveBeenLastCalledWith('organisation', expect.anything());
  });
});
