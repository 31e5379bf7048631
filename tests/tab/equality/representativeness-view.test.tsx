/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { Representativeness } from '../../../src/tab/api/types';
import { RepresentativenessView } from '../../../src/tab/equality/representativeness-view';
import { fakeApi } from '../fake-api';
import { findConfirmation, renderInFluent, stubObjectUrls } from '../render';

const hidden = { count: null, percent: null, gap: null };

const VIEW: Representativeness = {
  today: '2026-11-10',
  quarter: '2026-Q4',
  period: { from: null, to: null, title: 'Every quarter so far' },
  quarters: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
  threshold: 5,
  populationGiven: true,
  deprivationAsked: false,
  tables: [
    { kind: 'Population profile', guidance: 'A CSV of census figures. A file replaces the table saved now.', loaded: null },
    {
      kind: 'Postcode deciles',
      guidance: 'A CSV of postcode districts. A file replaces the table saved now.',
      loaded: { lines: 38, savedAt: '2026-11-02T09:30:00.000Z' },
    },
  ],
  system: { counted: 14, waiting: 2, declined: 1, acrossEdge: 0 },
  workstreams: [
    { id: 1, title: 'Maternity', counted: 14, waiting: 0, declined: 1, acrossEdge: 0 },
    { id: 2, title: 'Mental health', counted: null, waiting: 2, declined: 0, acrossEdge: 0 },
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
    expect(screen.getByText('Every quarter so far. Forms counted: 14. Waiting to be counted: 2. Declined: 1.')).toBeInTheDocument();
  });

  it('shows one workstream at a time when chosen, too few forms said as such', async () => {
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => VIEW) })} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Show' }), 'Mental health');
    const table = screen.getByRole('table', { name: 'Sex: Mental health' });
    expect(within(table).getAllByText('Not shown')).toHaveLength(9);
    expect(
      screen.getByText('Every quarter so far. Forms counted: too few to show. Waiting to be counted: 2. Declined: 0.'),
    ).toBeInTheDocument();
  });

  it('downloads the CSV of every workstream', async () => {
    stubObjectUrls();
    const api = fakeApi({ representativeness: jest.fn(async () => VIEW) });
    renderInFluent(<RepresentativenessView api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download every workstream (CSV)' }));
    expect(api.download).toHaveBeenCalledWith('representativenessCsv', {}, {});
  });

  it('reads the range of quarters chosen, keeping the focus on the quarter, and downloads the CSV of the period shown', async () => {
    stubObjectUrls();
    const lastYear: Representativeness = {
      ...VIEW,
      period: { from: '2025-Q4', to: '2026-Q2', title: 'From 2025-Q4 to 2026-Q2' },
      system: { counted: null, waiting: 2, declined: 0, acrossEdge: 6 },
    };
    const api = fakeApi({ representativeness: jest.fn(async (period) => (period.to === '2026-Q2' ? lastYear : VIEW)) });
    renderInFluent(<RepresentativenessView api={api} />);
    const period = await screen.findByRole('group', { name: 'Period' });
    const from = within(period).getByRole('combobox', { name: 'From the quarter' });
    const to = within(period).getByRole('combobox', { name: 'To the quarter' });
    expect([...from.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'The first quarter',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
    ]);
    expect([...to.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'The last quarter ended',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
    ]);

    await userEvent.selectOptions(from, '2025-Q4');
    expect(api.representativeness).toHaveBeenLastCalledWith({ from: '2025-Q4' }, expect.anything());
    await userEvent.selectOptions(to, '2026-Q2');
    expect(
      await screen.findByText(
        'From 2025-Q4 to 2026-Q2. Forms counted: too few to show. Left out, counted in a batch that runs past the period: 6. Waiting to be counted: 2. Declined: 0.',
      ),
    ).toBeInTheDocument();
    expect(api.representativeness).toHaveBeenLastCalledWith({ from: '2025-Q4', to: '2026-Q2' }, expect.anything());
    expect(screen.getByRole('combobox', { name: 'To the quarter' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Download every workstream (CSV)' }));
    expect(api.download).toHaveBeenCalledWith('representativenessCsv', {}, { from: '2025-Q4', to: '2026-Q2' });
  });

  it("shows the server's refusal of a period that ends before it starts under the quarter it ends with, the counts before kept", async () => {
    const backwards = new ApiError('validation', 'The period must start no later than it ends.', 400, {
      to: 'The period must start no later than it ends.',
    });
    const api = fakeApi({
      representativeness: jest.fn(async (period) =>
        period.from && period.to && period.to < period.from ? Promise.reject(backwards) : VIEW,
      ),
    });
    renderInFluent(<RepresentativenessView api={api} />);
    const period = await screen.findByRole('group', { name: 'Period' });
    await userEvent.selectOptions(within(period).getByRole('combobox', { name: 'From the quarter' }), '2026-Q3');
    const to = within(period).getByRole('combobox', { name: 'To the quarter' });
    await userEvent.selectOptions(to, '2026-Q1');
    await waitFor(() => expect(to).toHaveAccessibleDescription('The period must start no later than it ends.'));
    expect(to).toHaveFocus();
    expect(screen.getByRole('table', { name: 'Sex: the whole system' })).toBeInTheDocument();

    await userEvent.selectOptions(to, '2026-Q3');
    await waitFor(() => expect(to).not.toHaveAccessibleDescription('The period must start no later than it ends.'));
    expect(api.representativeness).toHaveBeenLastCalledWith({ from: '2026-Q3', to: '2026-Q3' }, expect.anything());
  });

  it('says plainly when the server refuses someone outside the Engagement team', async () => {
    const refusal = new ApiError('no-access', 'Only the Engagement team can see the equality monitoring counts.', 403);
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => Promise.reject(refusal)) })} />);
    expect(await screen.findByText(/Only the Engagement team can see the equality monitoring counts\./)).toBeInTheDocument();
  });
});

describe("the organisation's tables in the equality monitoring view", () => {
  const csvFile = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

  it('says what is saved now, and sends a population profile at once when none is saved, reading the view again', async () => {
    const saved: Representativeness = {
      ...VIEW,
      tables: [{ ...VIEW.tables[0], loaded: { lines: 2, savedAt: '2026-11-10T10:00:00.000Z' } }, VIEW.tables[1]],
    };
    const representativeness = jest.fn().mockResolvedValueOnce(VIEW).mockResolvedValue(saved);
    const setMonitoringTable = jest.fn(async () => ({ kind: 'Population profile' as const, lines: 2 }));
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness, setMonitoringTable })} />);
    const population = await screen.findByRole('region', { name: 'Population profile' });
    expect(within(population).getByText('Saved now: none.')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Postcode deciles' })).getByText(/^Saved now: 38 lines of figures, saved on /),
    ).toBeInTheDocument();
    const csv = 'question,answer,percent\nsex,Female,51\nsex,Male,49';
    await userEvent.upload(within(population).getByLabelText('Upload the population profile (CSV)'), csvFile('census.csv', csv));
    expect(setMonitoringTable).toHaveBeenCalledWith('Population profile', csv);
    expect(await within(population).findByText('Saved census.csv as the population profile: 2 lines of figures.')).toBeInTheDocument();
    expect(await within(population).findByText(/^Saved now: 2 lines of figures, saved on /)).toBeInTheDocument();
  });

  it('asks before replacing a table saved now, and sends nothing when the person keeps it', async () => {
    const setMonitoringTable = jest.fn(async () => ({ kind: 'Postcode deciles' as const, lines: 3 }));
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => VIEW), setMonitoringTable })} />);
    const deciles = await screen.findByRole('region', { name: 'Postcode deciles' });
    const picker = within(deciles).getByLabelText('Upload the table of postcode districts and deciles (CSV)');
    await userEvent.upload(picker, csvFile('deciles.csv', 'outward code,decile\nLS6,3'));
    const ask = await findConfirmation('Replace the postcode deciles saved now?');
    expect(ask).toHaveTextContent(/Saved now: 38 lines of figures, saved on .*deciles\.csv replaces it; the one saved now is not kept\./);
    await userEvent.click(within(ask).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(setMonitoringTable).not.toHaveBeenCalled();

    await userEvent.upload(picker, csvFile('deciles.csv', 'outward code,decile\nLS6,3'));
    const again = await findConfirmation('Replace the postcode deciles saved now?');
    await userEvent.click(within(again).getByRole('button', { name: 'Replace it with deciles.csv', hidden: true }));
    expect(setMonitoringTable).toHaveBeenCalledWith('Postcode deciles', 'outward code,decile\nLS6,3');
  });

  it('shows each bad line the server names under the picker, the file refused', async () => {
    const refusal = new ApiError(
      'validation',
      'The population profile was not saved. Line 2: the percent "fifty" is not a number from 0 to 100. Line 3: "Unknown" is not an answer to sex.',
      400,
      { csv: 'Line 2: the percent "fifty" is not a number from 0 to 100.\nLine 3: "Unknown" is not an answer to sex.' },
    );
    const setMonitoringTable = jest.fn(async () => Promise.reject(refusal));
    renderInFluent(<RepresentativenessView api={fakeApi({ representativeness: jest.fn(async () => VIEW), setMonitoringTable })} />);
    const population = await screen.findByRole('region', { name: 'Population profile' });
    const picker = within(population).getByLabelText('Upload the population profile (CSV)');
    await userEvent.upload(picker, csvFile('census.csv', 'question,answer,percent\nsex,Female,fifty\nsex,Unknown,3'));
    const message = await within(population).findByText(/^Line 2: the percent "fifty" is not a number from 0 to 100\./);
    expect(message).toHaveTextContent('Line 3: "Unknown" is not an answer to sex.');
    expect(picker).toHaveAccessibleDescription(expect.stringContaining('Line 3: "Unknown" is not an answer to sex.'));
  });
});
