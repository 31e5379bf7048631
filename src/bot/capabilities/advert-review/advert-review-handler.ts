import { advertSections, RefusedError, type Role, type RoleOutcome } from '../../../domain';
import { optionalText, recordId } from '../../pathway/inputs';
import { pressKey, replace, show, type Capability, type Card, type TurnScope } from '../../pathway/turn';
import template from './advert-card.json';

/** How far an advert has got, and what the person looking at it may do with it. */
interface AdvertView {
  /** The decision made on it, as said on the card; empty while it waits. */
  readonly decision: string;
  /** Whether the advert waits and the person is in the Engagement team: Approve and Send back are shown. */
  readonly canDecide: boolean;
  /** Whether the advert waits and can be posted in the Engagement team's channel again. */
  readonly canResend: boolean;
}

function advertCard(scope: TurnScope, role: Role, workstream: string, view: AdvertView): Card {
  return scope.cards.render(template, {
    title: role.title,
    workstream,
    sentBy: role.ownerName ?? 'the recruiting lead',
    sections: advertSections(role),
    state: role.advertState === 'Awaiting approval' ? 'Waiting for the Engagement team' : `Advert ${role.advertState.toLowerCase()}`,
    ...view,
    reviewGuidance: scope.guidance.text('advert', 'review'),
    ref: { roleId: role.id, version: role.version, key: globalThis.crypto.randomUUID() },
  });
}

/** The advert card for the person pressing, with the buttons they can use on it. */
async function advertFor(scope: TurnScope, role: Role, decision = ''): Promise<Card> {
  const waiting = role.advertState === 'Awaiting approval';
  const { engagementTeam } = await scope.service.members.reach(scope.turn.actor);
  const workstream = (await scope.service.workstreams.visible(scope.turn.actor, role.workstreamId))?.title ?? '';
  return advertCard(scope, role, workstream, {
    decision,
    canDecide: waiting && engagementTeam,
    canResend: waiting && scope.engagementChannelId !== undefined,
  });
}

/** Where an advert waiting for approval is, said truthfully to the lead. */
const POSTED = 'The advert is with the Engagement team in their channel. I will tell you when they approve it or send it back.';
const WAITING =
  'The advert is waiting for the Engagement team. They approve it, or send it back, from this role in a chat with me or from the Engagement overview in the tab. I will tell you when they do.';
const NOT_POSTED =
  'The advert is waiting for the Engagement team, but I could not post it in their channel just now (they may not have added me there yet). Open the advert and press **Post it in their channel again** to retry. They can also approve it from this role in a chat with me, or from the Engagement overview in the tab.';

/** Posts an advert waiting for approval in the Engagement team's channel, when there is one; says where the advert is now. */
async function postForApproval(scope: TurnScope, role: Role): Promise<string> {
  const channel = scope.engagementChannelId;
  if (!channel) return WAITING;
  const card = advertCard(scope, role, scope.workstream?.title ?? '', { decision: '', canDecide: true, canResend: false });
  const reachable = (await scope.memory.reference('channel', channel)) !== undefined;
  const posted =
    reachable && (await scope.messenger.send({ teamsChannelId: channel }, { card, summary: `Advert for approval: ${role.title}` }));
  return posted ? POSTED : NOT_POSTED;
}

/**
 * Sends a Ready role's advert to the Engagement team: the service records it as
 * waiting for approval (whether or not their channel is set up), then it is posted
 * in their channel when there is one. Resolves to the role and what to tell the lead.
 */
export async function sendAdvertForApproval(
  scope: TurnScope,
  step: Readonly<Record<string, unknown>>,
): Promise<{ readonly outcome: RoleOutcome; readonly said: string }> {
  const outcome = await scope.service.roles.sendAdvert(scope.turn.actor, step);
  return { outcome, said: await postForApproval(scope, outcome.role) };
}

async function tellLead(scope: TurnScope, role: Role, text: string): Promise<void> {
  if (role.ownerId && (await scope.messenger.send({ userId: role.ownerId }, { text }))) return;
  const workstream = await scope.service.workstreams.visible(scope.turn.actor, role.workstreamId);
  if (workstream?.teamsChannelId) await scope.messenger.send({ teamsChannelId: workstream.teamsChannelId }, { text });
}

/** The role a card names, read with the person's own access. */
async function roleOf(scope: TurnScope, roleId: unknown): Promise<Role> {
  const id = recordId(roleId);
  if (id === undefined) throw new RefusedError('bad-card', 'That card is missing which role it is about. Type **roles** to find it again.');
  return (await scope.service.roleViews.role(scope.turn.actor, id)).role;
}

/**
 * The advert: opened from its role (by the lead, or by the Engagement team wherever
 * they are, personal chat included), posted in the Engagement team's channel again
 * if it could not be, approved with its link or sent back with a comment. The
 * service decides who may approve; the buttons are shown only to the Engagement team.
 */
export const advertReviewCapability: Capability = {
  name: 'advert-review',
  needsWorkstream: false,
  triggers: ['adverts', 'adverts to approve', 'approve adverts'],
  async onText(scope) {
    const waiting = await scope.service.roleViews.advertsAwaitingApproval(scope.turn.actor);
    const card = scope.cards.render(
      {
        body: [
          { type: 'TextBlock', text: 'Adverts waiting for approval', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
          { type: 'TextBlock', text: 'None are waiting.', wrap: true, $when: '${count(adverts) == 0}' },
          {
            type: 'ColumnSet',
            $data: '${adverts}',
            columns: [
              { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: '${title}', wrap: true }] },
              {
                type: 'Column',
                width: 'auto',
                items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Open', verb: 'advert.open', data: '${ref}' }] }],
              },
            ],
          },
        ],
      },
      { adverts: waiting.map((role) => ({ title: role.title, ref: { roleId: role.id } })) },
    );
    return show(card, 'Adverts waiting for approval');
  },
  actions: {
    async 'advert.open'(scope, data) {
      const role = await roleOf(scope, data.roleId);
      return replace(await advertFor(scope, role), `Advert: ${role.title}`);
    },
    async 'advert.resend'(scope, data) {
      const role = await roleOf(scope, data.roleId);
      const said =
        role.advertState === 'Awaiting approval'
          ? await postForApproval(scope, role)
          : `The advert for "${role.title}" is not waiting for approval any more: it is ${role.advertState.toLowerCase()}.`;
      return replace(await advertFor(scope, role), `Advert: ${role.title}`, said);
    },
    async 'advert.approve'(scope, data) {
      const outcome = await scope.service.roles.approveAdvert(scope.turn.actor, {
        roleId: data.roleId,
        version: data.version,
        key: pressKey(scope.turn.action),
        advertUrl: optionalText(data.advertUrl),
      });
      const role = outcome.role;
      await tellLead(
        scope,
        role,
        `The Engagement team approved the advert for "${role.title}": it is now Advertised at ${role.advertUrl ?? ''}.`,
      );
      return replace(
        await advertFor(scope, role, `Approved by ${scope.turn.actor.name}: ${role.advertUrl ?? ''}`),
        `Approved: ${role.title}`,
      );
    },
    async 'advert.sendBack'(scope, data) {
      const outcome = await scope.service.roles.sendAdvertBack(scope.turn.actor, {
        roleId: data.roleId,
        version: data.version,
        key: pressKey(scope.turn.action),
        comment: optionalText(data.comment),
      });
      const role = outcome.role;
      await tellLead(
        scope,
        role,
        `The Engagement team sent the advert for "${role.title}" back: "${role.advertComment ?? ''}". Type **roles** to open it, change it and send it again.`,
      );
      return replace(await advertFor(scope, role, `Sent back by ${scope.turn.actor.name}.`), `Sent back: ${role.title}`);
    },
  },
};
