import {
  advertNote,
  CONTACT_METHODS,
  interestGuidance,
  longDate,
  roleActions,
  roleDescriptionForm,
  ROLE_DESCRIPTION_FIELDS,
  type Member,
  type RoleOutcome,
} from '../../../domain';
import { CARD_MADE_FOR_WORKSTREAM } from '../../pathway/engine';
import type { Card, TurnScope } from '../../pathway/turn';
import template from './role-card.json';

/** The names of the description fields a card form sends. */
export const ROLE_FORM_FIELDS: readonly string[] = ROLE_DESCRIPTION_FIELDS.map((field) => field.id);

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
  const form = roleDescriptionForm((section) => scope.guidance.text('role-description', section));
  const ref = role
    ? { roleId: role.id, version: role.version, key, [CARD_MADE_FOR_WORKSTREAM]: role.workstreamId }
    : { key, [CARD_MADE_FOR_WORKSTREAM]: scope.workstream?.id };
  return scope.cards.render(template, {
    heading: role ? role.title : 'Plan a role',
    statusLine: role ? `${status} · ${scope.workstream?.title ?? ''}` : `New role for ${scope.workstream?.title ?? 'this workstream'}`,
    intro: role ? '' : form.intro,
    status,
    saved: role !== undefined,
    editable,
    warnings: outcome?.warnings ?? [],
    missing: outcome?.missing ?? [],
    missingText: (outcome?.missing ?? []).join(', '),
    advertLine: role ? advertNote(role) : '',
    fields: form.fields.map((field) => ({
      id: field.id,
      label: field.label,
      // A level is picked from its choices like any other; the card sends it as text.
      kind: field.kind === 'level' ? 'choice' : field.kind,
      multiline: field.multiline,
      maxLength: field.maxLength,
      required: field.required,
      multiSelect: field.multiSelect,
      choices: field.choices.map((choice) => ({ title: choice, value: choice })),
      value: valueOf(role?.[field.id]),
      help: field.help,
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
