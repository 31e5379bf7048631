import type { Request, Response } from 'express';
import { createEvent, type EventAttributes } from 'ics';
import type { FileRoute } from '../contract/api';
import {
  advertHtml,
  advertText,
  exportSummary,
  spreadsheetCsv,
  type DashboardRow,
  type OneToOneInvitation,
  type PathwayService,
  type Principal,
  type ProfileCell,
  type Representativeness,
  type SelectionSummary,
} from '../domain';
import { principalOf } from './principal';

/** A file the tab offers for download: its name, media type and content. */
export interface Download {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string;
  /** A stricter content security policy than the tab's, for a file a browser could show as a page. */
  readonly contentSecurityPolicy?: string;
}

/** The HTML advert runs nothing and loads nothing: its only style is inline, and it may not be framed. */
const ADVERT_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Makes a file from the path's ids (already checked to be positive whole numbers) and the query parameters the route reads. */
type MakeFile = (
  service: PathwayService,
  actor: Principal,
  ids: Readonly<Record<string, number>>,
  query: Readonly<Record<string, unknown>>,
) => Promise<Download>;

const CSV_COLUMNS: ReadonlyArray<readonly [string, (row: DashboardRow) => string | number | null]> = [
  ['Name', (row) => row.name],
  ['Role', (row) => row.roleTitle],
  ['Stage', (row) => row.stage],
  ['Induction done', (row) => (row.induction ? row.induction.done : null)],
  ['Induction items', (row) => (row.induction ? row.induction.total : null)],
  ['Required items missing', (row) => (row.induction ? row.induction.missingRequired.join('; ') : null)],
  ['Next one-to-one due', (row) => row.nextOneToOne.due],
  ['One-to-one state', (row) => row.nextOneToOne.state],
  ['Booked one-to-one', (row) => row.booked?.date ?? null],
  ['Named contact', (row) => row.ownerName],
  ['Peer Support Network', (row) => row.peerNetworkStatus],
  ['Needs attention', (row) => row.attention.join('; ')],
];

/** The workstream's partners table as CSV: what the tab shows, no contact details. */
export function partnersCsv(rows: readonly DashboardRow[]): string {
  return spreadsheetCsv([CSV_COLUMNS.map(([title]) => title), ...rows.map((row) => CSV_COLUMNS.map(([, value]) => value(row)))]);
}

/** What a hidden count reads as in the spreadsheet. */
const NOT_SHOWN = 'not shown';

function shown(value: number | null): string | number {
  return value === null ? NOT_SHOWN : value;
}

/**
 * The representativeness view as CSV: forms counted, then a line per answer with the
 * population's percent and the system's and each workstream's count, percent and gap,
 * then the notes on reading it. A hidden count reads "not shown".
 */
export function representativenessCsv(view: Representativeness): string {
  const header = ['Question', 'Answer', 'Population %', 'System count', 'System %', 'System gap'];
  for (const workstream of view.workstreams) header.push(`${workstream.title} count`, `${workstream.title} %`, `${workstream.title} gap`);
  const cells = (cell: ProfileCell) =>
    [cell.count, cell.percent, cell.gap].map((value) => (cell.count === null ? NOT_SHOWN : (value ?? '')));
  const rows: Array<Array<string | number>> = [
    ['Period', view.period.title],
    [
      'Forms counted',
      '',
      '',
      shown(view.system.counted),
      '',
      '',
      ...view.workstreams.flatMap((workstream) => [shown(workstream.counted), '', '']),
    ],
    [
      'Forms waiting to be counted',
      '',
      '',
      view.system.waiting,
      '',
      '',
      ...view.workstreams.flatMap((workstream) => [workstream.waiting, '', '']),
    ],
    ['Forms declined', '', '', view.system.declined, '', '', ...view.workstreams.flatMap((workstream) => [workstream.declined, '', ''])],
  ];
  for (const question of view.questions) {
    for (const row of question.rows) {
      rows.push([question.title, row.answer, row.population ?? '', ...cells(row.system), ...row.workstreams.flatMap(cells)]);
    }
  }
  for (const note of view.notes) rows.push(['Note', note]);
  return spreadsheetCsv([header, ...rows]);
}

/**
 * A role's selection summary as CSV: the counts of people at each point, then one line
 * per criterion with how it was judged at the offers and at the "not this time"s.
 * Counts only: no name and no reason text.
 */
export function selectionCsv(summary: SelectionSummary): string {
  const rows: Array<Array<string | number>> = [
    ['Role', summary.roleTitle],
    ['Expressed interest', summary.expressedInterest],
    ['Had the informal chat', summary.chattedWith],
    ['Offered the role', summary.offered],
    ['Not progressed', summary.notProgressed],
    ['Offered with no criteria to judge against', summary.offeredWithoutCriteria],
    ['Not progressed with no criteria to judge against', summary.notProgressedWithoutCriteria],
    [],
    [
      'Criterion',
      'Still a criterion',
      'Offered: met',
      'Offered: not met',
      'Offered: not assessed',
      'Not progressed: met',
      'Not progressed: not met',
      'Not progressed: not assessed',
    ],
    ...summary.byCriterion.map((row) => [
      row.criterion,
      row.current ? 'Yes' : 'No',
      row.offered.Met,
      row.offered['Not met'],
      row.offered['Not assessed'],
      row.notProgressed.Met,
      row.notProgressed['Not met'],
      row.notProgressed['Not assessed'],
    ]),
  ];
  return spreadsheetCsv(rows);
}

function dateArray(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

/** A booked one-to-one as an iCalendar event: at its time in UTC, or all day when no time was booked. */
export function invitationIcs(invitation: OneToOneInvitation): string {
  const timing: Pick<EventAttributes, 'start' | 'startInputType' | 'startOutputType'> & { duration: { minutes?: number; days?: number } } =
    invitation.startUtc
      ? {
          start: Date.parse(invitation.startUtc),
          startInputType: 'utc',
          startOutputType: 'utc',
          duration: { minutes: invitation.durationMinutes },
        }
      : { start: dateArray(invitation.date), duration: { days: 1 } };
  const { error, value } = createEvent({
    ...timing,
    uid: invitation.uid,
    title: invitation.title,
    description: invitation.description,
    ...(invitation.location ? { location: invitation.location } : {}),
    productId: 'partner-pathway',
    calName: 'Partner Pathway',
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  } as EventAttributes);
  if (error || !value) throw error ?? new Error('The calendar invitation came out empty.');
  return value;
}

/** Safe for a Content-Disposition filename: letters, digits and dashes only. */
function fileSlug(text: string, fallback: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback
  );
}

/** The file each download route of the contract answers with. */
export const FILES: { readonly [K in FileRoute]: MakeFile } = {
  invitation: async (service, actor, ids) => ({
    fileName: `one-to-one-${ids.oneToOneId}.ics`,
    contentType: 'text/calendar; charset=utf-8',
    body: invitationIcs(await service.oneToOneViews.invitation(actor, ids.oneToOneId)),
  }),
  partnersCsv: async (service, actor, ids) => {
    const dashboard = await service.partnerViews.dashboard(actor, ids.workstreamId);
    return {
      fileName: `partners-${fileSlug(dashboard.workstream.title, 'workstream')}-${dashboard.today}.csv`,
      contentType: 'text/csv; charset=utf-8',
      // A byte order mark, so Excel reads the names' accents as UTF-8.
      body: `\uFEFF${partnersCsv(dashboard.rows)}`,
    };
  },
  advertText: async (service, actor, ids) => {
    const { role } = await service.roleViews.role(actor, ids.roleId);
    return { fileName: `advert-${fileSlug(role.title, 'role')}.txt`, contentType: 'text/plain; charset=utf-8', body: advertText(role) };
  },
  representativenessCsv: async (service, actor, _ids, query) => {
    const view = await service.equalityMonitoring.representativeness(actor, query);
    return {
      fileName: `equality-monitoring-${view.today}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: `\uFEFF${representativenessCsv(view)}`,
    };
  },
  selectionCsv: async (service, actor, ids) => {
    const summary = await service.roleViews.selectionSummary(actor, ids.roleId);
    return {
      fileName: `selection-${fileSlug(summary.roleTitle, 'role')}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: `\uFEFF${selectionCsv(summary)}`,
    };
  },
  advertHtml: async (service, actor, ids) => {
    const { role } = await service.roleViews.role(actor, ids.roleId);
    return {
      fileName: `advert-${fileSlug(role.title, 'role')}.html`,
      contentType: 'text/html; charset=utf-8',
      body: advertHtml(role),
      contentSecurityPolicy: ADVERT_HTML_POLICY,
    };
  },
  personalDataJson: async (service, actor, ids) => ({
    fileName: `partner-${ids.partnerId}-personal-data.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(await service.personalData.export(actor, ids.partnerId), null, 2)}\n`,
  }),
  personalDataText: async (service, actor, ids) => ({
    fileName: `partner-${ids.partnerId}-personal-data.txt`,
    contentType: 'text/plain; charset=utf-8',
    body: exportSummary(await service.personalData.export(actor, ids.partnerId)),
  }),
};

/** Answers a download route with its file, as an attachment that is never cached. */
export function fileHandler(
  name: FileRoute,
  service: PathwayService,
): (req: Request, res: Response, ids: Readonly<Record<string, number>>, query: Readonly<Record<string, unknown>>) => Promise<void> {
  return async (_req, res, ids, query) => {
    const file = await FILES[name](service, principalOf(res), ids, query);
    res.setHeader('Cache-Control', 'no-store');
    if (file.contentSecurityPolicy) res.setHeader('Content-Security-Policy', file.contentSecurityPolicy);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.status(200).type(file.contentType).send(file.body);
  };
}
