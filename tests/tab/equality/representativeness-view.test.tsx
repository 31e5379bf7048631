/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { Representativeness } from '../../../src/tab/api/types';
import { RepresentativenessView } from '../../../src/tab/equality/representativeness-view';
import { fakeApi } from '../fake-api';
import { renderInFluent, stubObjectUrls } from '../render';

const hidden = { count: null, percent: null, gap: null };

const VIEW: Representativeness = {
  today: '2026-11-10',
  quarter: '2026-Q4',
  threshold: 5,
  populationGiven: true,
  deprivationAsked: false,
  system: { counted: 14, waiting: 2, declined: 1 },
  workstreams: [
    { id: 1, title: 'Maternity', counted: 14, waiting: 0, declined: 1 },
    { id: 2, title: 'Mental health', counted: null, waiting: 2, declined: 0 },
  ],
  questions: [
    {
      key: 'sex',
      title: 'Sex',
      rows: [
        {
          answer: 'Female',
          population: 51,
          system: { count: 9, percent: 64.3, gap: 13.3 },
          workstreams: [{ count: 9, percent: 64.3, gap: 13.3 }, hidden],
        },
        {
          answer: 'Male',
          population: 49,
          system: { count: 5, percent: 35.7, gap: -13.3 },
          workstreams: [{ count: 5, percent: 35.7, gap: -13.3 }, hidden],
        },
        { answer: 'Prefer not to say', population: null, system: hidden, workstreams: [hidden, hidden] },
      ],
    },
  ],
  notes: ['Counts under 5 are never shown, nor any count that could be worked out from those that are.'],
};

describe("the Engagement team's equality monitoring view", () => {
  it("shows the system's counts beside the population, with the server's notes and hidden counts said plainly", async () => {
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => VIEW) })} />);
    const table = await screen.findByRole('table', { name: 'Sex: the whole system' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Answer', 'Count', 'Share', 'Population', 'Gap'],
      ['Female', '9', '64.3%', '51%', '+13.3 points'],
      ['Male', '5', '35.7%', '49%', '-13.3 points'],
      ['Prefer not to say', 'Not shown', 'Not shown', 'Not given', 'Not shown'],
    ]);
    expect(screen.getByText(VIEW.notes[0])).toBeInTheDocument();
    expect(screen.getByText('Forms counted: 14. Waiting to be counted: 2. Declined: 1.')).toBeInTheDocument();
  });

  it('shows one workstream at a time when chosen, too few forms said as such', async () => {
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => VIEW) })} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Show' }), 'Mental health');
    const table = screen.getByRole('table', { name: 'Sex: Mental health' });
    expect(within(table).getAllByText('Not shown')).toHaveLength(9);
    expect(screen.getByText('Forms counted: too few to show. Waiting to be counted: 2. Declined: 0.')).toBeInTheDocument();
  });

  it('downloads the CSV of every workstream', async () => {
    stubObjectUrls();
    const api = fakeApi({ representativeness: jest.fn(async () => VIEW) });
    renderInFluent(<RepresentativenessView api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download every workstream (CSV)' }));
    expect(api.download).toHaveBeenCalledWith('representativenessCsv', {});
  });

  it('says plainly when the server refuses someone outside the Engagement team', async () => {
    const refusal = new ApiError('no-access', 'Only the Engagement team can see the equality monitoring counts.', 403);
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => Promise.reject(refusal)) })} />);
    expect(await screen.findByText(/Only the Engagement team can see the equality monitoring counts\./)).toBeInTheDocument();
  });
});
