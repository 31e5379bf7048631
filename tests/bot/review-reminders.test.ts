import { ReminderRunner } from '../../src/bot/reminders/reminder-runner';
import { advertisedRole, at, interested, workstream } from './arrange';
import { buttonsOf, LEAD_PRINCIPAL, textOf, Transcript } from './transcript-harness';

let t: Transcript;
let runner: ReminderRunner;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeEach(async () => {
  // Tuesday 6 January 2026: the partner becomes Active and signs their agreements today.
  t = await Transcript.start('2026-01-06');
  runner = t.reminderRunner(quiet);
});
afterEach(() => t.close());

async function activePartner(termMonths?: number) {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id, undefined, LEAD_PRINCIPAL, { closingDate: '2026-06-30', termMonths });
  return at(t.service, await interested(t.service, role.id), 'Active');
}

/** The reminders sent, other than the Monday digest and the one-to-ones. */
const reviewTitles = () =>
  t.messenger.sent
    .map((sent) => ('card' in sent.reply ? sent.reply.summary : sent.reply.text))
    .filter((title) => !title.startsWith('Your partners this week') && !title.startsWith('One-to-one'));

describe('Reminders of reviews that come round', () => {
  it("a term of 6 months / its reminder comes once, 8 weeks before the end, on the day in the organisation's time zone", async () => {
    await activePartner(6);
    // The term ends Monday 6 July 2026; 8 weeks before is Monday 11 May, in British Summer Time.
    t.clock.set('2026-05-10T22:59:00Z');
    await runner.run();
    expect(reviewTitles()).toEqual([]);
    t.clock.set('2026-05-10T23:30:00Z');
    await runner.run();
    await runner.run();
    expect(reviewTitles()).toEqual(['Term of office ends: Maya Jones']);
    const reminder = t.messenger.sent.find((sent) => 'card' in sent.reply && sent.reply.summary === 'Term of office ends: Maya Jones');
    expect(reminder?.to).toEqual({ userId: 'aad-priya' });
    const card = (reminder?.reply as { card: object }).card;
    expect(textOf(card)).toContain('ends on Monday 6 July 2026');
    expect(buttonsOf(card)).toContainEqual(expect.objectContaining({ title: 'Open', verb: 'reviews.open' }));
  });

  it('a year after signing / the agreements and the access needs review are each reminded once, the day the year is up', async () => {
    await activePartner();
    t.clock.goTo('2027-01-05');
    await runner.run();
    expect(reviewTitles()).toEqual([]);
    t.clock.goTo('2027-01-06');
    await runner.run();
    t.clock.goTo('2027-01-07');
    await runner.run();
    expect(reviewTitles()).toEqual(['Agreements to re-confirm: Maya Jones', 'Access needs review: Maya Jones']);
  });

  it('a renewed term / the reminder comes again for the new end date, not the old', async () => {
    const involvement = await activePartner(6);
    t.clock.goTo('2026-05-11');
    await runner.run();
    await t.service.reviews.renewTerm(LEAD_PRINCIPAL, { involvementId: involvement.id, version: involvement.version });
    await runner.run();
    expect(reviewTitles()).toEqual(['Term of office ends: Maya Jones']);
    t.clock.goTo('2026-11-10');
    await runner.run();
    expect(reviewTitles()).toEqual(['Term of office ends: Maya Jones']);
    t.clock.goTo('2026-11-11');
    await runner.run();
    expect(reviewTitles()).toEqual(['Term of office ends: Maya Jones', 'Term of office ends: Maya Jones']);
    expect(textOf((t.messenger.sent.at(-1)?.reply as { card: object }).card)).toContain('ends on Wednesday 6 January 2027');
  });

  it("the Monday digest / lists the reviews come round among the named contact's partners", async () => {
    await activePartner(6);
    // Monday 11 May 2026: the term's reminder day.
    t.clock.goTo('2026-05-11');
    await runner.run();
    const digest = t.messenger.sent.find((sent) => 'card' in sent.reply && sent.reply.summary.startsWith('Your partners this week'));
    const text = textOf((digest?.reply as { card: object }).card);
    expect(text).toContain('Reviews come round: 1.');
    expect(text).toContain('Maya Jones (Maternity partner): Term of office ends, Monday 6 July 2026');
  });

  it('a partner Active before review dates were kept / the run fills in their dates from their history and reminds what has come round', async () => {
    const involvement = await activePartner(6);
    // As stored before the reviews existed: Active for a year, no review dates.
    await t.store.commit(
      [
        {
          op: 'update',
          list: 'involvements',
          id: involvement.id,
          version: involvement.version,
          values: { activeDate: '2025-01-06', termEndDate: null, agreementsDue: null, accessReviewDue: null },
        },
      ],
      { actor: LEAD_PRINCIPAL, at: '2026-01-06T12:00:00Z' },
    );
    await runner.run();
    expect(reviewTitles()).toEqual(['Term of office ended: Maya Jones', 'Access needs review: Maya Jones']);
    expect(await t.store.get('involvements', involvement.id)).toMatchObject({
      termEndDate: '2025-07-06',
      agreementsDue: '2027-01-06',
      accessReviewDue: '2026-01-06',
    });
    await runner.run();
    expect(reviewTitles()).toHaveLength(2);
  });
});
