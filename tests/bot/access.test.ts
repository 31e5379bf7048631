import { CAPABILITIES } from '../../src/bot/capabilities';
import type { Principal } from '../../src/domain';
import { advertisedRole, at, interested, readyRole, workstream } from './arrange';
import { LEAD_PRINCIPAL, PERSONAL, textOf, Transcript, type Turn } from './transcript-harness';

/** A member of workstream A only, as Teams sends them and as the service sees them. */
const ALEX = { id: '29:alex', name: 'Alex Moore', aadObjectId: 'aad-alex' };
const ALEX_PRINCIPAL: Principal = { id: ALEX.aadObjectId, name: ALEX.name, email: '', tenantId: 'tenant' };

const PARTNER_IN_B = 'Maya Jones';
const ROLE_IN_B = 'Digital inclusion partner';
const WAITING_ROLE_IN_B = 'Awaiting approval in B';

let t: Transcript;
/** Card data naming every record of workstream B a button could carry. */
let bData: Record<string, unknown>;
/** The version of each kind of record, so a refusal cannot come from a stale card instead of access. */
let versions: { role: number; task: number; partner: number; involvement: number; oneToOne: number };
/** Workstream A's id, which a doctored card might claim it was made for. */
let aId: number;

function dataFor(verb: string): Record<string, unknown> {
  const kind =
    verb.startsWith('role.') || verb.startsWith('advert.')
      ? 'role'
      : verb.startsWith('induction.tick') || verb.startsWith('induction.reopen')
        ? 'task'
        : verb.startsWith('peer.')
          ? 'partner'
          : 'involvement';
  return { ...bData, version: versions[kind], oneToOneVersion: versions.oneToOne };
}

beforeEach(async () => {
  t = await Transcript.start();
  aId = (await t.service.workstreams.create(ALEX_PRINCIPAL, { title: 'Workstream A' })).id;
  const b = await workstream(t.service, 'Workstream B');
  const role = await advertisedRole(t.service, b.id, ROLE_IN_B);
  const waiting = await readyRole(t.service, b.id, WAITING_ROLE_IN_B);
  const sent = await t.service.roles.sendAdvert(LEAD_PRINCIPAL, { roleId: waiting.id, version: waiting.version });
  const involvement = await at(t.service, await interested(t.service, role.id, PARTNER_IN_B), 'Induction');
  const detail = await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id);
  const oneToOne = await t.service.oneToOnes.book(LEAD_PRINCIPAL, { involvementId: involvement.id, date: '2026-03-20' });
  bData = {
    madeForWorkstreamId: b.id,
    workstreamId: String(b.id),
    roleId: sent.role.id,
    involvementId: involvement.id,
    partnerId: detail.partner.id,
    taskId: detail.checklist[0].id,
    oneToOneId: oneToOne.id,
    at: '2026-03-12T10:00:00Z',
    date: '2026-03-12',
    time: '10:00',
    where: 'Teams',
    reason: 'Because',
    advertUrl: 'https://example.org/sneaked',
    comment: 'Sneaked',
    answer: 'Joined',
    title: 'Sneaked',
    cadenceWeeks: 4,
    exitConversationOffered: true,
  };
  versions = {
    role: sent.role.version,
    task: detail.checklist[0].version,
    partner: detail.partner.version,
    involvement: involvement.version,
    oneToOne: oneToOne.version,
  };
  await t.says('workstream', PERSONAL, ALEX);
});
afterEach(() => t.close());

/** Everything in the store but the audit trail. */
function snapshot() {
  const lists = ['workstreams', 'roles', 'partners', 'involvements', 'inductionTasks', 'oneToOnes', 'members'] as const;
  return Promise.all(lists.map((list) => t.store.find({ list })));
}

function everythingSaid(turn: Turn): string {
  return [
    ...turn.texts,
    ...turn.cards.map(textOf),
    turn.updated ? textOf(turn.updated) : '',
    typeof turn.invoke?.body.value === 'string' ? turn.invoke.body.value : textOf(turn.invoke?.body.value),
  ].join('\n');
}

const VERBS = CAPABILITIES.flatMap((capability) => Object.keys(capability.actions ?? {}));

describe('a member of workstream A pressing, in personal chat, every bot button with the ids of workstream B', () => {
  it.each(VERBS)('%s changes nothing of workstream B and shows none of it', async (verb) => {
    const before = await snapshot();
    const turn = await t.presses(verb, dataFor(verb), PERSONAL, ALEX);
    expect(await snapshot()).toEqual(before);
    const said = everythingSaid(turn);
    expect(said).not.toContain(PARTNER_IN_B);
    expect(said).not.toContain(ROLE_IN_B);
    expect(said).not.toContain(WAITING_ROLE_IN_B);
  });

  it.each(VERBS)(
    '%s on a card claiming it was made for workstream A changes nothing of workstream B and shows none of it',
    async (verb) => {
      const before = await snapshot();
      const turn = await t.presses(verb, { ...dataFor(verb), madeForWorkstreamId: aId }, PERSONAL, ALEX);
      expect(await snapshot()).toEqual(before);
      const said = everythingSaid(turn);
      expect(said).not.toContain(PARTNER_IN_B);
      expect(said).not.toContain(ROLE_IN_B);
      expect(said).not.toContain(WAITING_ROLE_IN_B);
    },
  );

  it('is told plainly why, for a button on a record of workstream B', async () => {
    const turn = await t.presses('partner.open', dataFor('partner.open'), PERSONAL, ALEX);
    expect(everythingSaid(turn)).toContain('You are not a member of this workstream');
  });

  it('is offered only workstream A to choose from', async () => {
    const { cards } = await t.says('workstream', PERSONAL, ALEX);
    expect(textOf(cards[0])).toContain('Workstream A');
    expect(textOf(cards[0])).not.toContain('Workstream B');
  });
});
