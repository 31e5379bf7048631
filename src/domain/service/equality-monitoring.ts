import { z } from 'zod';
import type { CalendarDate } from '../calendar';
import {
  addCounts,
  countedAnswers,
  emptyAnswerCounts,
  monitoringQuestions,
  outwardCode,
  parsePopulationProfile,
  parsePostcodeDeciles,
  PREFER_NOT_TO_SAY,
  QUARTER,
  quarterOf,
  releasedForms,
  suppressSmallCounts,
  withForm,
  type AnswerCounts,
  type MonitoringQuestion,
  type Period,
  type PopulationProfile,
} from '../equality-monitoring';
import { ConflictError, RefusedError, ValidationError } from '../errors';
import type { Principal } from '../principal';
import { MONITORING_REFERENCE_KINDS, type Involvement, type MonitoringTally, type RecordOf } from '../schema/lists';
import type { Change } from '../store';
import { idempotencyKey, itemRef, newKey, parseInput, UseCaseContext } from './context';
import { AccessPolicy } from './access';

/** The threshold under which a count is never shown, unless the organisation sets its own. */
export const DEFAULT_MONITORING_MIN_COUNT = 5;

/** How many times a form is added again when another form for the same workstream and quarter was added at the same moment. */
const TALLY_ATTEMPTS = 10;

/** What the form says about itself, wherever it is shown. */
const FORM_GUIDANCE = [
  'Answering is voluntary, and every question can be left blank or answered "Prefer not to say".',
  "The answers are not kept with the partner's record: they are added to anonymous counts for the workstream and the quarter, so nobody, the Engagement team included, can see whose answers are whose.",
  'The form is offered once. Afterwards the record shows only that it was answered or declined, never what was answered, and the answers cannot be changed.',
];

/** One question as the form shows it: the answers offered end with "Prefer not to say". */
export interface MonitoringFormQuestion {
  readonly key: string;
  readonly title: string;
  readonly answers: readonly string[];
}

/** The equality monitoring form for one involvement, or what became of it. */
export interface MonitoringForm {
  readonly involvementId: number;
  readonly version: number;
  /** `Not yet offered` until it is answered or declined, once. */
  readonly state: 'Not yet offered' | 'Answered' | 'Declined';
  readonly questions: readonly MonitoringFormQuestion[];
  /** Whether the form asks for the first half of a postcode (only to look up its deprivation decile, which is all that is kept). */
  readonly asksPostcode: boolean;
  readonly guidance: readonly string[];
}

/** A count and its share, each `null` where it is too small to show (or could be worked out from what is shown). */
export interface ProfileCell {
  readonly count: number | null;
  /** Percent of all forms counted for the workstream (or the system), one decimal place. */
  readonly percent: number | null;
  /** `percent` less the population's percent, in percentage points; null when either is unknown. */
  readonly gap: number | null;
}

/** One answer of one question, across the system and each workstream. */
export interface ProfileRow {
  readonly answer: string;
  /** The population's percent, from the organisation's profile; null when it gives none. */
  readonly population: number | null;
  readonly system: ProfileCell;
  /** In the order of {@link Representativeness.workstreams}. */
  readonly workstreams: readonly ProfileCell[];
}

/** Forms counted for a workstream or the system. */
export interface FormsCounted {
  /** Forms counted in the profile; null when fewer than the threshold. */
  readonly counted: number | null;
  /** Forms returned but not counted yet: this quarter's, and earlier ones waiting for enough others. */
  readonly waiting: number;
  readonly declined: number;
  /** Forms counted in batches that run past an end of the period chosen, so left out of it (see `releasedForms`). */
  readonly acrossEdge: number;
}

/** Whom the workstreams involve, beside the population they serve: the Engagement team's view. */
export interface Representativeness {
  readonly today: CalendarDate;
  readonly quarter: string;
  /** The quarters counted, each end included; null ends are open (every quarter so far). */
  readonly period: { readonly from: string | null; readonly to: string | null; readonly title: string };
  /** Every quarter that has ended since the first form, oldest first: the periods that can be chosen. */
  readonly quarters: readonly string[];
  readonly threshold: number;
  readonly populationGiven: boolean;
  readonly deprivationAsked: boolean;
  /** The organisation's two tables: what each is, and what is saved now. */
  readonly tables: readonly MonitoringTableState[];
  readonly system: FormsCounted;
  readonly workstreams: ReadonlyArray<FormsCounted & { readonly id: number; readonly title: string }>;
  readonly questions: ReadonlyArray<{ readonly key: string; readonly title: string; readonly rows: readonly ProfileRow[] }>;
  /** How to read the view, in plain sentences. */
  readonly notes: readonly string[];
}

/** What an organisation's table holds once saved. */
export interface MonitoringTable {
  readonly kind: (typeof MONITORING_REFERENCE_KINDS)[number];
  /** Lines of figures held; 0 once the table is removed. */
  readonly lines: number;
}

/** A table the organisation saved: how many lines of figures it holds, and when it was saved. */
export interface LoadedTable {
  readonly lines: number;
  readonly savedAt: string;
}

/** One of the organisation's tables: how to make it, and what is saved now (null for none). */
export interface MonitoringTableState {
  readonly kind: TableKind;
  readonly guidance: string;
  readonly loaded: LoadedTable | null;
}

const REPLACES =
  'A file replaces the table saved now; a file with a bad line is refused, naming the line, and the table saved now is kept.';

/** How to make each table, wherever it is uploaded. */
const TABLE_GUIDANCE: Readonly<Record<TableKind, string>> = {
  'Population profile': `A CSV of the area's census figures: the header question,answer,percent, then a line per answer (the question's key or title, the answer as the form offers it, the percent from 0 to 100). ${REPLACES}`,
  'Postcode deciles': `A CSV of postcode districts: the header outward code,decile, then a line per district (the first half of a postcode, such as LS6) and its deprivation decile from 1 (most deprived) to 10. Saving it adds the postcode question to the form. ${REPLACES}`,
};

const answersShape = Object.fromEntries(
  monitoringQuestions(true).map((question) => {
    const allowed = question.key === 'deprivationDecile' ? [PREFER_NOT_TO_SAY] : [...question.answers, PREFER_NOT_TO_SAY];
    return [question.key, z.enum(allowed as [string, ...string[]]).optional()];
  }),
);

/** The answers, each optional, beside the involvement they are for. */
const submitInput = z
  .object({
    involvementId: itemRef.id,
    version: itemRef.version,
    key: idempotencyKey,
    ...answersShape,
    /** A whole postcode or its first half: used only to find the area's decile, then dropped. */
    postcode: z.string().trim().max(10).optional(),
  })
  .strict();
const declineInput = z.object({ involvementId: itemRef.id, version: itemRef.version, key: idempotencyKey }).strict();
const tableInput = z.object({ csv: z.string().max(60_000).nullable() }).strict();
const quarter = z.string().regex(QUARTER, 'Give a quarter as the year and the quarter, such as 2026-Q1.');
const periodInput = z
  .object({ from: quarter.optional(), to: quarter.optional() })
  .strict()
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    message: 'The period must start no later than it ends.',
    path: ['to'],
  });

const TITLES: Record<string, string> = {
  involvementId: 'Involvement',
  version: 'Version',
  postcode: 'First half of the postcode',
  csv: 'CSV',
  from: 'From',
  to: 'To',
  ...Object.fromEntries(monitoringQuestions(true).map((question) => [question.key, question.title])),
};

/** Each use case's input, for the API contract. */
export const monitoringInputs = {
  submit: submitInput,
  decline: declineInput,
  setPopulationProfile: tableInput,
  setPostcodeDeciles: tableInput,
  representativeness: periodInput,
} as const;

type TableKind = MonitoringTable['kind'];

/** Equality monitoring: the form once per involvement, and the anonymous counts the Engagement team reads. */
export class EqualityMonitoringUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  private get threshold(): number {
    return this.ctx.settings.monitoringMinCount ?? DEFAULT_MONITORING_MIN_COUNT;
  }

  /** The form for an involvement the person may act on, or that it was answered or declined. */
  async form(actor: Principal, involvementId: number): Promise<MonitoringForm> {
    const {
      item: involvement,
      answers: [deciles],
    } = await this.ctx.loadOwnedWith(actor, 'involvements', involvementId, [tableQuery('Postcode deciles')] as const);
    const asksPostcode = deciles.length > 0;
    return {
      involvementId: involvement.id,
      version: involvement.version,
      state: involvement.monitoring ?? 'Not yet offered',
      questions: monitoringQuestions(asksPostcode).map((question) => ({ ...question, answers: [...question.answers, PREFER_NOT_TO_SAY] })),
      asksPostcode,
      guidance: FORM_GUIDANCE,
    };
  }

  /**
   * Adds the answers to the workstream's anonymous counts for this quarter and records
   * on the involvement only that the form was answered, in one commit. A postcode
   * gives its area's decile and is then dropped: it is never stored or logged.
   */
  async submit(actor: Principal, input: unknown): Promise<Involvement> {
    const parsed = parseInput(submitInput, input, TITLES);
    const key = parsed.key ?? newKey();
    return this.ctx.repeatable(
      key,
      async () => {
        const {
          item: involvement,
          answers: [decileTables],
        } = await this.ctx.loadOwnedWith(actor, 'involvements', parsed.involvementId, [tableQuery('Postcode deciles')] as const);
        // The schema allows each question's answers only, under the question's key.
        const given: Readonly<Record<string, unknown>> = parsed;
        const answers = Object.fromEntries(
          monitoringQuestions(true).map((question) => [question.key, given[question.key] as string | undefined]),
        );
        if (parsed.postcode) answers.deprivationDecile = decileOf(parsed.postcode, decileTables[0]);
        return this.record(actor, involvement, parsed.version, key, 'Answered', (tally) => ({
          responses: tally.responses + 1,
          counts: JSON.stringify(withForm(countsOf(tally), answers)),
        }));
      },
      () => this.ctx.loadOwned(actor, 'involvements', parsed.involvementId),
    );
  }

  /** Records that the partner declined the form; it is not offered again. */
  async decline(actor: Principal, input: unknown): Promise<Involvement> {
    const parsed = parseInput(declineInput, input, TITLES);
    const key = parsed.key ?? newKey();
    return this.ctx.repeatable(
      key,
      async () => {
        const involvement = await this.ctx.loadOwned(actor, 'involvements', parsed.involvementId);
        return this.record(actor, involvement, parsed.version, key, 'Declined', (tally) => ({ declined: tally.declined + 1 }));
      },
      () => this.ctx.loadOwned(actor, 'involvements', parsed.involvementId),
    );
  }

  /**
   * Marks the involvement and changes the workstream's count for the quarter in one
   * commit. Another form added to the same count at the same moment moves its version
   * on (and, on SharePoint, undoing the refused commit moves the involvement's): both
   * are read again and the form added again, unless the form was answered meanwhile.
   */
  private async record(
    actor: Principal,
    involvement: Involvement,
    version: number,
    key: string,
    state: 'Answered' | 'Declined',
    change: (tally: MonitoringTally) => Partial<MonitoringTally>,
  ): Promise<Involvement> {
    refuseIfDone(involvement);
    if (involvement.version !== version) throw new ConflictError('involvement');
    const quarter = quarterOf(this.ctx.today());
    let current = involvement;
    for (let attempt = 1; ; attempt += 1) {
      const tally = await this.tallyFor(actor, involvement.workstreamId, quarter);
      const changes: Change[] = [
        {
          op: 'update',
          list: 'involvements',
          id: current.id,
          version: current.version,
          values: { monitoring: state },
          summary: `Equality monitoring ${state.toLowerCase()}`,
        },
        {
          op: 'update',
          list: 'monitoringTallies',
          id: tally.id,
          version: tally.version,
          values: change(tally),
          summary: `Equality monitoring counts for ${quarter}`,
        },
      ];
      try {
        return await this.ctx.commitFirst<'involvements'>(actor, changes, key);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= TALLY_ATTEMPTS) throw error;
        current = await this.ctx.load('involvements', involvement.id);
        refuseIfDone(current);
      }
    }
  }

  /** The workstream's count for the quarter, made (at zero) by the first form of the quarter. */
  private async tallyFor(actor: Principal, workstreamId: number, quarter: string): Promise<MonitoringTally> {
    const [existing] = await this.ctx.store.find({ list: 'monitoringTallies', where: { workstreamId, quarter }, top: 1 });
    if (existing) return existing;
    // The key makes two first forms at once share one count rather than make two.
    return this.ctx.commitFirst<'monitoringTallies'>(actor, [
      {
        op: 'create',
        list: 'monitoringTallies',
        key: `monitoring:${workstreamId}:${quarter}`,
        values: { workstreamId, quarter, responses: 0, declined: 0, counts: JSON.stringify(emptyAnswerCounts()) },
        summary: `Equality monitoring counts started for ${quarter}`,
      },
    ]);
  }

  /** Saves the organisation's population profile (a CSV of census figures), replacing the last; null removes it. */
  async setPopulationProfile(actor: Principal, input: unknown): Promise<MonitoringTable> {
    return this.saveTable(actor, 'Population profile', input, (csv) => profileLines(parsePopulationProfile(csv)));
  }

  /** Saves the organisation's table of postcode districts and deciles, which turns the deprivation question on; null removes it (and the question). */
  async setPostcodeDeciles(actor: Principal, input: unknown): Promise<MonitoringTable> {
    return this.saveTable(actor, 'Postcode deciles', input, (csv) => parsePostcodeDeciles(csv).size);
  }

  /** Checks the person is in the Engagement team, then the table (`lines` refuses a bad one, or counts its lines), then saves it. */
  private async saveTable(actor: Principal, kind: TableKind, input: unknown, lines: (csv: string) => number): Promise<MonitoringTable> {
    const [reachRows, [current]] = await this.ctx.store.findAll([AccessPolicy.reachQuery([actor.id]), tableQuery(kind)]);
    this.ctx.access.requireEngagementTeamFrom(actor, reachRows, `set the ${kind.toLowerCase()} for equality monitoring`);
    const { csv } = parseInput(tableInput, input, TITLES);
    const counted = csv === null ? 0 : lines(csv);
    const summary = `${kind} for equality monitoring`;
    let change: Change | undefined;
    if (csv === null) change = current && { op: 'delete', list: 'monitoringReferences', id: current.id, version: current.version, summary };
    else if (current)
      change = { op: 'update', list: 'monitoringReferences', id: current.id, version: current.version, values: { csv }, summary };
    else change = { op: 'create', list: 'monitoringReferences', key: newKey(), values: { kind, csv }, summary };
    if (change) await this.ctx.store.commit([change], this.ctx.commitContext(actor));
    return { kind, lines: counted };
  }

  /**
   * Each workstream's profile and the system's beside the population's, for the
   * Engagement team. Counts under the threshold are never shown, nor any count that
   * could be worked out from those shown; forms are counted once their quarter has
   * ended, in batches of at least the threshold (see `releasedForms`). With a period
   * (`from` and `to` quarters, either left open), only the batches wholly inside it.
   */
  async representativeness(actor: Principal, input: unknown = {}): Promise<Representativeness> {
    const [reachRows, workstreams, tallies, population, deciles] = await this.ctx.store.findAll([
      AccessPolicy.reachQuery([actor.id]),
      { list: 'workstreams', orderBy: [{ field: 'title' }] },
      { list: 'monitoringTallies' },
      tableQuery('Population profile'),
      tableQuery('Postcode deciles'),
    ]);
    this.ctx.access.requireEngagementTeamFrom(actor, reachRows, 'see the equality monitoring counts');
    const period: Period = parseInput(periodInput, input, TITLES);
    const inPeriod = (tally: MonitoringTally) =>
      (period.from === undefined || tally.quarter >= period.from) && (period.to === undefined || tally.quarter <= period.to);
    const today = this.ctx.today();
    const quarter = quarterOf(today);
    const threshold = this.threshold;
    const profile: PopulationProfile = population[0] ? parsePopulationProfile(population[0].csv) : {};
    const loaded = (table: RecordOf<'monitoringReferences'> | undefined, lines: (csv: string) => number): LoadedTable | null =>
      table ? { lines: lines(table.csv), savedAt: table.modified } : null;
    const deprivationAsked = deciles.length > 0;
    const perWorkstream = workstreams.map((workstream) => {
      const own = tallies.filter((tally) => tally.workstreamId === workstream.id);
      const released = releasedForms(
        own.map((tally) => ({ quarter: tally.quarter, responses: tally.responses, counts: countsOf(tally) })),
        quarter,
        threshold,
        period,
      );
      return { workstream, released, declined: own.filter(inPeriod).reduce((sum, tally) => sum + tally.declined, 0) };
    });
    const systemForms = perWorkstream.reduce((sum, { released }) => sum + released.responses, 0);
    const formTotals = [...perWorkstream.map(({ released }) => released.responses), systemForms];
    const questions = monitoringQuestions(true).filter(
      (question) => deprivationAsked || question.key !== 'deprivationDecile' || hasAny(perWorkstream, question),
    );
    return {
      today,
      quarter,
      period: { from: period.from ?? null, to: period.to ?? null, title: periodTitle(period) },
      quarters: endedQuarters(tallies, quarter),
      threshold,
      populationGiven: population.length > 0,
      deprivationAsked,
      tables: [
        {
          kind: 'Population profile',
          guidance: TABLE_GUIDANCE['Population profile'],
          loaded: loaded(population[0], () => profileLines(profile)),
        },
        {
          kind: 'Postcode deciles',
          guidance: TABLE_GUIDANCE['Postcode deciles'],
          loaded: loaded(deciles[0], (csv) => parsePostcodeDeciles(csv).size),
        },
      ],
      system: {
        counted: systemForms >= threshold ? systemForms : null,
        waiting: perWorkstream.reduce((sum, { released }) => sum + released.waiting, 0),
        declined: perWorkstream.reduce((sum, { declined }) => sum + declined, 0),
        acrossEdge: perWorkstream.reduce((sum, { released }) => sum + released.acrossEdge, 0),
      },
      workstreams: perWorkstream.map(({ workstream, released, declined }) => ({
        id: workstream.id,
        title: workstream.title,
        counted: released.responses >= threshold ? released.responses : null,
        waiting: released.waiting,
        declined,
        acrossEdge: released.acrossEdge,
      })),
      questions: questions.map((question) => {
        const answers = countedAnswers(question);
        const table = [...perWorkstream.map(({ released }) => released.counts), sumCounts(perWorkstream)].map((counts) =>
          answers.map((answer) => counts[question.key]?.[answer] ?? 0),
        );
        const shown = suppressSmallCounts(table, formTotals, threshold);
        const cell = (row: number, column: number, population: number | null): ProfileCell => {
          const count = shown[row][column];
          const percent = count === null ? null : Math.round((count / formTotals[row]) * 1000) / 10;
          return { count, percent, gap: percent === null || population === null ? null : Math.round((percent - population) * 10) / 10 };
        };
        const system = shown.length - 1;
        return {
          key: question.key,
          title: question.title,
          rows: answers.map((answer, column) => {
            const population = profile[question.key]?.[answer] ?? null;
            return {
              answer,
              population,
              system: cell(system, column, population),
              workstreams: perWorkstream.map((_, row) => cell(row, column, population)),
            };
          }),
        };
      }),
      notes: [
        `Counts under ${threshold} are never shown, nor any count that could be worked out from those that are; a workstream with fewer than ${threshold} forms counted shows none.`,
        `Forms are counted once their quarter has ended, in batches of at least ${threshold}: this quarter's (${quarter}) and smaller batches wait, so no comparison of the view over time shows one person's answers.`,
        `A period counts only the batches of forms wholly inside it, so that comparing periods, like comparing the view over time, shows no group of fewer than ${threshold} forms; a batch that runs past either end of the period is left out of it.`,
        'Percentages are of every form counted, including those answered "Prefer not to say" or left blank; the gap is the difference from the population\'s percentage, in percentage points.',
        population.length > 0
          ? 'The population profile is the one the organisation gave.'
          : 'No population profile has been given yet: the Engagement team can upload a CSV of census figures.',
      ],
    };
  }
}

/** Refuses a second form for an involvement whose form was answered or declined. */
function refuseIfDone(involvement: Involvement): void {
  if (!involvement.monitoring) return;
  throw new RefusedError(
    'monitoring-done',
    `The equality monitoring form for this involvement was already ${involvement.monitoring.toLowerCase()}. It is offered once, and the answers cannot be seen or changed.`,
    { state: involvement.monitoring },
  );
}

/** The period in words, as the view and the CSV head it. */
function periodTitle({ from, to }: Period): string {
  if (from && to) return from === to ? `The quarter ${from}` : `From ${from} to ${to}`;
  if (from) return `From ${from} on`;
  if (to) return `Up to ${to}`;
  return 'Every quarter so far';
}

/** How many answers' figures a population profile gives. */
function profileLines(profile: PopulationProfile): number {
  return Object.values(profile).reduce((sum, row) => sum + Object.keys(row).length, 0);
}

/** Every quarter from the first with a form up to the last that has ended, oldest first. */
function endedQuarters(tallies: readonly MonitoringTally[], current: string): string[] {
  const first = tallies.reduce<string | undefined>(
    (earliest, tally) => (earliest === undefined || tally.quarter < earliest ? tally.quarter : earliest),
    undefined,
  );
  const quarters: string[] = [];
  if (first === undefined) return quarters;
  let [year, number] = first.split('-Q').map(Number);
  for (let each = first; each < current; each = `${year}-Q${number}`) {
    quarters.push(each);
    [year, number] = number === 4 ? [year + 1, 1] : [year, number + 1];
  }
  return quarters;
}

function tableQuery(kind: TableKind) {
  return { list: 'monitoringReferences', where: { kind }, top: 1 } as const;
}

function countsOf(tally: MonitoringTally): AnswerCounts {
  return JSON.parse(tally.counts) as AnswerCounts;
}

function sumCounts(perWorkstream: ReadonlyArray<{ released: { counts: AnswerCounts } }>): AnswerCounts {
  return perWorkstream.reduce((sum, { released }) => addCounts(sum, released.counts), emptyAnswerCounts());
}

/** Whether any form counted answered the question, so a question turned off later still shows what was gathered. */
function hasAny(perWorkstream: ReadonlyArray<{ released: { counts: AnswerCounts } }>, question: MonitoringQuestion): boolean {
  return perWorkstream.some(({ released }) => question.answers.some((answer) => (released.counts[question.key]?.[answer] ?? 0) > 0));
}

/** The deprivation decile of a postcode's district, from the organisation's table; the postcode itself is not repeated in any message. */
function decileOf(postcode: string, table: RecordOf<'monitoringReferences'> | undefined): string {
  if (!table) {
    throw new RefusedError(
      'deprivation-off',
      'This organisation does not ask for a postcode: leave it out. The Engagement team turns the question on by giving a table of postcode districts and deciles.',
    );
  }
  const code = outwardCode(postcode);
  if (!code) {
    throw new ValidationError(
      'The first half of the postcode is not in the form of one (such as LS6 or SW1A). Check it, or leave it out.',
      {
        postcode: 'Not the first half of a postcode.',
      },
    );
  }
  const decile = parsePostcodeDeciles(table.csv).get(code);
  if (decile === undefined) {
    throw new ValidationError(
      "That postcode district is not in the organisation's table of deciles. Leave it out, or ask the Engagement team to add the district to the table.",
      { postcode: 'Not in the table of deciles.' },
    );
  }
  return String(decile);
}
