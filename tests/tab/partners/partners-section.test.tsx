/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInFluent, stubObjectUrls } from '../render';
import { PartnersSection } from '../../../src/tab/partners/partners-section';
import type { DashboardRow } from '../../../src/tab/api/types';
import { row } from '../builders';
import { withLayout } from '../layout';

withLayout();

const ROWS: DashboardRow[] = [
  row({ involvementId: 1, name: 'Samira Patel', stage: 'Induction', induction: { done: 3, total: 12, missingRequired: ['Role description agreed'] } }),
  row({ involvementId: 2, name: 'Chloé Adeyemi', stage: 'Active', attention: ['One-to-one overdue'], nextOneToOne: { due: '2026-02-20', state: 'overdue', daysUntilDue: -10 } }),
  row({ involvementId: 3, name: 'Daniel Okafor', stage: 'Interested' }),
];

const CSV = { fileName: 'partners-maternity-2026-03-02.csv', blob: new Blob(['Name\n']) };

function renderSection(rows: readonly DashboardRow[] = ROWS, onOpen = jest.fn(), downloadCsv = jest.fn(async () => CSV)) {
  renderInFluent(
    <>
      <h2 id="partners">Partners</h2>
      <PartnersSection rows={rows} labelledBy="partners" downloadCsv={downloadCsv} onOpen={onOpen} />
    </>,
  );
  return onOpen;
}

const names = () => within(screen.getByRole('table', { name: 'Partners' })).getAllByRole('button').map((button) => button.textContent);

describe('the partners table', () => {
  it('lists every partner with their stage, induction and one-to-one state in words', () => {
    renderSection();
    expect(names()).toEqual(['Samira Patel', 'Chloé Adeyemi', 'Daniel Okafor']);
    expect(screen.getByText('3 of 12 done')).toBeTruthy();
    expect(screen.getByText('Missing: Role description agreed')).toBeTruthy();
    expect(screen.getByText('Overdue by 10 days')).toBeTruthy();
  });

  it('searches by name, ignoring case and accents', async () => {
    renderSection();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'chloe');
    expect(names()).toEqual(['Chloé Adeyemi']);
    expect(screen.getByRole('status').textContent).toBe('Showing 1 of 3 partners');
  });

  it('filters by stage', async () => {
    renderSection();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'Induction');
    expect(names()).toEqual(['Samira Patel']);
  });

  it('shows only the partners who need attention when asked', async () => {
    renderSection();
    await userEvent.click(screen.getByRole('switch', { name: 'Needs attention only' }));
    expect(names()).toEqual(['Chloé Adeyemi']);
  });

  it('says when nobody matches and clears the filters on request', async () => {
    renderSection();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'nobody by this name');
    expect(screen.getByText('No partners match these filters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(names()).toHaveLength(3);
  });

  it('opens a partner from their name, by keyboard', async () => {
    const onOpen = renderSection();
    screen.getByRole('button', { name: 'Daniel Okafor' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ involvementId: 3 }));
  });

  it('exports the partners as CSV, fetched with the sign-in token like every other call', async () => {
    const { created } = stubObjectUrls();
    const downloadCsv = jest.fn(async () => CSV);
    renderSection(ROWS, jest.fn(), downloadCsv);
    await userEvent.click(screen.getByRole('button', { name: 'Export partners (CSV)' }));
    expect(downloadCsv).toHaveBeenCalledTimes(1);
    expect(created).toEqual([CSV.blob]);
  });

  it('says plainly when the export could not be downloaded', async () => {
    stubObjectUrls();
    renderSection(ROWS, jest.fn(), jest.fn(async () => Promise.reject(new Error('The server could not answer just now (HTTP 503).'))));
    await userEvent.click(screen.getByRole('button', { name: 'Export partners (CSV)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not downloaded: The server could not answer just now (HTTP 503).');
  });

  it('keeps only a screenful of rows in the page with 5,000 partners, and says how many there are', () => {
    const many = Array.from({ length: 5000 }, (_, index) => row({ involvementId: index + 1, name: `Partner ${String(index + 1).padStart(4, '0')}` }));
    renderSection(many);
    const table = screen.getByRole('table', { name: 'Partners' });
    expect(table.getAttribute('aria-rowcount')).toBe('5001');
    const drawn = within(table).getAllByRole('row');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(50);
    expect(within(table).getByRole('button', { name: 'Partner 0001' })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Partner 5000' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('5,000 partners');
  });

  it('tells a new workstream how partners arrive', () => {
    renderSection([]);
    expect(screen.getByText(/No partners yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('an erased partner in the table', () => {
  it('is marked as erased in words', () => {
    renderSection([row({ involvementId: 4, partnerId: 12, name: 'Erased partner 12' }), row({ involvementId: 5, partnerId: 13, name: 'Erased partner 99' })]);
    const rows = within(screen.getByRole('table', { name: 'Partners' })).getAllByRole('row');
    expect(within(rows[1]).getByText('Personal data erased')).toBeTruthy();
    expect(within(rows[2]).queryByText('Personal data erased')).toBeNull();
  });
});
