import { RefusedError, ROLE_DESCRIPTION_FIELDS, type PathwayService, type Principal, type RoleOutcome } from '../../../domain';
import { wordsOf } from '../../pathway/engine';
import { optionalText, recordId, wholeNumber } from '../../pathway/inputs';
import { pressKey, replace, show, type ActionHandler, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import { sendAdvertForApproval } from '../advert-review/advert-review-handler';
import { ROLE_FORM_FIELDS, roleCard } from './role-card';

function workstreamOf(scope: TurnScope): number {
  if (!scope.workstream) throw new RefusedError('no-workstream', 'Choose a workstream first: type **workstream**.');
  return scope.workstream.id;
}

/** A role of this conversation's workstream, with its completeness and warnings. */
export function loadRole(scope: TurnScope, roleId: unknown): Promise<RoleOutcome> {
  const id = recordId(roleId);
  if (id === undefined) throw new RefusedError('bad-card', 'That card is missing which role it is about. Type **roles** to find it again.');
  return scope.service.roleViews.role(scope.turn.actor, id, workstreamOf(scope));
}

/** The description fields picked as whole numbers (the level, the term in months): the card sends them as text. */
const WHOLE_NUMBER_FIELDS = new Set(ROLE_DESCRIPTION_FIELDS.filter((field) => field.kind === 'level').map((field) => field.id as string));

/**
 * The description fields a card sent. For a new role, empty inputs are left out;
 * for an existing one, an emptied input clears the field (a Ready role refuses that).
 */
function descriptionFrom(data: Readonly<Record<string, unknown>>, clearing: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of ROLE_FORM_FIELDS) {
    if (!Object.hasOwn(data, field) && !clearing) continue;
    let value = WHOLE_NUMBER_FIELDS.has(field) ? wholeNumber(data[field]) : optionalText(data[field]);
    if (field === 'accessibleFormats' && typeof value === 'string') value = value.split(',').map((format) => format.trim());
    if (value === undefined && clearing && field !== 'title' && Object.hasOwn(data, field)) value = null;
    if (value !== undefined) values[field] = value;
  }
  return values;
}

async function refreshed(scope: TurnScope, outcome: RoleOutcome, note?: string): Promise<TurnResult> {
  const colleagues = await scope.service.members.list(scope.turn.actor, outcome.role.workstreamId);
  return replace(roleCard(scope, outcome, colleagues), `${outcome.role.title}: ${outcome.role.status}`, note);
}

/** What a step pressed on a role card sends: the role, the version the card showed, the press's key and the description as it is on the card. */
function roleStep(scope: TurnScope, roleId: number, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...descriptionFrom(data, true), roleId, version: data.version, key: pressKey(scope.turn.action) };
}

/**
 * A button that moves the role to another status through one of the role use cases,
 * saving what was typed on the card in the same commit, then shows it again.
 */
function statusMove(
  move: (roles: PathwayService['roles'], actor: Principal, input: Record<string, unknown>) => Promise<RoleOutcome>,
): ActionHandler {
  return async (scope, data) => {
    const current = await loadRole(scope, data.roleId);
    return refreshed(scope, await move(scope.service.roles, scope.turn.actor, roleStep(scope, current.role.id, data)));
  };
}

async function rolesList(scope: TurnScope): Promise<TurnResult> {
  const open = await scope.service.roleViews.openRoles(scope.turn.actor, workstreamOf(scope));
  const card = scope.cards.render(
    {
      body: [
        { type: 'TextBlock', text: 'Open roles in ${workstream}', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
        { type: 'TextBlock', text: 'No open roles yet. Plan one to start recruiting.', wrap: true, $when: '${count(roles) == 0}' },
        {
          type: 'ColumnSet',
          $data: '${roles}',
          columns: [
            { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: '${title} (${status})', wrap: true }] },
            {
              type: 'Column',
              width: 'auto',
              items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Open', verb: 'role.open', data: '${ref}' }] }],
            },
          ],
        },
      ],
      actions: [{ type: 'Action.Execute', title: 'Plan a role', verb: 'role.new', data: {} }],
    },
    {
      workstream: scope.workstream?.title ?? '',
      roles: open.map((role) => ({ title: role.title, status: role.status, ref: { roleId: role.id } })),
    },
  );
  return show(card, 'Open roles');
}

function newRole(scope: TurnScope): TurnResult {
  return show(roleCard(scope, undefined), 'Plan a role');
}

/** Planning a role, its status changes, and sending its advert to the Engagement team. */
export const rolesCapability: Capability = {
  name: 'roles',
  triggers: ['plan a role', 'plan role', 'plan', 'new role', 'roles'],
  async onText(scope) {
    return /^(plan|new)$/.test(wordsOf(scope.turn.text ?? '')[0] ?? '') ? newRole(scope) : rolesList(scope);
  },
  actions: {
    'role.new': async (scope) => newRole(scope),
    'role.list': (scope) => rolesList(scope),
    async 'role.open'(scope, data) {
      return refreshed(scope, await loadRole(scope, data.roleId));
    },
    async 'role.save'(scope, data) {
      if (data.roleId === undefined) {
        const outcome = await scope.service.roles.planRole(scope.turn.actor, {
          ...descriptionFrom(data, false),
          workstreamId: workstreamOf(scope),
          key: optionalText(data.key),
        });
        return refreshed(
          scope,
          outcome,
          outcome.missing.length === 0 ? 'Saved. The description is complete: mark it Ready.' : 'Saved as Draft.',
        );
      }
      const current = await loadRole(scope, data.roleId);
      const outcome = await scope.service.roles.updateRole(scope.turn.actor, roleStep(scope, current.role.id, data));
      return refreshed(scope, outcome, 'Saved.');
    },
    async 'role.reassign'(scope, data) {
      const current = await loadRole(scope, data.roleId);
      const outcome = await scope.service.roles.reassignLead(scope.turn.actor, {
        roleId: current.role.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        ownerId: optionalText(data.ownerId),
      });
      return refreshed(
        scope,
        outcome,
        `${outcome.role.ownerName ?? 'They'} now leads the recruiting for "${outcome.role.title}". People who show interest from now on have them as named contact.`,
      );
    },
    'role.ready': statusMove((roles, actor, input) => roles.markReady(actor, input)),
    'role.draft': statusMove((roles, actor, input) => roles.backToDraft(actor, input)),
    'role.filled': statusMove((roles, actor, input) => roles.markFilled(actor, input)),
    'role.close': statusMove((roles, actor, input) => roles.close(actor, input)),
    async 'role.sendAdvert'(scope, data) {
      const current = await loadRole(scope, data.roleId);
      const { outcome, said } = await sendAdvertForApproval(scope, roleStep(scope, current.role.id, data));
      return refreshed(scope, outcome, said);
    },
  },
};
