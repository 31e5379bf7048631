import { GENERATED_LISTS, generateOrganisation, ORGANISATION_SIZES, type GeneratedOrganisation } from '../large-seed';
import { createPathwayService, LISTS, type PathwayService, type Principal } from '../../src/domain';
import { itemBody } from '../../src/store/sharepoint/codec';
import { SYSTEM_FIELDS } from '../../src/store/sharepoint/names';
import type { SharePointStandIn } from '../../tests/store/sharepoint/stand-in/stand-in-server';
import { aProvisionedStandIn, aStoreOn, FAST_RETRY } from '../../tests/store/sharepoint/support';
import { BENCH_CLOCK, SETTINGS, singleWorkstream, TODAY } from '../fixtures';
import { figure, median, PerRun, type Benchmark, type Figure } from '../harness';

const NAME = 'SharePoint requests';
const LEAD: Principal = { id: 'lead-0', name: 'Benchmark lead', email: '', tenantId: 'bench' };

/** One workstream of about `items` items: its roles, partners, involvements, checklists and one-to-ones. */
function workstreamOfAbout(items: number): GeneratedOrganisation {
  const perPartner = singleWorkstream(100).records / 100;
  return singleWorkstream(Math.max(1, Math.round(items / perPartner)));
}

/** The generated organisation of 100,000 items (130 workstreams), the first workstream's views measured in it. */
function organisationOf100000(): GeneratedOrganisation {
  return generateOrganisation({ ...ORGANISATION_SIZES.large, today: TODAY });
}

/** The weekly reminder windows the bot uses by default. */
const REMINDER_WINDOWS = { dueWithinDays: 7, escalateAfterDays: 14, inductionStallDays: 14, closingWithinDays: 7 };

/** Puts the organisation straight into the stand-in's lists: ids come out as generated. */
function seed(standIn: SharePointStandIn, organisation: GeneratedOrganisation): void {
  for (const workstream of organisation.workstreams) {
    for (const list of GENERATED_LISTS) {
      const rows = workstream[list].map((item) => ({
        ...itemBody(list, item.values as Record<string, unknown>),
        [SYSTEM_FIELDS.key]: item.key,
        [SYSTEM_FIELDS.created]: `${TODAY}T10:00:00Z`,
        [SYSTEM_FIELDS.modified]: `${TODAY}T10:00:00Z`,
      }));
      standIn.site.seed(standIn.list(LISTS[list].title), rows);
    }
  }
}

interface Counted {
  readonly roundTrips: number;
  readonly requests: number;
  readonly ms: number;
  /** The longest path and query sent, in characters as sent (percent-encoded): SharePoint Online refuses very long URLs. */
  readonly longestUrl: number;
}

async function counted(standIn: SharePointStandIn, work: () => Promise<unknown>): Promise<Counted> {
  standIn.resetCounts();
  const started = performance.now();
  await work();
  return {
    ms: performance.now() - started,
    roundTrips: standIn.requests.length,
    requests: standIn.operations.length,
    longestUrl: Math.max(...standIn.operations.map((request) => request.target.length)),
  };
}

/** The views and writes measured, each a function that does one of them. */
function operations(service: PathwayService, organisation: GeneratedOrganisation): Record<string, () => Promise<unknown>> {
  const [workstream] = organisation.workstreams;
  const active = workstream.involvements.find((item) => item.values.stage === 'Active') ?? workstream.involvements[0];
  const inducting = new Set(workstream.involvements.filter((item) => item.values.stage === 'Induction').map((item) => item.id));
  const task = workstream.inductionTasks.find((item) => inducting.has(item.values.involvementId)) ?? workstream.inductionTasks[0];
  let taskState = { version: 1, done: task.values.done };
  let interest = 0;
  return {
    dashboard: () => service.partnerViews.dashboard(LEAD, workstream.workstreams[0].id),
    'partner detail': () => service.partnerViews.partnerDetail(LEAD, active.id),
    'write: tick or untick an induction item': async () => {
      const input = { taskId: task.id, version: taskState.version };
      const written = taskState.done ? await service.induction.reopenTask(LEAD, input) : await service.induction.completeTask(LEAD, input);
      taskState = { version: written.version, done: written.done };
    },
    'write: book a one-to-one': () => service.oneToOnes.book(LEAD, { involvementId: active.id, date: '2026-03-20', time: '10:00' }),
    'reminders run (Monday)': () => service.worklists.reminders(REMINDER_WINDOWS),
    'Engagement overview': () => service.engagementOverview.overview(LEAD),
    'write: record interest from a new partner': () => {
      interest += 1;
      return service.involvements.recordInterest(LEAD, {
        roleId: workstream.roles[0].id,
        partner: { fullName: `New Partner ${interest}`, email: `new-${interest}@example.org`, consentGiven: true },
      });
    },
  };
}

/**
 * HTTP round trips (a `$batch` counts once) and requests (each part of a batch
 * counted) per view, per common write and for the reminders run and the Engagement
 * overview, on the SharePoint REST stand-in, at several sizes of one workstream and
 * in the 100,000-item organisation (not with `--quick`). The floor is one round trip.
 */
export const sharePointRequests: Benchmark = {
  name: NAME,
  async run(context) {
    const organisations = context.quick
      ? [() => workstreamOfAbout(10), () => workstreamOfAbout(200)]
      : [() => workstreamOfAbout(10), () => workstreamOfAbout(1_000), () => workstreamOfAbout(6_000), organisationOf100000];
    const figures: Figure[] = [];
    for (const make of organisations) {
      const organisation = make();
      context.progress(`${organisation.records} items in ${organisation.workstreams.length} workstream(s)`);
      const standIn = await aProvisionedStandIn();
      // The stand-in reads every item of a list for each part of a batch: at 100,000 items a batch
      // of many parts takes longer than a request may take in the tests.
      const store = aStoreOn(standIn, { retry: { ...FAST_RETRY, timeoutMs: 600_000, budgetMs: 1_200_000 } });
      try {
        seed(standIn, organisation);
        const service = createPathwayService({ store, clock: BENCH_CLOCK, settings: SETTINGS, access: { engagementTeamIds: [LEAD.id] } });
        const perRun = new PerRun();
        const measured = Object.entries(operations(service, organisation));
        for (let run = 1; run <= context.runs; run += 1) {
          for (const [name, work] of measured) {
            const { roundTrips, requests, ms, longestUrl } = await counted(standIn, work);
            perRun.add(`${name} round trips`, roundTrips);
            perRun.add(`${name} requests`, requests);
            perRun.add(`${name} ms`, ms);
            perRun.add(`${name} url`, longestUrl);
          }
        }
        const label = `${organisation.records.toLocaleString('en-GB')} items${organisation.workstreams.length > 1 ? ` in ${organisation.workstreams.length} workstreams` : ''}`;
        for (const [name] of measured) {
          const roundTrips = perRun.get(`${name} round trips`);
          const floor = { name: 'one round trip', perRun: roundTrips.map(() => 1) };
          const note = [
            `${median(perRun.get(`${name} requests`))} requests counting each part of a batch`,
            `${Math.round(median(perRun.get(`${name} ms`)))} ms on the local stand-in`,
            `longest URL ${Math.max(...perRun.get(`${name} url`)).toLocaleString('en-GB')} characters`,
          ].join('; ');
          figures.push(figure(NAME, `${name}, ${label}`, 'round trips', roundTrips, floor, note));
        }
      } finally {
        await store.close();
        await standIn.stop();
      }
    }
    return figures;
  },
};
