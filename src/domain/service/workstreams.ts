import { z } from 'zod';
import { templateInForce, type InductionTemplate, type TemplateItem } from '../induction';
import type { Principal } from '../principal';
import { inductionTemplateItems, MAX_CHECKLIST_ITEMS, workstreams, type InductionTemplateItem, type Workstream } from '../schema/lists';
import { ConflictError } from '../errors';
import type { Change } from '../store';
import { AccessPolicy } from './access';
import { byId, idempotencyKey, itemRef, newKey, parseInput, titlesOf, UseCaseContext } from './context';

const createInput = z
  .object({
    title: workstreams.fields.title,
    description: workstreams.fields.description.optional(),
    key: idempotencyKey,
  })
  .strict();

const templateItem = z
  .object({
    label: inductionTemplateItems.fields.label,
    kind: inductionTemplateItems.fields.kind,
    required: inductionTemplateItems.fields.required,
  })
  .strict();

/** The longest revision: an id and a version for each item of the longest template. */
const MAX_REVISION_LENGTH = MAX_CHECKLIST_ITEMS * 32;

const templateInput = z
  .object({
    /** The workstream whose template this is; omitted for the organisation's. */
    workstreamId: itemRef.id.optional(),
    items: z.array(templateItem).min(1, { error: 'A template needs at least one item.' }).max(MAX_CHECKLIST_ITEMS),
    /** The `revision` of the template as read before editing it. */
    basedOn: z.string({ error: 'Say which version of the template you edited (its revision, as read).' }).max(MAX_REVISION_LENGTH),
  })
  .strict();

const TITLES = titlesOf('workstreams', { key: 'Key' });

/** Workstreams and the induction templates they use. */
export class WorkstreamUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** The workstreams the person belongs to (every one, for the Engagement team), by title. */
  async list(actor: Principal): Promise<Workstream[]> {
    const [all, reach] = await Promise.all([
      this.ctx.store.find({ list: 'workstreams', orderBy: [{ field: 'title' }] }),
      this.ctx.access.reachOf(actor),
    ]);
    return all.filter((workstream) => AccessPolicy.includes(reach, workstream.id));
  }

  /**
   * One workstream the person belongs to (any, for the Engagement team), read by id
   * with their reach in one round trip; undefined for one they may not act on,
   * whether or not it exists. What {@link list} would find by that id.
   */
  async visible(actor: Principal, id: number): Promise<Workstream | undefined> {
    const [members, [workstream]] = await this.ctx.store.findAll([AccessPolicy.reachQuery([actor.id]), byId('workstreams', id)] as const);
    return AccessPolicy.includes(this.ctx.access.reachFrom([actor.id], members).get(actor.id), id) ? workstream : undefined;
  }

  /** Adds a workstream, with the person who adds it as its first member. */
  async create(actor: Principal, input: unknown): Promise<Workstream> {
    const parsed = parseInput(createInput, input, TITLES);
    const key = parsed.key ?? newKey();
    return this.ctx.commitFirst<'workstreams'>(actor, [
      {
        op: 'create',
        list: 'workstreams',
        key,
        ref: 'workstream',
        values: { title: parsed.title, description: parsed.description ?? null, teamsChannelId: null },
        summary: 'Workstream added',
      },
      {
        op: 'create',
        list: 'members',
        key,
        values: { workstreamId: { ref: 'workstream' }, userId: actor.id, userName: actor.name },
        summary: 'Added to the workstream',
      },
    ]);
  }

  /**
   * The induction template in force for a workstream (its own, else the organisation's,
   * else the default), with its guidance, for its members and the Engagement team; or,
   * with no workstream, the organisation's (else the default), for anyone signed in: it
   * holds nothing personal, and every workstream starts from it.
   */
  async inductionTemplate(actor: Principal, workstreamId: number | null): Promise<InductionTemplate> {
    const organisationQuery = { list: 'inductionTemplateItems', where: { workstreamId: null }, orderBy: [{ field: 'order' }] } as const;
    if (workstreamId === null) {
      const organisation = await this.ctx.store.find(organisationQuery);
      return templateInForce([], organisation.map(itemOf), null, revisionOf(organisation));
    }
    const {
      item: workstream,
      answers: [own, organisation],
    } = await this.ctx.loadWorkstreamWith(actor, workstreamId, [
      { list: 'inductionTemplateItems', where: { workstreamId }, orderBy: [{ field: 'order' }] },
      organisationQuery,
    ] as const);
    return templateInForce(own.map(itemOf), organisation.map(itemOf), workstream.title, revisionOf(own));
  }

  /**
   * Replaces the induction template of a workstream, or of the whole organisation, if it
   * is still the version read (`basedOn`, its `revision`): a template saved by someone
   * else meanwhile is a conflict, never saved over. Checklists already started keep
   * their items. Answers the template as now in force, with its new revision.
   */
  async setInductionTemplate(actor: Principal, input: unknown): Promise<InductionTemplate> {
    const { workstreamId, items, basedOn } = parseInput(
      templateInput,
      input,
      titlesOf('inductionTemplateItems', { items: 'Items', basedOn: 'Based on' }),
    );
    if (workstreamId === undefined) await this.ctx.access.requireEngagementTeam(actor, "change the organisation's induction template");
    else await this.ctx.loadWorkstream(actor, workstreamId);
    const current = await this.ctx.store.find({ list: 'inductionTemplateItems', where: { workstreamId: workstreamId ?? null } });
    // Saved by someone else since it was read: refused rather than saved over their change (the deletes below are versioned too).
    if (revisionOf(current) !== basedOn) throw new ConflictError('induction template');
    const changes: Change[] = [
      ...current.map((item): Change => ({ op: 'delete', list: 'inductionTemplateItems', id: item.id, version: item.version })),
      ...items.map((item, order): Change => ({
        op: 'create',
        list: 'inductionTemplateItems',
        key: newKey(),
        values: { ...item, workstreamId: workstreamId ?? null, order },
      })),
    ];
    await this.ctx.store.commit(changes, this.ctx.commitContext(actor));
    return this.inductionTemplate(actor, workstreamId ?? null);
  }
}

/** Which saved version of a template these stored items are: each item's id and version, in id order. */
function revisionOf(items: readonly InductionTemplateItem[]): string {
  return items
    .map((item) => [item.id, item.version] as const)
    .sort(([a], [b]) => a - b)
    .map(([id, version]) => `${id}.${version}`)
    .join(' ');
}

/** A stored template item as the template reads it: without its order (its place says it) or the store's fields. */
const itemOf = ({ label, kind, required }: InductionTemplateItem): TemplateItem => ({ label, kind, required });

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const workstreamInputs = {
  create: createInput,
  setInductionTemplate: templateInput,
} as const;
