/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderInFluent, stubObjectUrls } from '../render';
import type { PartnerShow } from '../../../src/tab/partners/filter-rows';
import { PartnersSection } from '../../../src/tab/partners/partners-section';
import { StageSummary } from '../../../src/tab/partners/stage-summary';
import type { DashboardRow, StageCounts } from '../../../src/tab/api/types';
import { row } from '../builders';
import { windowWidth, withLayout } from '../layout';

withLayout();

const ROWS: DashboardRow[] = [
  row({
    involvementId: 1,
    name: 'Samira Patel',
    stage: 'Induction',
    induction: { done: 3, total: 12, missingRequired: ['Role description agreed'] },
  }),
  row({
    involvementId: 2,
    name: 'Chloé Adeyemi',
    stage: 'Active',
    attention: ['One-to-one overdue'],
    nextOneToOne: { due: '2026-02-20', state: 'overdue', daysUntilDue: -10 },
  }),
  row({ involvementId: 3, name: 'Daniel Okafor', stage: 'Interested' }),
];

const CSV = { fileName: 'partners-maternity-2026-03-02.csv', blob: new Blob(['Name\n']) };

/** The stage counters and the partners below them, as the workstream view puts them together. */
function Partners({
  rows,
  onOpen,
  downloadCsv,
}: {
  readonly rows: readonly DashboardRow[];
  readonly onOpen: (row: DashboardRow) => void;
  readonly downloadCsv: () => Promise<typeof CSV>;
}) {
  const [show, setShow] = useState<PartnerShow>('all');
  const stageCounts: Partial<StageCounts> = {};
  for (const { stage } of rows) stageCounts[stage] = (stageCounts[stage] ?? 0) + 1;
  return (
    <>
      <StageSummary
        stageCounts={stageCounts}
        needsAttention={rows.filter((one) => one.attention.length > 0).length}
        show={show}
        onShow={setShow}
      />
      <h2 id="partners">Partners</h2>
      <PartnersSection rows={rows} show={show} onShow={setShow} labelledBy="partners" downloadCsv={downloadCsv} onOpen={onOpen} />
    </>
  );
}

function renderSection(rows: readonly DashboardRow[] = ROWS, onOpen = jest.fn(), downloadCsv = jest.fn(async () => CSV)) {
  renderInFluent(<Partners rows={rows} onOpen={onOpen} downloadCsv={downloadCsv} />);
  return onOpen;
}

const counter = (name: RegExp) => screen.getByRole('button', { name });

const names = () =>
  within(screen.getByRole('table', { name: 'Partners' }))
    .getAllByRole('button')
    .map((button) => button.textContent);

describe('the partners table', () => {
  it('lists every partner with their stage, induction and one-to-one state in words', () => {
    renderSection();
    expect(names()).toEqual(['Samira Patel', 'Chloé Adeyemi', 'Daniel Okafor']);
    expect(screen.getByText('3 of 12 done')).toBeInTheDocument();
    expect(screen.getByText('Missing: Role description agreed')).toBeInTheDocument();
    expect(screen.getByText('Overdue by 10 days')).toBeInTheDocument();
  });

  it('searches by name, ignoring case and accents', async () => {
    renderSection();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'chloe');
    expect(names()).toEqual(['Chloé Adeyemi']);
    expect(screen.getByRole('status').textContent).toBe('Showing 1 of 3 partners');
  });

  it("shows only a stage's partners when its counter is pressed, says so, and everyone when it is pressed again", async () => {
    renderSection();
    expect(counter(/^All 3$/)).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(counter(/^Induction 1$/));
    expect(names()).toEqual(['Samira Patel']);
    expect(counter(/^Induction 1$/)).toHaveAttribute('aria-pressed', 'true');
    expect(counter(/^All 3$/)).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('status').textContent).toBe('Showing 1 of 3 partners at Induction');
    await userEvent.click(counter(/^Induction 1$/));
    expect(names()).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toBe('3 partners');
  });

  it('shows only the partners who need attention when that counter is pressed, and everyone again with All', async () => {
    renderSection();
    await userEvent.click(counter(/^Needs attention 1$/));
    expect(names()).toEqual(['Chloé Adeyemi']);
    expect(screen.getByRole('status').textContent).toBe('Showing 1 of 3 partners needing attention');
    await userEvent.click(counter(/^All 3$/));
    expect(names()).toHaveLength(3);
  });

  it('says when nobody matches, clears the search and the stage on request, and leaves the focus in the search box', async () => {
    renderSection();
    await userEvent.click(counter(/^Active 1$/));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'samira');
    expect(screen.getByText('No partners match these filters.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(names()).toHaveLength(3);
    expect(counter(/^All 3$/)).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveFocus();
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
    renderSection(
      ROWS,
      jest.fn(),
      jest.fn(async () => Promise.reject(new Error('The server could not answer just now (HTTP 503).'))),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export partners (CSV)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not downloaded: The server could not answer just now (HTTP 503).');
  });

  it('keeps only a screenful of rows in the page with 5,000 partners, and says how many there are', () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      row({ involvementId: index + 1, name: `Partner ${String(index + 1).padStart(4, '0')}` }),
    );
    renderSection(many);
    const table = screen.getByRole('table', { name: 'Partners' });
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const drawn = within(table).getAllByRole('row');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(50);
    expect(within(table).getByRole('button', { name: 'Partner 0001' })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Partner 5000' })).not.toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toBe('5,000 partners');
  });

  it('has the partners just past the last one in view in the page, so Tab from the keyboard moves on to a partner', () => {
    // withLayout: a 600 px scrolling box of 60 px rows shows ten partners.
    const many = Array.from({ length: 5000 }, (_, index) =>
      row({ involvementId: index + 1, name: `Partner ${String(index + 1).padStart(4, '0')}` }),
    );
    renderSection(many);
    const table = screen.getByRole('table', { name: 'Partners' });
    expect(within(table).getByRole('button', { name: 'Partner 0010' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Partner 0011' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Partner 0012' })).toBeInTheDocument();
  });

  it('tells a new workstream how partners arrive', () => {
    renderSection([]);
    expect(screen.getByText(/No partners yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the partners on a narrow window (Teams on a phone)', () => {
  let wide: () => void;
  beforeEach(() => {
    wide = windowWidth(360);
  });
  afterEach(() => wide());

  const cards = () => within(screen.getByRole('list', { name: 'Partners' })).getAllByRole('listitem');

  it('lists each partner as a card with their role, stage, induction, next one-to-one and its due state, and no table', () => {
    renderSection();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(cards()).toHaveLength(3);
    const chloe = cards()[1];
    expect(within(chloe).getByRole('button', { name: 'Chloé Adeyemi' })).toBeInTheDocument();
    expect(within(chloe).getByText('One-to-one overdue')).toBeInTheDocument();
    expect(within(chloe).getByText('Patient partner')).toBeInTheDocument();
    expect(within(chloe).getByText('Active')).toBeInTheDocument();
    expect(within(chloe).getByText('Fri 20 Feb 2026')).toBeInTheDocument();
    expect(within(chloe).getByText('Overdue by 10 days')).toBeInTheDocument();
    expect(within(cards()[0]).getByText('3 of 12 done')).toBeInTheDocument();
    expect(within(cards()[0]).getByText('Missing: Role description agreed')).toBeInTheDocument();
  });

  it('opens a partner from their card, and filters the cards by stage', async () => {
    const onOpen = renderSection();
    await userEvent.click(within(cards()[2]).getByRole('button', { name: 'Daniel Okafor' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ involvementId: 3 }));
    await userEvent.click(counter(/^Interested 1$/));
    expect(cards().map((card) => within(card).getByRole('button').textContent)).toEqual(['Daniel Okafor']);
  });

  it('keeps only a screenful of cards in the page with 5,000 partners, and tells assistive technology how many there are', () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      row({ involvementId: index + 1, name: `Partner ${String(index + 1).padStart(4, '0')}` }),
    );
    renderSection(many);
    const drawn = cards();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(50);
    expect(drawn[0]).toHaveAttribute('aria-setsize', '5000');
    expect(drawn[0]).toHaveAttribute('aria-posinset', '1');
    expect(screen.queryByRole('button', { name: 'Partner 5000' })).not.toBeInTheDocument();
  });
});

describe('an erased partner in the table', () => {
  it('is marked as erased in words', () => {
    renderSection([
      row({ involvementId: 4, partnerId: 12, name: 'Erased partner 12' }),
      row({ involvementId: 5, partnerId: 13, name: 'Erased partner 99' }),
    ]);
    const rows = within(screen.getByRole('table', { name: 'Partners' })).getAllByRole('row');
    expect(within(rows[1]).getByText('Personal data erased')).toBeInTheDocument();
    expect(within(rows[2]).queryByText('Personal data erased')).not.toBeInTheDocument();
  });
});
