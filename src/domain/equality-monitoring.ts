import type { CalendarDate } from './calendar';
import { ValidationError } from './errors';

/**
 * Equality monitoring: the questions, in the categories the NHS and the 2021 Census
 * use, and the arithmetic that keeps the answers anonymous. Answers are never stored
 * one form at a time: each form is added into its workstream's count for the quarter
 * (see `monitoringTallies` in the schema), so nothing stored can say whose answers
 * are whose, and the representativeness view shows only counts of at least the
 * organisation's threshold.
 */

/** Every question can be answered this way. */
export const PREFER_NOT_TO_SAY = 'Prefer not to say';
/** Counted when a form was returned with the question left blank. */
export const NOT_ANSWERED = 'Not answered';

/** One monitoring question: its key in a form, what people read, and the answers offered (besides "Prefer not to say"). */
export interface MonitoringQuestion {
  readonly key: string;
  readonly title: string;
  readonly answers: readonly string[];
}

/** The ethnic groups of the 2021 Census of England and Wales (ONS), in its 19 categories. */
export const ONS_2021_ETHNIC_GROUPS = [
  'Asian, Asian British or Asian Welsh: Bangladeshi',
  'Asian, Asian British or Asian Welsh: Chinese',
  'Asian, Asian British or Asian Welsh: Indian',
  'Asian, Asian British or Asian Welsh: Pakistani',
  'Asian, Asian British or Asian Welsh: Other Asian',
  'Black, Black British, Black Welsh, Caribbean or African: African',
  'Black, Black British, Black Welsh, Caribbean or African: Caribbean',
  'Black, Black British, Black Welsh, Caribbean or African: Other Black',
  'Mixed or Multiple ethnic groups: White and Asian',
  'Mixed or Multiple ethnic groups: White and Black African',
  'Mixed or Multiple ethnic groups: White and Black Caribbean',
  'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups',
  'White: English, Welsh, Scottish, Northern Irish or British',
  'White: Irish',
  'White: Gypsy or Irish Traveller',
  'White: Roma',
  'White: Other White',
  'Other ethnic group: Arab',
  'Other ethnic group: Any other ethnic group',
] as const;

/** The questions every form asks, in order. */
export const MONITORING_QUESTIONS: readonly MonitoringQuestion[] = [
  {
    key: 'ageBand',
    title: 'Age band',
    answers: ['16 to 24', '25 to 34', '35 to 44', '45 to 54', '55 to 64', '65 to 74', '75 or over'],
  },
  { key: 'sex', title: 'Sex', answers: ['Female', 'Male'] },
  {
    key: 'genderIdentity',
    title: 'Is your gender identity the same as the sex you were registered at birth?',
    answers: ['Yes', 'No'],
  },
  {
    key: 'sexualOrientation',
    title: 'Sexual orientation',
    answers: ['Straight or heterosexual', 'Gay or lesbian', 'Bisexual', 'Another sexual orientation'],
  },
  { key: 'ethnicity', title: 'Ethnic group', answers: ONS_2021_ETHNIC_GROUPS },
  {
    key: 'disability',
    title:
      'Disability or long-term condition: are day-to-day activities limited by a health problem or disability lasting 12 months or more?',
    answers: ['Yes, limited a lot', 'Yes, limited a little', 'No'],
  },
  {
    key: 'religion',
    title: 'Religion or belief',
    answers: ['No religion', 'Buddhist', 'Christian', 'Hindu', 'Jewish', 'Muslim', 'Sikh', 'Any other religion or belief'],
  },
  {
    key: 'carer',
    title: 'Do you look after or support anyone because of long-term illness, disability or old age (unpaid)?',
    answers: ['No', 'Yes, 19 hours a week or less', 'Yes, 20 to 49 hours a week', 'Yes, 50 or more hours a week'],
  },
];

/** Asked only where the organisation has given its table of postcode districts and deciles. */
export const DEPRIVATION_QUESTION: MonitoringQuestion = {
  key: 'deprivationDecile',
  title: 'Area deprivation decile (1 is the most deprived tenth of areas), from the first half of the postcode',
  answers: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
};

/** The questions asked: every form's, and the deprivation decile where it is turned on. */
export function monitoringQuestions(deprivation: boolean): readonly MonitoringQuestion[] {
  return deprivation ? [...MONITORING_QUESTIONS, DEPRIVATION_QUESTION] : MONITORING_QUESTIONS;
}

/** The answers counted for a question: those offered, then "Prefer not to say" and "Not answered". */
export function countedAnswers(question: MonitoringQuestion): readonly string[] {
  return [...question.answers, PREFER_NOT_TO_SAY, NOT_ANSWERED];
}

/** How many forms gave each answer to each question, by question key then answer. */
export type AnswerCounts = Record<string, Record<string, number>>;

/** Counts with every question and answer at zero. */
export function emptyAnswerCounts(): AnswerCounts {
  return Object.fromEntries(
    monitoringQuestions(true).map((question) => [question.key, Object.fromEntries(countedAnswers(question).map((answer) => [answer, 0]))]),
  );
}

/**
 * `counts` with one form added: each question's answer, or "Not answered" for a
 * question left out. A stored count of an answer this version no longer offers is kept.
 */
export function withForm(counts: AnswerCounts, answers: Readonly<Record<string, string | undefined>>): AnswerCounts {
  const next: AnswerCounts = structuredClone(counts);
  for (const question of monitoringQuestions(true)) {
    const answer = answers[question.key] ?? NOT_ANSWERED;
    const row = (next[question.key] ??= {});
    row[answer] = (row[answer] ?? 0) + 1;
  }
  return next;
}

/** The sum of two sets of counts. */
export function addCounts(a: AnswerCounts, b: AnswerCounts): AnswerCounts {
  const sum: AnswerCounts = structuredClone(a);
  for (const [key, row] of Object.entries(b)) {
    const into = (sum[key] ??= {});
    for (const [answer, count] of Object.entries(row)) into[answer] = (into[answer] ?? 0) + count;
  }
  return sum;
}

/** The quarter of the calendar year a date falls in, as `2026-Q4`. */
export function quarterOf(date: CalendarDate): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

const OUTWARD_CODE = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const INWARD_CODE = /^\d[A-Z]{2}$/;

/**
 * The first half (outward code) of a UK postcode, from a whole postcode or its first
 * half, in capitals without spaces; undefined for anything else.
 */
export function outwardCode(postcode: string): string | undefined {
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  if (OUTWARD_CODE.test(compact)) return compact;
  const outward = compact.slice(0, -3);
  return INWARD_CODE.test(compact.slice(-3)) && OUTWARD_CODE.test(outward) ? outward : undefined;
}

/** The rows of a CSV (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks), blank lines left out. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  rows.push(row);
  return rows.map((cells) => cells.map((cell) => cell.trim())).filter((cells) => cells.some((cell) => cell !== ''));
}

/** The share of the population giving each answer, in percent, by question key then answer. */
export type PopulationProfile = Record<string, Record<string, number>>;

function refuseCsv(what: string, problems: readonly string[]): never {
  const shown = problems.slice(0, 5);
  const more = problems.length > shown.length ? ` And ${problems.length - shown.length} more.` : '';
  // The field's message gives each line at fault on a line of its own.
  throw new ValidationError(`The ${what} was not saved. ${shown.join(' ')}${more}`, {
    csv: [...shown, more.trim()].filter(Boolean).join('\n'),
  });
}

function headed(what: string, text: string, header: readonly string[]): string[][] {
  const rows = csvRows(text);
  const first = rows[0]?.map((cell) => cell.toLowerCase());
  if (!first || header.some((name, index) => first[index] !== name)) {
    refuseCsv(what, [`Its first line must be the header ${header.join(',')}.`]);
  }
  if (rows.length < 2) refuseCsv(what, ['It has a header but no rows.']);
  return rows.slice(1);
}

/**
 * The population profile from the organisation's CSV of census figures: a header
 * `question,answer,percent`, then one line per answer (question by key or title,
 * answer as the form offers it, percent from 0 to 100). A ValidationError names each
 * line at fault, and nothing is kept.
 */
export function parsePopulationProfile(text: string): PopulationProfile {
  const what = 'population profile';
  const rows = headed(what, text, ['question', 'answer', 'percent']);
  const questions = monitoringQuestions(true);
  const profile: PopulationProfile = {};
  const problems: string[] = [];
  rows.forEach(([questionName = '', answerName = '', percentText = ''], index) => {
    const line = `Line ${index + 2}:`;
    const question = questions.find((candidate) => [candidate.key, candidate.title].some((name) => same(name, questionName)));
    if (!question) {
      problems.push(`${line} "${questionName}" is not a question of the form; use one of ${questions.map((q) => q.key).join(', ')}.`);
      return;
    }
    const answer = question.answers.find((candidate) => same(candidate, answerName));
    if (!answer) {
      problems.push(`${line} "${answerName}" is not an answer to ${question.key}; use one of: ${question.answers.join('; ')}.`);
      return;
    }
    const percent = Number(percentText.replace(/%$/, ''));
    if (percentText === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      problems.push(`${line} the percent "${percentText}" is not a number from 0 to 100.`);
      return;
    }
    const row = (profile[question.key] ??= {});
    if (answer in row) problems.push(`${line} ${question.key} "${answer}" is given twice.`);
    row[answer] = percent;
  });
  if (problems.length > 0) refuseCsv(what, problems);
  return profile;
}

/**
 * The organisation's table of postcode districts (the first half of a postcode) and
 * their deprivation decile: a header `outward code,decile`, then one line per
 * district (decile 1 to 10, 1 the most deprived). A ValidationError names each line at fault.
 */
export function parsePostcodeDeciles(text: string): Map<string, number> {
  const what = 'postcode decile table';
  const rows = headed(what, text, ['outward code', 'decile']);
  const deciles = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach(([codeText = '', decileText = ''], index) => {
    const line = `Line ${index + 2}:`;
    const code = outwardCode(codeText);
    const decile = Number(decileText);
    if (!code || code !== codeText.toUpperCase().replace(/\s+/g, '')) {
      problems.push(`${line} "${codeText}" is not the first half of a postcode (such as LS6 or SW1A).`);
    } else if (!/^\d{1,2}$/.test(decileText) || decile < 1 || decile > 10) {
      problems.push(`${line} the decile "${decileText}" is not a whole number from 1 to 10.`);
    } else if (deciles.has(code)) {
      problems.push(`${line} ${code} is given twice.`);
    } else {
      deciles.set(code, decile);
    }
  });
  if (problems.length > 0) refuseCsv(what, problems);
  return deciles;
}

function same(a: string, b: string): boolean {
  return a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) === 0;
}

/** One workstream's forms in one quarter. */
export interface QuarterTally {
  readonly quarter: string;
  readonly responses: number;
  readonly counts: AnswerCounts;
}

/** The quarters a view covers, each end included (`2026-Q1`); an end left out is open. */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

/** A quarter as `2026-Q4`. */
export const QUARTER = /^\d{4}-Q[1-4]$/;

/** What a workstream's quarters add up to once released: see {@link releasedForms}. */
export interface Released {
  readonly responses: number;
  readonly counts: AnswerCounts;
  /** Forms not counted yet: this quarter's, and earlier ones still waiting for enough others to join them. */
  readonly waiting: number;
  /** Forms released in a batch that runs past an end of the period, so left out of it. */
  readonly acrossEdge: number;
}

interface Batch {
  readonly first: string;
  readonly last: string;
  readonly responses: number;
  readonly counts: AnswerCounts;
}

/**
 * The forms of a workstream that the representativeness view may count. A quarter is
 * counted only once it has ended, and only in a batch of at least `threshold` forms:
 * quarters with fewer wait for the following ones. So whoever compares the view from
 * one quarter to the next sees at least `threshold` new forms added at once, never
 * one person's answers.
 *
 * With a `period`, only the batches lying wholly inside it are counted. Past quarters
 * never change, so the batches are the same whichever period is asked for, and any two
 * periods' views differ by whole batches of at least `threshold` forms: choosing
 * periods cleverly reveals no more than waiting for the next quarter does.
 */
export function releasedForms(tallies: readonly QuarterTally[], currentQuarter: string, threshold: number, period: Period = {}): Released {
  const batches: Batch[] = [];
  let batch: Batch | undefined;
  let waiting = 0;
  for (const tally of [...tallies].sort((a, b) => a.quarter.localeCompare(b.quarter))) {
    if (tally.quarter >= currentQuarter) {
      waiting += tally.responses;
      continue;
    }
    batch = {
      first: batch?.first ?? tally.quarter,
      last: tally.quarter,
      responses: (batch?.responses ?? 0) + tally.responses,
      counts: addCounts(batch?.counts ?? emptyAnswerCounts(), tally.counts),
    };
    if (batch.responses >= threshold) {
      batches.push(batch);
      batch = undefined;
    }
  }
  const inside = (candidate: Batch) =>
    (period.from === undefined || candidate.first >= period.from) && (period.to === undefined || candidate.last <= period.to);
  const touches = (candidate: Batch) =>
    (period.from === undefined || candidate.last >= period.from) && (period.to === undefined || candidate.first <= period.to);
  const counted = batches.filter(inside);
  return {
    responses: counted.reduce((sum, each) => sum + each.responses, 0),
    counts: counted.reduce((sum, each) => addCounts(sum, each.counts), emptyAnswerCounts()),
    waiting: waiting + (batch?.responses ?? 0),
    acrossEdge: batches.filter((each) => touches(each) && !inside(each)).reduce((sum, each) => sum + each.responses, 0),
  };
}

/** A table of counts in which some cells are hidden; `null` marks a hidden count. */
export type Suppressed = Array<Array<number | null>>;

/**
 * Hides small counts in a table of workstreams (rows) by answers (columns), with the
 * system's counts as a last row. Every count under `threshold` is hidden (zero
 * included: "nobody here is X" says something about everyone). Then, so that no
 * hidden count can be worked out by subtraction from a total that is shown (a
 * workstream's forms, the system's count of an answer, the system's forms), any row
 * or column with exactly one hidden count hides its smallest shown count as well,
 * until none is left with one. `rowTotals` are each workstream's forms, the system's last.
 */
export function suppressSmallCounts(table: readonly (readonly number[])[], rowTotals: readonly number[], threshold: number): Suppressed {
  const hidden = table.map((row, index) => row.map((count) => count < threshold || rowTotals[index] < threshold));
  const system = table.length - 1;
  const groups: Array<{ cells: Array<[number, number]>; totalShown: () => boolean }> = [];
  table.forEach((row, r) =>
    groups.push({ cells: row.map((_, c): [number, number] => [r, c]), totalShown: () => rowTotals[r] >= threshold }),
  );
  table[system]?.forEach((_, c) =>
    groups.push({ cells: table.slice(0, system).map((_, r): [number, number] => [r, c]), totalShown: () => !hidden[system][c] }),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (!group.totalShown()) continue;
      const shown = group.cells.filter(([r, c]) => !hidden[r][c]);
      if (group.cells.length - shown.length !== 1 || shown.length === 0) continue;
      const [r, c] = shown.reduce((least, cell) => (table[cell[0]][cell[1]] < table[least[0]][least[1]] ? cell : least));
      hidden[r][c] = true;
      changed = true;
    }
  }
  return table.map((row, r) => row.map((count, c) => (hidden[r][c] ? null : count)));
}
