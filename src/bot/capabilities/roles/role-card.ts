import {
  ACCESSIBLE_FORMATS,
  CONTACT_METHODS,
  interestGuidance,
  longDate,
  ROLE_LOCATIONS,
  roleActions,
  type Member,
  type RoleOutcome,
} from '../../../domain';
import { CARD_MADE_FOR_WORKSTREAM } from '../../pathway/engine';
import type { Card, TurnScope } from '../../pathway/turn';
import template from './role-card.json';

interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly kind: 'text' | 'date' | 'choice';
  readonly multiline?: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  readonly multiSelect?: boolean;
}

/** The role description template, field by field, in the order a lead fills it in. */
const FIELDS: readonly FieldSpec[] = [
  { id: 'title', label: 'Role title', kind: 'text', maxLength: 120 },
  { id: 'purpose', label: 'Purpose: what the role is for', kind: 'text', multiline: true, maxLength: 2000 },
  { id: 'activities', label: 'What the partner will do', kind: 'text', multiline: true, maxLength: 2000 },
  { id: 'timeCommitment', label: 'Time commitment', kind: 'text', maxLength: 255 },
  { id: 'location', label: 'Where', kind: 'choice', choices: ROLE_LOCATIONS },
  { id: 'locationDetails', label: 'Location details', kind: 'text', maxLength: 255 },
  { id: 'paymentAndExpenses', label: 'Payment and expenses', kind: 'text', multiline: true, maxLength: 2000 },
  { id: 'skillsWelcomed', label: 'Skills or experience welcomed', kind: 'text', multiline: true, maxLength: 2000 },
  { id: 'supportOffered', label: 'Support offered', kind: 'text', multiline: true, maxLength: 2000 },
  { id: 'contact', label: 'Contact for questions', kind: 'text', maxLength: 255 },
  { id: 'closingDate', label: 'Closing date', kind: 'date' },
  { id: 'startDate', label: 'Start date', kind: 'date' },
  { id: 'level', label: 'Involvement level (1 open participation to 4 strategic)', kind: 'choice', choices: ['1', '2', '3', '4'] },
  { id: 'accessibleFormats', label: 'Accessible formats offered', kind: 'choice', choices: ACCESSIBLE_FORMATS, multiSelect: true },
];

/** The names of the description fields a card form sends. */
export const ROLE_FORM_FIELDS: readonly string[] = FIELDS.map((field) => field.id);

function valueOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The role card: the description as a form while the role is Draft or Ready (with
 * help for each field from the guidance), what is still missing, warnings such as
 * a start date too soon, and the steps open at its status. `outcome` is undefined
 * for a new role. The card's key makes each button safe to press twice: saving a
 * new role is not doubled, and a step pressed again after its answer was lost
 * answers with the role as it is.
 */
export function roleCard(scope: TurnScope, outcome: RoleOutcome | undefined, colleagues: readonly Member[] = []): Card {
  const key = globalThis.crypto.randomUUID();
  const role = outcome?.role;
  const status = role?.status ?? 'Draft';
  // What a role can do next is the domain's to say; a role not saved yet can only be saved.
  const actions = role ? roleActions(role, false) : undefined;
  const editable = actions?.edit ?? true;
  const ref = role
    ? { roleId: role.id, version: role.version, key, [CARD_MADE_FOR_WORKSTREAM]: role.workstreamId }
    : { key, [CARD_MADE_FOR_WORKSTREAM]: scope.workstream?.id };
  const advertLine = !role
    ? ''
    : role.advertState === 'Awaiting approval'
      ? 'The advert is waiting for the Engagement team to approve it.'
      : role.advertState === 'Sent back'
        ? `The Engagement team sent the advert back: "${role.advertComment ?? ''}". Change the description, then send it again.`
        : role.advertUrl
          ? `Advert: ${role.advertUrl}`
          : '';
  return scope.cards.render(template, {
    heading: role ? role.title : 'Plan a role',
    statusLine: role ? `${status} · ${scope.workstream?.title ?? ''}` : `New role for ${scope.workstream?.title ?? 'this workstream'}`,
    intro: role ? '' : scope.guidance.text('role-description', 'intro'),
    status,
    saved: role !== undefined,
    editable,
    warnings: outcome?.warnings ?? [],
    missing: outcome?.missing ?? [],
    missingText: (outcome?.missing ?? []).join(', '),
    advertLine,
    fields: FIELDS.map((field) => ({
      id: field.id,
      label: field.label,
      kind: field.kind,
      multiline: field.multiline ?? false,
      maxLength: field.maxLength ?? 0,
      required: field.id === 'title',
      multiSelect: field.multiSelect ?? false,
      choices: (field.choices ?? []).map((choice) => ({ title: choice, value: choice })),
      value: valueOf(role?.[field.id as keyof typeof role]),
      help: scope.guidance.text('role-description', field.id),
    })),
    facts: role
      ? [
          { title: 'Closing date', value: role.closingDate ? longDate(role.closingDate) : 'Not set' },
          { title: 'Start date', value: role.startDate ? longDate(role.startDate) : 'Not set' },
          { title: 'Recruiting lead', value: role.ownerName ?? 'Not set' },
        ]
      : [],
    saveTitle: role ? 'Save changes' : 'Save as Draft',
    actions,
    ownerId: role?.ownerId ?? '',
    colleagues: colleagues.map((member) => ({ id: member.userId, name: member.userName })),
    advertTitle:
      role?.advertState === 'Awaiting approval' ? 'Open the advert for approval' : status === 'Advertised' ? 'Open the advert' : '',
    ref,
    interestRef: role ? { roleId: role.id, key: globalThis.crypto.randomUUID(), [CARD_MADE_FOR_WORKSTREAM]: role.workstreamId } : {},
    interest: interestGuidance(scope.guidance),
    contactMethods: CONTACT_METHODS,
  });
}
