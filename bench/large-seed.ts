import {
  DEFAULT_INDUCTION_TEMPLATE,
  NEW_INVOLVEMENT_DEFAULTS,
  plusDays,
  plusWeeks,
  storedProgress,
  type CalendarDate,
  type Change,
  type CommitContext,
  type Fields,
  type ListName,
  type Stage,
  type Store,
} from '../src/domain';

/**
 * How big a generated organisation is. Workstreams are added, each with its roles,
 * partners and their involvements, induction checklists and one-to-ones, until the
 * organisation holds at least `records` items (audit entries not counted).
 */
export interface OrganisationShape {
  readonly records: number;
  readonly partnersPerWorkstream: number;
  readonly rolesPerWorkstream: number;
  /** The day the organisation's dates are relative to. */
  readonly today: CalendarDate;
}

/** One generated item: its id in its list (1, 2, 3... in generation order), its create key and its fields. */
export interface GeneratedItem<L extends ListName> {
  readonly id: number;
  readonly key: string;
  readonly values: Fields<L>;
}

/** The lists in the order they must be written: every lookup points at a list earlier in the order. */
export const GENERATED_LISTS = ['workstreams', 'members', 'roles', 'partners', 'involvements', 'inductionTasks', 'oneToOnes'] as const;

type GeneratedList = (typeof GENERATED_LISTS)[number];
type Items = { [L in GeneratedList]: Array<GeneratedItem<L>> };

/**
 * One workstream and everything in it. Lookups point only inside the workstream; the
 * first also holds the Engagement team (members of no workstream).
 */
export type GeneratedWorkstream = Items;

export interface GeneratedOrganisation {
  readonly shape: OrganisationShape;
  readonly workstreams: GeneratedWorkstream[];
  /** Items per list, over every workstream. */
  readonly counts: Record<GeneratedList, number>;
  readonly records: number;
}

/** The named sizes `seed --size` accepts. */
export const ORGANISATION_SIZES = {
  small: { records: 1_000, partnersPerWorkstream: 60, rolesPerWorkstream: 8 },
  large: { records: 100_000, partnersPerWorkstream: 60, rolesPerWorkstream: 8 },
} as const;

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Deepak',
  'Ewa',
  'Femi',
  'Grace',
  'Hamza',
  'Isla',
  'Jamal',
  'Kate',
  'Liam',
  'Mei',
  'Nia',
  'Oscar',
  'Priya',
  'Rhys',
  'Sofia',
  'Tariq',
  'Una',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zara',
];
const LAST_NAMES = [
  'Adeyemi',
  'Begum',
  'Campbell',
  'Davies',
  'Evans',
  'Fraser',
  'Gill',
  'Hughes',
  'Iqbal',
  'Jones',
  'Kowalski',
  'Lewis',
  'Murphy',
  'Nowak',
  "O'Brien",
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Thomas',
  'Walsh',
  'Young',
];
const TOPICS = [
  'Urgent care',
  'Maternity',
  'Mental health',
  'Cancer pathways',
  'Diabetes',
  'Frailty',
  'Children and young people',
  'Learning disability',
  'Primary care access',
  'Stroke',
  'Musculoskeletal',
  'End of life care',
];
const PLACES = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'City', 'Valleys'];
const ROLE_KINDS = [
  'Lay member, design group',
  'Reader panel member',
  'Co-production partner',
  'Patient safety partner',
  'Interview panel partner',
  'Steering group partner',
  'Evaluation partner',
  'Digital reviewer',
];

/**
 * The stage of each involvement, in a repeating pattern of twenty that matches a
 * mature workstream: most partners active, a tail at every earlier stage, some ended.
 */
const STAGE_PATTERN: readonly Stage[] = [
  'Active',
  'Interested',
  'Active',
  'Induction',
  'Active',
  'Chat booked',
  'Active',
  'Ended',
  'Active',
  'Not progressed',
  'Active',
  'Offered',
  'Induction',
  'Active',
  'Chat held',
  'Paused',
  'Active',
  'Ended',
  'Interested',
  'Not progressed',
];
/** Members of the system-wide Engagement team. */
const ENGAGEMENT_TEAM_SIZE = 4;
const INDUCTED: ReadonlySet<Stage> = new Set(['Induction', 'Active', 'Paused', 'Ended']);
const HAD_ONE_TO_ONES: ReadonlySet<Stage> = new Set(['Active', 'Paused', 'Ended']);
const CHATTED: ReadonlySet<Stage> = new Set(['Chat held', 'Offered', ...INDUCTED]);

/** A small deterministic pseudo-random generator (mulberry32), so every run builds the same organisation. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Generator {
  private readonly nextIds = new Map<ListName, number>();
  private readonly random = randomFrom(20_260_302);

  constructor(private readonly shape: OrganisationShape) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private between(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  private add<L extends keyof Items>(items: Items, list: L, values: Fields<L>): GeneratedItem<L> {
    const id = (this.nextIds.get(list) ?? 0) + 1;
    this.nextIds.set(list, id);
    const item = { id, key: `large-${list}-${id}`, values };
    (items[list] as Array<GeneratedItem<L>>).push(item);
    return item;
  }

  workstream(index: number): GeneratedWorkstream {
    const items: Items = { workstreams: [], members: [], roles: [], partners: [], involvements: [], inductionTasks: [], oneToOnes: [] };
    const { today } = this.shape;
    const title = `${TOPICS[index % TOPICS.length]}, ${PLACES[Math.floor(index / TOPICS.length) % PLACES.length]} ${Math.floor(index / (TOPICS.length * PLACES.length)) + 1}`;
    const workstream = this.add(items, 'workstreams', {
      title,
      description: `Partners shaping ${title.toLowerCase()} services.`,
      teamsChannelId: null,
    });
    const leadId = `lead-${index}`;
    const leadName = `${this.pick(FIRST_NAMES)} ${this.pick(LAST_NAMES)}`;
    this.add(items, 'members', { workstreamId: workstream.id, userId: leadId, userName: leadName });
    for (let number = 1; number <= 2; number += 1) {
      this.add(items, 'members', {
        workstreamId: workstream.id,
        userId: `staff-${index}-${number}`,
        userName: `${this.pick(FIRST_NAMES)} ${this.pick(LAST_NAMES)}`,
      });
    }
    if (index === 0) {
      for (let number = 1; number <= ENGAGEMENT_TEAM_SIZE; number += 1) {
        this.add(items, 'members', {
          workstreamId: null,
          userId: `engagement-${number}`,
          userName: `${this.pick(FIRST_NAMES)} ${this.pick(LAST_NAMES)} (Engagement team)`,
        });
      }
    }
    const roles = Array.from({ length: this.shape.rolesPerWorkstream }, (_, number) =>
      this.add(items, 'roles', {
        workstreamId: workstream.id,
        title: `${ROLE_KINDS[number % ROLE_KINDS.length]} ${number + 1}`,
        status: number % 4 === 3 ? 'Filled' : 'Advertised',
        purpose: 'Bring lived experience into the redesign of the service.',
        activities: 'Monthly design meetings and reviewing papers for patients.',
        timeCommitment: 'About four hours a month',
        location: 'Online',
        locationDetails: null,
        paymentAndExpenses: 'Involvement payment per meeting and travel expenses.',
        skillsWelcomed: 'Experience of the service as a patient or carer.',
        supportOffered: 'A named contact, one-to-ones and the Peer Support Network.',
        contact: `${leadName}, ${leadId}@example.org`,
        closingDate: plusDays(today, this.between(-60, 60)),
        startDate: plusDays(today, this.between(30, 120)),
        level: this.between(1, 4),
        accessibleFormats: ['Easy read', 'Large print'],
        termMonths: 36,
        ownerId: leadId,
        ownerName: leadName,
        advertState: 'Approved',
        advertUrl: `https://example.org/opportunities/${index}-${number}`,
        advertComment: null,
        advertDecidedBy: 'Engagement team',
        advertDecidedAt: `${plusDays(today, -90)}T10:00:00.000Z`,
        statusChangedBy: leadName,
        statusChangedAt: `${plusDays(today, -90)}T10:00:00.000Z`,
        selectionCriteria: null,
      }),
    );
    for (let number = 0; number < this.shape.partnersPerWorkstream; number += 1) {
      const fullName = `${this.pick(FIRST_NAMES)} ${this.pick(LAST_NAMES)}`;
      const peer = this.pick(['Not invited', 'Invited', 'Joined', 'Joined', 'Declined'] as const);
      const partner = this.add(items, 'partners', {
        fullName,
        preferredName: number % 7 === 0 ? fullName.split(' ')[0] : null,
        email: `partner-${index}-${number}@example.org`,
        phone: `07700 900${String(number % 1000).padStart(3, '0')}`,
        postalAddress: null,
        preferredContact: this.pick(['Email', 'Phone', 'Text message', 'Teams'] as const),
        accessNeeds: number % 9 === 0 ? 'Step-free venue; papers in large print.' : null,
        consentGiven: true,
        consentDate: plusDays(today, -this.between(30, 400)),
        notesConsent: true,
        notesConsentDate: plusDays(today, -this.between(30, 400)),
        erasedDate: null,
        peerNetworkStatus: peer,
        peerNetworkDate: peer === 'Not invited' ? null : plusDays(today, -this.between(5, 200)),
        mergedInto: null,
      });
      // One partner in ten also holds a second role in the workstream.
      const roleCount = number % 10 === 0 ? 2 : 1;
      for (let held = 0; held < roleCount; held += 1) {
        const role = roles[(number + held) % roles.length];
        this.involvement(
          items,
          workstream.id,
          role.id,
          partner.id,
          STAGE_PATTERN[(number + held * 3) % STAGE_PATTERN.length],
          leadId,
          leadName,
        );
      }
    }
    return items;
  }

  private involvement(
    items: Items,
    workstreamId: number,
    roleId: number,
    partnerId: number,
    stage: Stage,
    leadId: string,
    leadName: string,
  ): void {
    const { today } = this.shape;
    const interestDaysAgo = this.between(3, 400);
    const interestDate = plusDays(today, -interestDaysAgo);
    const cadenceWeeks = this.pick([8, 8, 8, 6, 12]);
    const inducted = INDUCTED.has(stage);
    const lastHeld = HAD_ONE_TO_ONES.has(stage) ? plusDays(today, -this.between(1, Math.min(interestDaysAgo, 80))) : null;
    // Before Active a third of the items are still to do.
    const checklist = DEFAULT_INDUCTION_TEMPLATE.map((template, order) => ({
      ...template,
      done: stage !== 'Induction' || order % 3 !== 2,
    }));
    const involvement = this.add(items, 'involvements', {
      partnerId,
      roleId,
      workstreamId,
      stage,
      stageChangedBy: leadName,
      stageChangedAt: `${plusDays(today, -this.between(0, Math.max(0, interestDaysAgo - 1)))}T09:00:00.000Z`,
      ownerId: leadId,
      ownerName: leadName,
      interestDate,
      acknowledgedDate: stage === 'Interested' && interestDaysAgo % 2 === 0 ? null : plusDays(interestDate, 1),
      chatAt: stage === 'Chat booked' || CHATTED.has(stage) ? `${plusDays(interestDate, 7)}T10:30:00.000Z` : null,
      chatWhere: stage === 'Chat booked' || CHATTED.has(stage) ? 'Online, on Teams' : null,
      chatAdjustments: null,
      chatNotes: CHATTED.has(stage) ? 'Talked through the role, support and expenses.' : null,
      offeredDate: stage === 'Offered' || inducted ? plusDays(interestDate, 14) : null,
      inductionStartedDate: inducted ? plusDays(interestDate, 21) : null,
      activeDate: HAD_ONE_TO_ONES.has(stage) ? plusDays(interestDate, 35) : null,
      stageReason:
        stage === 'Ended' || stage === 'Not progressed' || stage === 'Paused' ? 'Circumstances changed; thanked and kept in touch.' : null,
      exitConversationOffered: stage === 'Ended',
      cadenceWeeks,
      lastOneToOneDate: lastHeld,
      nextOneToOneDue: stage === 'Active' && lastHeld ? plusWeeks(lastHeld, cadenceWeeks) : null,
      ...(inducted ? storedProgress(checklist) : { inductionDone: null, inductionTotal: null, inductionStillRequired: null }),
      ...NEW_INVOLVEMENT_DEFAULTS,
    });
    if (inducted) {
      checklist.forEach(({ done, ...template }, order) => {
        this.add(items, 'inductionTasks', {
          involvementId: involvement.id,
          workstreamId,
          label: template.label,
          kind: template.kind,
          required: template.required,
          order,
          done,
          doneDate: done ? plusDays(interestDate, 22 + order) : null,
          doneBy: done ? leadName : null,
        });
      });
    }
    if (lastHeld) {
      const held = stage === 'Active' ? this.between(1, 4) : 1;
      for (let number = 0; number < held; number += 1) {
        this.add(items, 'oneToOnes', {
          involvementId: involvement.id,
          workstreamId,
          status: 'Held',
          date: plusWeeks(lastHeld, -cadenceWeeks * number),
          time: '14:00',
          where: 'Online, on Teams',
          heldBy: leadName,
          notes: 'Settling in well.',
        });
      }
      if (stage === 'Active' && involvement.id % 2 === 0) {
        this.add(items, 'oneToOnes', {
          involvementId: involvement.id,
          workstreamId,
          status: 'Booked',
          date: plusDays(today, this.between(1, 30)),
          time: '10:00',
          where: 'Online, on Teams',
          heldBy: null,
          notes: null,
        });
      }
    }
  }
}

/**
 * A deterministic organisation of the given shape: the same items, ids and keys on
 * every run. Ids are numbered per list in generation order, as an empty store numbers them.
 */
export function generateOrganisation(shape: OrganisationShape): GeneratedOrganisation {
  const generator = new Generator(shape);
  const workstreams: GeneratedWorkstream[] = [];
  const counts = Object.fromEntries(GENERATED_LISTS.map((list) => [list, 0])) as GeneratedOrganisation['counts'];
  let records = 0;
  while (records < shape.records) {
    const workstream = generator.workstream(workstreams.length);
    workstreams.push(workstream);
    for (const list of GENERATED_LISTS) {
      counts[list] += workstream[list].length;
      records += workstream[list].length;
    }
  }
  return { shape, workstreams, counts, records };
}

const LOOKUPS: Readonly<Record<string, ListName>> = {
  workstreamId: 'workstreams',
  roleId: 'roles',
  partnerId: 'partners',
  involvementId: 'involvements',
};

/** One workstream as creates, each lookup a ref to an item created earlier in the same changes. */
function workstreamChanges(workstream: GeneratedWorkstream): Change[] {
  const changes: Change[] = [];
  for (const list of GENERATED_LISTS) {
    for (const item of workstream[list] as Array<GeneratedItem<typeof list>>) {
      const values: Record<string, unknown> = { ...item.values };
      for (const [field, target] of Object.entries(LOOKUPS)) {
        if (typeof values[field] === 'number') values[field] = { ref: `${target}:${values[field]}` };
      }
      changes.push({ op: 'create', list, key: item.key, values, ref: `${list}:${item.id}`, summary: 'Generated organisation' } as Change);
    }
  }
  return changes;
}

/**
 * Writes a generated organisation through the store's commit, one commit per
 * workstream, so every item is validated and audited as any other write.
 * Into an empty store the ids come out as generated.
 */
export async function writeOrganisation(store: Store, organisation: GeneratedOrganisation, context: CommitContext): Promise<void> {
  for (const workstream of organisation.workstreams) {
    await store.commit(workstreamChanges(workstream), context);
  }
}
