/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api/parse';
import { PartnerDrawer } from '../../src/tab/partner-drawer';
import { actions, bookedOn, detail } from './builders';
import { fakeApi } from './fake-api';
import { renderInFluent, stubObjectUrls } from './render';

const TODAY = '2026-03-02';

async function openDrawer(api = fakeApi({ partnerDetail: jest.fn(async () => detail()) })) {
  const onChanged = jest.fn();
  const onClose = jest.fn();
  renderInFluent(
    <PartnerDrawer api={api} open involvementId={7} name="Samira Patel" today={TODAY} onClose={onClose} onChanged={onChanged} />,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Samira Patel' });
  await within(dialog).findByRole('heading', { name: 'Induction checklist' });
  return { api, dialog, onChanged, onClose };
}

describe('the partner panel', () => {
  it("shows the partner's contact details and access needs", async () => {
    const { dialog } = await openDrawer();
    expect(within(dialog).getByText('Captions on in video calls')).toBeInTheDocument();
    expect(within(dialog).getByText('sam@example.org')).toBeInTheDocument();
    expect(within(dialog).getAllByText('Not given').length).toBeGreaterThan(0);
  });

  it('ticks an item, then reads the partner and the table again', async () => {
    const { api, dialog, onChanged } = await openDrawer();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Welcome and introductions (required)' }));
    expect(api.completeTask).toHaveBeenCalledWith(expect.objectContaining({ id: 11, version: 1 }), expect.any(String), undefined);
    expect(await within(dialog).findByText('Ticked: Welcome and introductions.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(api.partnerDetail).toHaveBeenCalledTimes(2);
  });

  it("shows the server's refusal in its own words when a stage change breaks a rule", async () => {
    const refusal = 'Sam cannot become Active: the confidentiality agreement is not signed yet.';
    const api = fakeApi({
      partnerDetail: jest.fn(async () => detail()),
      changeStage: jest.fn(async () => {
        throw new ApiError('checklist-incomplete', refusal, 422);
      }),
    });
    const { dialog } = await openDrawer(api);
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Active');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make active' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.objectContaining({ id: 7, version: 3, stage: 'Induction' }),
      { to: 'Active' },
      expect.any(String),
    );
    expect(await within(dialog).findByText(refusal)).toBeInTheDocument();
    expect(within(dialog).getByText('Not done')).toBeInTheDocument();
  });

  it('asks for a reason before a partner is not progressed, and sends it', async () => {
    const { api, dialog } = await openDrawer();
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Next step' }), 'Not progressed');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Chose another role for now');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Not this time (not progressed)' }));
    expect(api.changeStage).toHaveBeenCalledWith(
      expect.anything(),
      { to: 'Not progressed', reason: 'Chose another role for now', criteria: {} },
      expect.any(String),
    );
  });

  it('books a one-to-one on a date and time', async () => {
    const { api, dialog } = await openDrawer();
    const form = within(dialog).getByRole('form', { name: 'Book a one-to-one' });
    await userEvent.type(within(form).getByLabelText(/^Date/), '2026-03-20');
    await userEvent.type(within(form).getByLabelText('Time (optional)'), '10:30');
    await userEvent.click(within(form).getByRole('button', { name: 'Book one-to-one' }));
    expect(api.bookOneToOne).toHaveBeenCalledWith(7, { date: '2026-03-20', time: '10:30', where: '' }, expect.any(String));
    expect(await within(dialog).findByText('One-to-one booked.')).toBeInTheDocument();
  });

  it('records a booked one-to-one as held, and offers its invitation', async () => {
    const api = fakeApi({
      partnerDetail: jest.fn(async () =>
        detail({
          oneToOnes: [bookedOn(TODAY, { time: '09:00', where: 'Teams' })],
          actions: actions({ bookOneToOne: false, changeBookedOneToOne: true }),
        }),
      ),
    });
    const { dialog } = await openDrawer(api);
    stubObjectUrls();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download the invitation for Mon 2 Mar 2026' }));
    expect(api.download).toHaveBeenCalledWith('invitation', { oneToOneId: 31 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record Mon 2 Mar 2026 as held' }));
    expect(api.recordHeld).toHaveBeenCalledWith(7, { date: TODAY, booked: { id: 31, version: 2 } }, expect.any(String));
  });

  it('says when the partner could not be loaded, and retries', async () => {
    const partnerDetail = jest
      .fn()
      .mockRejectedValueOnce(new ApiError('not-found', 'There is no involvement with id 7.', 404))
      .mockResolvedValue(detail());
    renderInFluent(
      <PartnerDrawer
        api={fakeApi({ partnerDetail })}
        open
        involvementId={7}
        name="Samira Patel"
        today={TODAY}
        onClose={jest.fn()}
        onChanged={jest.fn()}
      />,
    );
    expect(await screen.findByText('There is no involvement with id 7.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Induction checklist' })).toBeInTheDocument();
  });

  it('closes with its Close button', async () => {
    const { dialog, onClose } = await openDrawer();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the keyboard focus in the partner panel', () => {
  it('stays on Book one-to-one while the booking is saved: the button ignores presses but is not disabled', async () => {
    let finish = () => undefined as void;
    const api = fakeApi({
      partnerDetail: jest.fn(async () => detail()),
      bookOneToOne: jest.fn(() => new Promise<void>((resolve) => (finish = resolve))),
    });
    const { dialog } = await openDrawer(api);
    const form = within(dialog).getByRole('form', { name: 'Book a one-to-one' });
    await userEvent.type(within(form).getByLabelText(/^Date/), '2026-03-20');
    const book = within(form).getByRole('button', { name: 'Book one-to-one' });
    await userEvent.click(book);
    expect(book).toHaveAttribute('aria-disabled', 'true');
    expect(book.hasAttribute('disabled')).toBe(false);
    expect(book).toHaveFocus();
    finish();
    expect(await within(dialog).findByText('One-to-one booked.')).toBeInTheDocument();
    expect(book).toHaveFocus();
  });

  it('moves to what was done when the button that did it is gone, and Escape still closes the panel', async () => {
    const booked = bookedOn(TODAY);
    const api = fakeApi({
      partnerDetail: jest
        .fn()
        .mockResolvedValueOnce(detail({ oneToOnes: [booked], actions: actions({ bookOneToOne: false, changeBookedOneToOne: true }) }))
        .mockResolvedValue(detail({ oneToOnes: [{ ...booked, version: 3, status: 'Held', heldBy: 'Jo Bloggs' }] })),
    });
    const { dialog, onClose } = await openDrawer(api);
    const record = within(dialog).getByRole('button', { name: 'Record Mon 2 Mar 2026 as held' });
    record.focus();
    await userEvent.keyboard('{Enter}');
    await within(dialog).findByText('One-to-one recorded as held.');
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'Record Mon 2 Mar 2026 as held' })).not.toBeInTheDocument());
    expect(document.activeElement?.textContent).toBe('One-to-one recorded as held.');
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the partner panel for new interest', () => {
  it('shows the acknowledgement ready to send by email, and records that it was sent', async () => {
    const interested = detail({
      involvement: { ...detail().involvement, stage: 'Interested' },
      checklist: [],
      induction: null,
      actions: actions({
        nextStages: ['Chat booked', 'Not progressed'],
        acknowledgeInterest: true,
        bookChat: true,
        changeChecklist: false,
        activate: false,
        bookOneToOne: false,
        recordOneToOne: false,
        setCadence: false,
      }),
    });
    const api = fakeApi({
      partnerDetail: jest.fn(async () => interested),
      acknowledgement: jest.fn(async () => ({
        message: 'Dear Sam,\n\nThank you for getting in touch.\n\nWith best wishes,\nPriya Shah',
        howToSend: 'Press **Write the email** to open it in your email, then press **Record acknowledgement**.',
        mailto: 'mailto:sam@example.org?subject=Thanks&body=Dear%20Sam',
      })),
    });
    renderInFluent(
      <PartnerDrawer api={api} open involvementId={7} name="Samira Patel" today={TODAY} onClose={jest.fn()} onChanged={jest.fn()} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Samira Patel' });
    const message = await within(dialog).findByRole('region', { name: 'Acknowledgement message' });
    expect(message).toHaveTextContent('Thank you for getting in touch.');
    expect(within(dialog).getByText('Write the email', { selector: 'strong' })).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Write the email' })).toHaveAttribute(
      'href',
      'mailto:sam@example.org?subject=Thanks&body=Dear%20Sam',
    );
    expect(api.acknowledgement).toHaveBeenCalledWith(7, expect.any(AbortSignal));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record acknowledgement' }));
    expect(api.acknowledgeInterest).toHaveBeenCalledWith(expect.objectContaining({ id: 7, version: 3 }), expect.any(String));
    expect(await within(dialog).findByText('Interest acknowledged for Sam.')).toBeInTheDocument();
  });
});
