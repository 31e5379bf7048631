import { stringify } from 'csv-stringify/sync';
import { Router, type RequestHandler } from 'express';
import { createEvent, type EventAttributes } from 'ics';
import { exportSummary, type DashboardRow, type OneToOneInvitation, type PathwayService, type Principal } from '../domain';
import { sendError } from './http-errors';
import { principalOf } from './principal';
import { markRoute } from './request-log';

/** A file the tab offers for download: its name, media type and content. */
export interface Download {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string;
}

/** One download route: a GET path relative to `/api` and the file it answers with. */
export interface DownloadRoute {
  readonly path: string;
  /** Makes the file from the path's ids (already checked to be positive whole numbers). */
  readonly make: (service: PathwayService, actor: Principal, ids: Readonly<Record<string, number>>) => Promise<Download>;
}

/** A path id: a positive whole number that fits a JavaScript integer. */
const ID = /^[1-9]\d{0,14}$/;

/** Spreadsheets run a cell starting with one of these as a formula; a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

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
  return stringify([
    CSV_COLUMNS.map(([title]) => title),
    ...rows.map((row) => CSV_COLUMNS.map(([, value]) => cell(value(row)))),
  ]);
}

function dateArray(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

/** A booked one-to-one as an iCalendar event: at its time in UTC, or all day when no time was booked. */
export function invitationIcs(invitation: OneToOneInvitation): string {
  const timing: Pick<EventAttributes, 'start' | 'startInputType' | 'startOutputType'> & { duration: { minutes?: number; days?: number } } =
    invitation.startUtc
      ? { start: Date.parse(invitation.startUtc), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: invitation.durationMinutes } }
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
function fileSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workstream';
}

/** The files the tab offers, one line each. */
export const DOWNLOAD_ROUTES: readonly DownloadRoute[] = [
  {
    path: '/one-to-ones/:oneToOneId/invitation.ics',
    make: async (service, actor, ids) => ({
      fileName: `one-to-one-${ids.oneToOneId}.ics`,
      contentType: 'text/calendar; charset=utf-8',
      body: invitationIcs(await service.oneToOneViews.invitation(actor, ids.oneToOneId)),
    }),
  },
  {
    path: '/workstreams/:workstreamId/partners.csv',
    make: async (service, actor, ids) => {
      const dashboard = await service.partnerViews.dashboard(actor, ids.workstreamId);
      return {
        fileName: `partners-${fileSlug(dashboard.workstream.title)}-${dashboard.today}.csv`,
        contentType: 'text/csv; charset=utf-8',
        // A byte order mark, so Excel reads the names' accents as UTF-8.
        body: `\uFEFF${partnersCsv(dashboard.rows)}`,
      };
    },
  },
  {
    path: '/partners/:partnerId/export.json',
    make: async (service, actor, ids) => ({
      fileName: `partner-${ids.partnerId}-personal-data.json`,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(await service.personalData.export(actor, ids.partnerId), null, 2)}\n`,
    }),
  },
  {
    path: '/partners/:partnerId/export.txt',
    make: async (service, actor, ids) => ({
      fileName: `partner-${ids.partnerId}-personal-data.txt`,
      contentType: 'text/plain; charset=utf-8',
      body: exportSummary(await service.personalData.export(actor, ids.partnerId)),
    }),
  },
];

function handlerFor(route: DownloadRoute, service: PathwayService): RequestHandler {
  return async (req, res) => {
    const ids: Record<string, number> = {};
    for (const [name, value] of Object.entries(req.params as Record<string, string>)) {
      if (!ID.test(value)) return sendError(res, 404, 'not-found', `There is nothing here: "${value}" is not an id.`);
      ids[name] = Number(value);
    }
    const file = await route.make(service, principalOf(res), ids);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.status(200).type(file.contentType).send(file.body);
  };
}

/**
 * The tab's file downloads (`.ics`, `.csv`, a person's data as `.json` and `.txt`), mounted at `/api` before the JSON API:
 * the same principal (and rate limits, counted as reads) and id checks, errors answered as JSON by the app's error
 * handler. Any other path passes on to the JSON API.
 */
export function downloadRouter(service: PathwayService, principal: RequestHandler): Router {
  const router = Router();
  for (const route of DOWNLOAD_ROUTES) {
    const pattern = `/api${route.path}`;
    const named: RequestHandler = (_req, res, next) => {
      markRoute(res, pattern);
      next();
    };
    router.get(route.path, named, principal, handlerFor(route, service));
    router.all(route.path, named, (req, res) => {
      res.setHeader('Allow', 'GET');
      sendError(res, 405, 'method-not-allowed', `${req.method} is not allowed here. Use GET.`);
    });
  }
  return router;
}
