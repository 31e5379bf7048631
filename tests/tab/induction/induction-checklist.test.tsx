/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InductionChecklist, type InductionChecklistProps } from '../../../src/tab/induction/induction-checklist';
import { task } from '../builders';
import { renderInFluent } from '../render';

const TODAY = '2026-03-02';

function renderChecklist(overrides: Partial<InductionChecklistProps> = {}) {
  const props: InductionChecklistProps = {
    tasks: [
      task({ id: 1, label: 'Welcome and introductions', done: true, doneDate: '2026-02-27', doneBy: 'Jo Bloggs' }),
      task({ id: 2, label: 'Confidentiality agreement signed', kind: 'Agreement' }),
      task({ id: 3, label: 'Meeting dates shared', required: false }),
    ],
    progress: { done: 1, total: 3, missingRequired: ['Confidentiality agreement signed'] },
    editable: true,
    busy: false,
    today: TODAY,
    onComplete: jest.fn(),
    onReopen: jest.fn(),
    ...overrides,
  };
  renderInFluent(<InductionChecklist {...props} />);
  return props;
}

describe('the induction checklist', () => {
  it('shows progress in words, and which required items are still missing', () => {
    renderChecklist();
    expect(screen.getByRole('progressbar', { name: 'Induction progress: 1 of 3 done' })).toBeInTheDocument();
    expect(screen.getByText('Still required: Confidentiality agreement signed')).toBeInTheDocument();
  });

  it('marks required items in words, not by colour alone', () => {
    renderChecklist();
    expect(screen.getByRole('checkbox', { name: 'Confidentiality agreement signed (required)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Meeting dates shared' })).toBeInTheDocument();
  });

  it('ticks a task without a date', async () => {
    const props = renderChecklist();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Meeting dates shared' }));
    expect(props.onComplete).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }), undefined);
  });

  it('ticks an agreement with the date it was signed, today unless changed', async () => {
    const props = renderChecklist();
    const signed = screen.getByLabelText('Date signed: Confidentiality agreement signed');
    expect(signed).toHaveValue(TODAY);
    fireEvent.change(signed, { target: { value: '2026-02-25' } });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Confidentiality agreement signed (required)' }));
    expect(props.onComplete).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }), '2026-02-25');
  });

  it('unticks an item done by mistake, and says who recorded it and when', async () => {
    const props = renderChecklist();
    expect(screen.getByText('Done Fri 27 Feb 2026, recorded by Jo Bloggs')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Welcome and introductions (required)' }));
    expect(props.onReopen).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }));
  });

  it('cannot be changed outside induction, and says why', async () => {
    const props = renderChecklist({ editable: false });
    expect(screen.getByText('The checklist can be changed only while the partner is in induction.')).toBeInTheDocument();
    const box = screen.getByRole('checkbox', { name: 'Meeting dates shared' });
    expect(box).toBeDisabled();
    expect(screen.queryByLabelText(/Date signed/)).not.toBeInTheDocument();
    expect(props.onComplete).not.toHaveBeenCalled();
  });

  it('keeps the keyboard on the item just ticked while the change is saved, and takes no second change meanwhile', async () => {
    const props = renderChecklist({ busy: true });
    const box = screen.getByRole('checkbox', { name: 'Meeting dates shared' });
    box.focus();
    expect(box).toBeEnabled();
    await userEvent.keyboard(' ');
    expect(box).toHaveFocus();
    expect(props.onComplete).not.toHaveBeenCalled();
  });
});
