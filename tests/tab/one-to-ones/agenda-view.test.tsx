/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaView } from '../../../src/tab/one-to-ones/agenda-view';
import { agendaItem, workstream } from '../builders';
import { windowWidth } from '../layout';
import { renderInFluent, stubObjectUrls } from '../render';

describe('the one-to-ones agenda', () => {
  const agenda = {
    workstream: workstream(),
    today: '2026-03-02',
    until: '2026-04-13',
    items: [
      agendaItem({
        kind: 'due',
        involvementId: 2,
        name: 'Chloé Adeyemi',
        date: '2026-02-20',
        time: null,
        where: null,
        oneToOneId: null,
        overdue: true,
        daysFromToday: -10,
      }),
      agendaItem({ involvementId: 1, name: 'Samira Patel', date: '2026-03-10' }),
    ],
    reviews: [],
  };

  it('puts overdue one-to-ones first, saying so in words', () => {
    renderInFluent(<AgendaView agenda={agenda} onOpen={jest.fn()} downloadInvitation={jest.fn()} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Overdue (1)', 'Coming up (1)']);
    expect(within(screen.getByRole('table', { name: 'Overdue (1)' })).getByText('Overdue, nothing booked')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Overdue (1)' })).getByText('10 days ago')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Coming up (1)' })).getByText('Booked at 10:30, Online')).toBeInTheDocument();
  });

  it('offers a booked one-to-one as a calendar invitation, and none for one only due', async () => {
    stubObjectUrls();
    const downloadInvitation = jest.fn(async () => ({ fileName: 'one-to-one-21.ics', blob: new Blob(['BEGIN:VCALENDAR']) }));
    renderInFluent(<AgendaView agenda={agenda} onOpen={jest.fn()} downloadInvitation={downloadInvitation} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download the invitation: Samira Patel, Tue 10 Mar 2026' }));
    expect(downloadInvitation).toHaveBeenCalledWith(21);
    expect(within(screen.getByRole('table', { name: 'Overdue (1)' })).getByText('None booked')).toBeInTheDocument();
  });

  it('opens the partner from their name', async () => {
    const onOpen = jest.fn();
    renderInFluent(<AgendaView agenda={agenda} onOpen={onOpen} downloadInvitation={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Chloé Adeyemi' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ involvementId: 2 }));
  });

  it('says when nothing is booked or due', () => {
    renderInFluent(<AgendaView agenda={{ ...agenda, items: [] }} onOpen={jest.fn()} downloadInvitation={jest.fn()} />);
    expect(screen.getByText('Nothing booked or due in the coming weeks.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows each one-to-one as a card on a phone, with the same facts and actions, and no table', async () => {
    const wide = windowWidth(320);
    try {
      stubObjectUrls();
      const onOpen = jest.fn();
      const downloadInvitation = jest.fn(async () => ({ fileName: 'one-to-one-21.ics', blob: new Blob(['BEGIN:VCALENDAR']) }));
      renderInFluent(<AgendaView agenda={agenda} onOpen={onOpen} downloadInvitation={downloadInvitation} />);
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      const overdue = within(screen.getByRole('list', { name: 'Overdue (1)' })).getByRole('listitem');
      expect(within(overdue).getByText('Overdue, nothing booked')).toBeInTheDocument();
      expect(within(overdue).getByText('None booked')).toBeInTheDocument();
      await userEvent.click(within(overdue).getByRole('button', { name: 'Chloé Adeyemi' }));
      expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ involvementId: 2 }));
      const coming = within(screen.getByRole('list', { name: 'Coming up (1)' })).getByRole('listitem');
      await userEvent.click(within(coming).getByRole('button', { name: 'Download the invitation: Samira Patel, Tue 10 Mar 2026' }));
      expect(downloadInvitation).toHaveBeenCalledWith(21);
    } finally {
      wide();
    }
  });
});
