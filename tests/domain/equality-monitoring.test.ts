import {
  emptyAnswerCounts,
  MONITORING_QUESTIONS,
  NOT_ANSWERED,
  ONS_2021_ETHNIC_GROUPS,
  outwardCode,
  parsePopulationProfile,
  parsePostcodeDeciles,
  PREFER_NOT_TO_SAY,
  quarterOf,
  releasedForms,
  suppressSmallCounts,
  ValidationError,
  withForm,
  type QuarterTally,
} from '../../src/domain';
import { refusal } from './refusal';

describe('equality monitoring questions', () => {
  it('asks the 19 ethnic groups of the 2021 Census and the other NHS categories, each question with its own answers', () => {
    expect(ONS_2021_ETHNIC_GROUPS).toHaveLength(19);
    expect(MONITORING_QUESTIONS.map((question) => question.key)).toEqual([
      'ageBand',
      'sex',
      'genderIdentity',
      'sexualOrientation',
      'ethnicity',
      'disability',
      'religion',
      'carer',
    ]);
  });

  it('counts a form into every question, a question left out as Not answered', () => {
    const counts = withForm(emptyAnswerCounts(), { ageBand: '25 to 34', sex: PREFER_NOT_TO_SAY });
    expect(counts.ageBand['25 to 34']).toBe(1);
    expect(counts.sex[PREFER_NOT_TO_SAY]).toBe(1);
    expect(counts.ethnicity[NOT_ANSWERED]).toBe(1);
    expect(counts.deprivationDecile[NOT_ANSWERED]).toBe(1);
  });
});

describe('quarters and postcodes', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-12-07', '2026-Q4'],
  ])('puts %s in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it.each([
    ['ls6 2ab', 'LS6'],
    ['SW1A 1AA', 'SW1A'],
    ['M1', 'M1'],
    ['  b33 8th ', 'B33'],
  ])('takes the first half of %s', (postcode, outward) => {
    expect(outwardCode(postcode)).toBe(outward);
  });

  it.each(['', 'hello', '12345', 'LS6 2A'])('finds no first half in %j', (postcode) => {
    expect(outwardCode(postcode)).toBeUndefined();
  });
});

describe("the organisation's tables", () => {
  it('reads a population profile by question key or title, answers in any case, quoted answers with commas', () => {
    const profile = parsePopulationProfile(
      [
        'question,answer,percent',
        'sex,female,51.2',
        'Sex,Male,48.8%',
        'ethnicity,"White: English, Welsh, Scottish, Northern Irish or British",74.4',
      ].join('\r\n'),
    );
    expect(profile).toEqual({
      sex: { Female: 51.2, Male: 48.8 },
      ethnicity: { 'White: English, Welsh, Scottish, Northern Irish or British': 74.4 },
    });
  });

  it('refuses a population profile naming every line at fault', () => {
    const error = refusal(
      () =>
        parsePopulationProfile(['question,answer,percent', 'shoe size,9,3', 'sex,Other,2', 'sex,Female,120', 'sex,Female,50'].join('\n')),
      ValidationError,
    );
    expect(error.message).toContain('Line 2: "shoe size" is not a question of the form');
    expect(error.message).toContain('Line 3: "Other" is not an answer to sex');
    expect(error.message).toContain('Line 4: the percent "120" is not a number from 0 to 100.');
    expect(error.fields.csv).toBeDefined();
  });

  it('refuses a table without its header, or with a header only', () => {
    expect(refusal(() => parsePopulationProfile('sex,Female,51'), ValidationError).message).toBe(
      'The population profile was not saved. Its first line must be the header question,answer,percent.',
    );
    expect(refusal(() => parsePostcodeDeciles('outward code,decile\n'), ValidationError).message).toBe(
      'The postcode decile table was not saved. It has a header but no rows.',
    );
  });

  it('reads postcode districts and deciles, refusing whole postcodes, deciles out of range and repeats', () => {
    expect(parsePostcodeDeciles('outward code,decile\nLS6,3\nsw1a,10')).toEqual(
      new Map([
        ['LS6', 3],
        ['SW1A', 10],
      ]),
    );
    const error = refusal(() => parsePostcodeDeciles('outward code,decile\nLS6 2AB,3\nLS7,0\nLS8,4\nls8,5'), ValidationError);
    expect(error.message).toContain('Line 2: "LS6 2AB" is not the first half of a postcode');
    expect(error.message).toContain('Line 3: the decile "0" is not a whole number from 1 to 10.');
    expect(error.message).toContain('Line 5: LS8 is given twice.');
  });
});

function tally(quarter: string, responses: number): QuarterTally {
  let counts = emptyAnswerCounts();
  for (let form = 0; form < responses; form += 1) counts = withForm(counts, { sex: 'Female' });
  return { quarter, responses, counts };
}

describe('forms released to the representativeness view', () => {
  it('counts no form of the current quarter', () => {
    const released = releasedForms([tally('2026-Q3', 6), tally('2026-Q4', 7)], '2026-Q4', 5);
    expect(released).toMatchObject({ responses: 6, waiting: 7 });
    expect(released.counts.sex.Female).toBe(6);
  });

  it('holds back quarters with fewer forms than the threshold until later ones make a batch of enough', () => {
    expect(releasedForms([tally('2026-Q1', 2), tally('2026-Q2', 1)], '2026-Q4', 5)).toMatchObject({ responses: 0, waiting: 3 });
    expect(releasedForms([tally('2026-Q1', 2), tally('2026-Q2', 1), tally('2026-Q3', 2)], '2026-Q4', 5)).toMatchObject({
      responses: 5,
      waiting: 0,
    });
  });

  const quarters = [tally('2025-Q3', 6), tally('2025-Q4', 3), tally('2026-Q1', 2), tally('2026-Q2', 7)];

  it('counts for a period only the batches wholly inside it, and says how many forms ran past its edge', () => {
    // Batches: 2025-Q3 (6), 2025-Q4 to 2026-Q1 (5), 2026-Q2 (7).
    expect(releasedForms(quarters, '2026-Q4', 5, { from: '2025-Q3', to: '2025-Q4' })).toMatchObject({ responses: 6, acrossEdge: 5 });
    expect(releasedForms(quarters, '2026-Q4', 5, { from: '2026-Q1', to: '2026-Q4' })).toMatchObject({ responses: 7, acrossEdge: 5 });
    expect(releasedForms(quarters, '2026-Q4', 5, { from: '2025-Q4', to: '2026-Q1' })).toMatchObject({ responses: 5, acrossEdge: 0 });
    expect(releasedForms(quarters, '2026-Q4', 5, {})).toMatchObject({ responses: 18, acrossEdge: 0 });
  });

  it('never lets a period and one inside it differ by fewer forms than the threshold, so subtracting one from the other shows no small group', () => {
    const ends = ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
    const periods = ends.flatMap((from) => ends.filter((to) => to >= from).map((to) => ({ from, to })));
    const differences = periods.flatMap((outer) =>
      periods
        .filter((inner) => inner.from >= outer.from && inner.to <= outer.to)
        .map((inner) => releasedForms(quarters, '2026-Q4', 5, outer).responses - releasedForms(quarters, '2026-Q4', 5, inner).responses),
    );
    expect(differences.filter((difference) => difference > 0 && difference < 5)).toEqual([]);
    expect(differences.filter((difference) => difference > 0).length).toBeGreaterThan(0);
  });
});

describe('small counts', () => {
  it('hides every count under the threshold, zero included', () => {
    expect(suppressSmallCounts([[7, 3, 0, 14]], [24], 5)).toEqual([[7, null, null, 14]]);
  });

  it('hides a second count where a single hidden one could be worked out from the total', () => {
    // 24 forms: 4 could be read as 24 - 7 - 6 - 7 if only it were hidden.
    expect(suppressSmallCounts([[7, 6, 4, 7]], [24], 5)).toEqual([[7, null, null, 7]]);
  });

  it('hides every count of a workstream with fewer forms than the threshold', () => {
    expect(suppressSmallCounts([[2, 2]], [4], 5)).toEqual([[null, null]]);
  });

  it("hides a second workstream's count where one hidden count could be worked out from the system's", () => {
    const table = [
      [6, 6],
      [8, 3],
      [9, 9],
      [23, 18],
    ];
    const shown = suppressSmallCounts(table, [12, 11, 18, 41], 5);
    // Workstream 2's 3 is hidden; so is the smallest other count of its column (workstream 1's 6), and in turn a second count of each row touched.
    expect(shown[1][1]).toBeNull();
    for (const column of [0, 1]) expect(shown.slice(0, 3).filter((row) => row[column] === null).length).not.toBe(1);
    for (const row of shown) expect(row.filter((count) => count === null).length).not.toBe(1);
  });
});
