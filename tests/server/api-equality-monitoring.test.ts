import request from 'supertest';
import { emptyAnswerCounts, withForm, type Involvement } from '../../src/domain';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import { COMPLETE_DESCRIPTION, testApp, type TestApp } from './support';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.store.close());

const api = () => request(t.app);
const actor = LOCAL_DEVELOPER;

/** A workstream with an advertised role, and someone interested in it, arranged through the service as the local developer. */
async function interested(fullName = 'Samira Patel'): Promise<Involvement> {
  const [existing] = await t.service.workstreams.list(actor);
  const workstream = existing ?? (await t.service.workstreams.create(actor, { title: 'Haematology' }));
  const planned = await t.service.roles.planRole(actor, {
    workstreamId: workstream.id,
    title: `Partner ${fullName}`,
    ...COMPLETE_DESCRIPTION,
  });
  const ready = await t.service.roles.markReady(actor, { roleId: planned.role.id, version: planned.role.version });
  const sent = await t.service.roles.sendAdvert(actor, { roleId: ready.role.id, version: ready.role.version });
  await t.service.roles.approveAdvert(actor, { roleId: sent.role.id, version: sent.role.version, advertUrl: 'https://example.org/a' });
  return t.service.involvements.recordInterest(actor, { roleId: sent.role.id, partner: { fullName, consentGiven: true } });
}

describe('the equality monitoring form over HTTP', () => {
  it('is offered, answered once, and then says only that it was answered', async () => {
    const involvement = await interested();
    const form = await api().get(`/api/involvements/${involvement.id}/equality-monitoring`).expect(200);
    expect(form.body).toMatchObject({ state: 'Not yet offered', version: involvement.version, asksPostcode: false });
    const answered = await api()
      .post(`/api/involvements/${involvement.id}/equality-monitoring`)
      .send({ version: involvement.version, sex: 'Female', ageBand: 'Prefer not to say' })
      .expect(200);
    expect(answered.body).toMatchObject({ id: involvement.id, monitoring: 'Answered' });
    const again = await api()
      .post(`/api/involvements/${involvement.id}/equality-monitoring/decline`)
      .send({ version: answered.body.version })
      .expect(422);
    expect(again.body.error).toMatchObject({ code: 'monitoring-done' });
    expect((await api().get(`/api/involvements/${involvement.id}/equality-monitoring`).expect(200)).body.state).toBe('Answered');
  });

  it('refuses an answer not offered with 400 naming the question, and changes nothing', async () => {
    const involvement = await interested();
    const refused = await api()
      .post(`/api/involvements/${involvement.id}/equality-monitoring`)
      .send({ version: involvement.version, ethnicity: 'Martian' })
      .expect(400);
    expect(refused.body.error.fields.ethnicity).toMatch(/^Ethnic group must be one of: Asian, Asian British or Asian Welsh: Bangladeshi/);
    expect(await t.store.get('involvements', involvement.id)).toMatchObject({ version: involvement.version, monitoring: null });
  });

  it('records that the form was declined', async () => {
    const involvement = await interested();
    const declined = await api()
      .post(`/api/involvements/${involvement.id}/equality-monitoring/decline`)
      .send({ version: involvement.version })
      .expect(200);
    expect(declined.body.monitoring).toBe('Declined');
  });

  it('turns the postcode into a decile and keeps the postcode out of the logs and the store', async () => {
    await api()
      .put('/api/equality-monitoring/postcode-deciles')
      .send({ csv: 'outward code,decile\nLS6,3' })
      .expect(200, { kind: 'Postcode deciles', lines: 1 });
    const involvement = await interested();
    await api()
      .post(`/api/involvements/${involvement.id}/equality-monitoring`)
      .send({ version: involvement.version, postcode: 'LS6 9QX' })
      .expect(200);
    expect(JSON.stringify(t.logger.lines)).not.toMatch(/9QX/i);
    const [tally] = await t.store.find({ list: 'monitoringTallies' });
    expect(JSON.parse(tally.counts).deprivationDecile['3']).toBe(1);
    expect(JSON.stringify(await t.store.find({ list: 'activity' }))).not.toMatch(/9QX/i);
  });
});

describe("the organisation's tables over HTTP", () => {
  it('refuses a population profile with a bad line with 400 naming the line, then takes a good one', async () => {
    const refused = await api()
      .put('/api/equality-monitoring/population-profile')
      .send({ csv: 'question,answer,percent\nsex,Female,51\nsex,Unknown,2' })
      .expect(400);
    expect(refused.body.error.message).toBe(
      'The population profile was not saved. Line 3: "Unknown" is not an answer to sex; use one of: Female; Male.',
    );
    await api()
      .put('/api/equality-monitoring/population-profile')
      .send({ csv: 'question,answer,percent\nsex,Female,51\nsex,Male,49' })
      .expect(200, { kind: 'Population profile', lines: 2 });
  });

  it('refuses a table that is not text with 400 naming the CSV, and keeps none', async () => {
    const refused = await api().put('/api/equality-monitoring/postcode-deciles').send({ csv: 42 }).expect(400);
    expect(refused.body.error).toMatchObject({ code: 'validation', fields: { csv: expect.stringMatching(/^CSV /) } });
    expect(await t.store.find({ list: 'monitoringReferences' })).toEqual([]);
  });
});

describe('the representativeness view over HTTP', () => {
  /** Forms of an ended quarter (2025-Q4) for the workstream, put straight into the store. */
  async function formsOfLastQuarter(workstreamId: number, forms: ReadonlyArray<Record<string, string>>): Promise<void> {
    const counts = forms.reduce((sum, answers) => withForm(sum, answers), emptyAnswerCounts());
    await t.store.commit(
      [
        {
          op: 'create',
          list: 'monitoringTallies',
          key: `monitoring:${workstreamId}:2025-Q4`,
          values: { workstreamId, quarter: '2025-Q4', responses: forms.length, declined: 1, counts: JSON.stringify(counts) },
        },
      ],
      { actor, at: '2025-12-31T12:00:00Z' },
    );
  }

  it('answers each workstream and the system beside the population, and a CSV with small counts not shown', async () => {
    const involvement = await interested();
    await api()
      .put('/api/equality-monitoring/population-profile')
      .send({ csv: 'question,answer,percent\nsex,Female,51\nsex,Male,49' })
      .expect(200);
    await formsOfLastQuarter(involvement.workstreamId, [...Array(9).fill({ sex: 'Female' }), ...Array(2).fill({ sex: 'Male' })]);
    const view = await api().get('/api/equality-monitoring').expect(200);
    expect(view.body).toMatchObject({ quarter: '2026-Q1', threshold: 5, system: { counted: 11, waiting: 0, declined: 1 } });
    const female = view.body.questions.find((question: { key: string }) => question.key === 'sex').rows[0];
    expect(female).toEqual({
      answer: 'Female',
      population: 51,
      system: { count: 9, percent: 81.8, gap: 30.8 },
      workstreams: [{ count: 9, percent: 81.8, gap: 30.8 }],
    });

    const csv = await api().get('/api/equality-monitoring/representativeness.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="equality-monitoring-2026-03-02.csv"');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toBe('Question,Answer,Population %,System count,System %,System gap,Haematology count,Haematology %,Haematology gap');
    expect(lines).toContain('Forms counted,,,11,,,11,,');
    expect(lines).toContain('Sex,Female,51,9,81.8,30.8,9,81.8,30.8');
    expect(lines).toContain('Sex,Male,49,not shown,not shown,not shown,not shown,not shown,not shown');
    expect(lines[1]).toBe('Period,Every quarter so far');
  });

  it('counts the period asked for in the query, in the view and its CSV, and refuses a period that is not quarters with 400 naming it', async () => {
    const involvement = await interested();
    await formsOfLastQuarter(involvement.workstreamId, Array(6).fill({ sex: 'Female' }));
    const lastYear = await api().get('/api/equality-monitoring?from=2025-Q1&to=2025-Q4').expect(200);
    expect(lastYear.body).toMatchObject({ period: { from: '2025-Q1', to: '2025-Q4' }, quarters: ['2025-Q4'], system: { counted: 6 } });
    const earlier = await api().get('/api/equality-monitoring?to=2025-Q3').expect(200);
    expect(earlier.body).toMatchObject({ period: { from: null, to: '2025-Q3', title: 'Up to 2025-Q3' }, system: { counted: null } });
    const csv = await api().get('/api/equality-monitoring/representativeness.csv?from=2025-Q4&to=2025-Q4').expect(200);
    expect(
      csv.text
        .replace(/^\uFEFF/, '')
        .split('\n')
        .slice(1, 3),
    ).toEqual(['Period,The quarter 2025-Q4', 'Forms counted,,,6,,,6,,']);
    const refused = await api().get('/api/equality-monitoring?from=last%20year').expect(400);
    expect(refused.body.error.fields).toEqual({ from: 'Give a quarter as the year and the quarter, such as 2026-Q1.' });
    const repeated = await api().get('/api/equality-monitoring?to=2025-Q1&to=2025-Q2').expect(400);
    expect(repeated.body.error).toEqual({ code: 'bad-query', message: 'Give "to" once in the address: it was given more than once.' });
  });
});
