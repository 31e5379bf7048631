import type { Fields, InductionTask, Involvement } from './schema/lists';
import type { Change } from './store';

type TaskKind = Fields<'inductionTasks'>['kind'];

/** The kinds of checklist item ticked by a fact recorded elsewhere, never by hand. */
export type LinkedKind = Extract<TaskKind, 'One-to-one booked' | 'Peer Support Network invitation'>;

/** Whether an item is ticked by a fact recorded elsewhere rather than by hand. */
export function isLinked(kind: TaskKind): kind is LinkedKind {
  return kind === 'One-to-one booked' || kind === 'Peer Support Network invitation';
}

/** One item of an induction template. */
export interface TemplateItem {
  readonly label: string;
  readonly kind: TaskKind;
  readonly required: boolean;
}

/**
 * The induction checklist an organisation starts from (DESIGN.md). Required items
 * must be done before a partner becomes Active; the others are good practice but
 * do not apply to everyone (payment details, for instance, only where a payment is offered).
 */
export const DEFAULT_INDUCTION_TEMPLATE: readonly TemplateItem[] = [
  { label: 'Welcome and introductions', kind: 'Task', required: true },
  { label: 'Guide to being a Patient and Public Partner shared', kind: 'Task', required: true },
  { label: 'Role description agreed', kind: 'Task', required: true },
  { label: 'Confidentiality agreement signed', kind: 'Agreement', required: true },
  { label: 'Involvement agreement signed', kind: 'Agreement', required: true },
  { label: 'Expenses policy explained', kind: 'Task', required: true },
  { label: 'Payment details received', kind: 'Task', required: false },
  { label: 'IT and Teams access set up', kind: 'Task', required: false },
  { label: 'Meeting dates shared', kind: 'Task', required: false },
  { label: 'Named contact introduced', kind: 'Task', required: true },
  { label: 'Peer Support Network invitation sent', kind: 'Peer Support Network invitation', required: false },
  { label: 'First one-to-one booked', kind: 'One-to-one booked', required: true },
];

/** Whose template is in force: the workstream's own, the organisation's, or the default above. */
export type TemplateSource = 'workstream' | 'organisation' | 'default';

/** The template in force, whose it is, and what staff about to change it need to know. */
export interface InductionTemplate {
  readonly source: TemplateSource;
  readonly items: readonly TemplateItem[];
  /**
   * Which saved version of the template a save would replace (the workstream's own items, or the
   * organisation's), to send back as `basedOn`: a save based on an older one is refused, not applied over it.
   */
  readonly revision: string;
  /** Sentences for staff: whose template this is, what saving it does, and which inductions a change reaches. */
  readonly guidance: readonly string[];
}

/** Which inductions a change to a template reaches: checklists are copied from it when an induction starts. */
export const TEMPLATE_CHANGES_APPLY =
  'Changes apply to inductions started after you save. Partners already in induction keep the checklist they started with.';

function inForce(workstreamItems: readonly TemplateItem[], organisationItems: readonly TemplateItem[]) {
  if (workstreamItems.length > 0) return { source: 'workstream', items: workstreamItems } as const;
  if (organisationItems.length > 0) return { source: 'organisation', items: organisationItems } as const;
  return { source: 'default', items: DEFAULT_INDUCTION_TEMPLATE } as const;
}

/** Whose template is in force for the workstream titled `title` (null: the organisation), and what saving one does. */
function whose(source: TemplateSource, title: string | null): string {
  if (title === null) {
    return source === 'default'
      ? 'The organisation has not saved a template yet, so every workstream without its own uses the default. Saving makes it the organisation’s.'
      : 'This is the organisation’s template: every workstream without its own uses it.';
  }
  if (source === 'workstream') return `${title} uses its own template.`;
  if (source === 'organisation') return `${title} uses the organisation’s template. Saving here gives ${title} its own.`;
  return `${title} uses the default template, as the organisation has not saved one. Saving here gives ${title} its own.`;
}

/**
 * The template that applies to the workstream titled `workstreamTitle`, whose it is and
 * its guidance: its own items if it has any, else the organisation's, else the default
 * above. For the organisation itself, pass no workstream items and a null title.
 * `revision` is the saved version a save would replace ({@link templateRevision}).
 */
export function templateInForce(
  workstreamItems: readonly TemplateItem[],
  organisationItems: readonly TemplateItem[],
  workstreamTitle: string | null,
  revision: string,
): InductionTemplate {
  const { source, items } = inForce(workstreamItems, organisationItems);
  return { source, items, revision, guidance: [whose(source, workstreamTitle), TEMPLATE_CHANGES_APPLY] };
}

/** The items of {@link templateInForce}: what a new induction's checklist is made from. */
export function templateFor(workstreamItems: readonly TemplateItem[], organisationItems: readonly TemplateItem[]): readonly TemplateItem[] {
  return inForce(workstreamItems, organisationItems).items;
}

/** What a checklist item needs to be read by the rules below. */
export interface ChecklistItem {
  readonly label: string;
  readonly kind: TaskKind;
  readonly required: boolean;
  readonly done: boolean;
}

/** How far an induction has got. */
export interface InductionProgress {
  readonly done: number;
  readonly total: number;
  /** Labels of the required items not done yet. */
  readonly missingRequired: string[];
}

export function inductionProgress(items: readonly ChecklistItem[]): InductionProgress {
  return {
    done: items.filter((item) => item.done).length,
    total: items.length,
    missingRequired: items.filter((item) => item.required && !item.done).map((item) => item.label),
  };
}

/** The progress an involvement keeps, so that views need not read its checklist. */
export type StoredProgress = Pick<Fields<'involvements'>, 'inductionDone' | 'inductionTotal' | 'inductionStillRequired'>;

/** What an involvement stores about its checklist `items`: written in the same commit as every change to them. */
export function storedProgress(items: readonly ChecklistItem[]): StoredProgress {
  const progress = inductionProgress(items);
  return {
    inductionDone: progress.done,
    inductionTotal: progress.total,
    inductionStillRequired: progress.missingRequired.length > 0 ? progress.missingRequired.join('\n') : null,
  };
}

/** An involvement's stored progress, or null before its induction started. */
export function progressOf(involvement: StoredProgress): InductionProgress | null {
  if (involvement.inductionTotal === null || involvement.inductionTotal === 0) return null;
  return {
    done: involvement.inductionDone ?? 0,
    total: involvement.inductionTotal,
    missingRequired: involvement.inductionStillRequired ? involvement.inductionStillRequired.split('\n') : [],
  };
}

/**
 * How an unfinished item reads in a sentence: "the confidentiality agreement is
 * not signed yet", "\"Expenses policy explained\" is not done yet".
 */
export function pendingPhrase(item: Pick<ChecklistItem, 'label' | 'kind'>): string {
  if (item.kind === 'Agreement') {
    const name = item.label.replace(/\s+signed$/i, '');
    return `the ${name.charAt(0).toLowerCase()}${name.slice(1)} is not signed yet`;
  }
  return `"${item.label}" is not done yet`;
}

/**
 * The changes that make an involvement's items of a linked `kind` say `done`, with
 * the involvement's stored progress, to be committed with the fact they record (a
 * one-to-one booked, an invitation sent), so the checklist and the fact are one.
 * None when the checklist has no such item or it already says so. `checklist` must
 * hold the involvement's whole checklist (the progress counts every item), read with
 * the involvement, whose version it is written under.
 */
export function linkedItemChanges(
  involvement: Involvement,
  checklist: readonly InductionTask[],
  kind: LinkedKind,
  done: boolean,
  stamp: { readonly date: string; readonly by: string },
): Change[] {
  const changing = checklist.filter((item) => item.involvementId === involvement.id && item.kind === kind && item.done !== done);
  if (changing.length === 0) return [];
  const values = done ? { done: true, doneDate: stamp.date, doneBy: stamp.by } : { done: false, doneDate: null, doneBy: null };
  const after = checklist
    .filter((item) => item.involvementId === involvement.id)
    .map((item) => (changing.includes(item) ? { ...item, ...values } : item));
  return [
    ...changing.map((item): Change => ({
      op: 'update',
      list: 'inductionTasks',
      id: item.id,
      version: item.version,
      values,
      summary: `${done ? 'Done' : 'Not done'}: ${item.label}`,
    })),
    progressChange(involvement, after),
  ];
}

/**
 * The change that stores an involvement's progress counted from its checklist as it
 * will be (`after`), under the involvement's version read with the checklist: committed
 * with every change to the checklist.
 */
export function progressChange(involvement: Pick<Involvement, 'id' | 'version'>, after: readonly ChecklistItem[]): Change {
  const progress = storedProgress(after);
  return {
    op: 'update',
    list: 'involvements',
    id: involvement.id,
    version: involvement.version,
    values: progress,
    summary: `Induction: ${progress.inductionDone} of ${progress.inductionTotal} done`,
  };
}
