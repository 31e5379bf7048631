import { longDate, RefusedError, type Role, type RoleOutcome } from '../../../domain';
import { optionalText } from '../../pathway/inputs';
import { pressKey, replace, type Capability, type Card, type TurnScope } from '../../pathway/turn';
import template from './advert-card.json';

const NOT_CONNECTED =
  "The Engagement team's channel is not connected to Partner Pathway yet, so the advert was not sent. Ask an administrator to set ENGAGEMENT_CHANNEL_ID and add the app to that channel.";

/** The role description turned into an advert: plain headings, in the order a reader needs them. */
function advertSections(role: Role): Array<{ heading: string; text: string }> {
  const where = [role.location, role.locationDetails].filter(Boolean).join(': ');
  const formats = role.accessibleFormats?.length ? `This advert is available as ${role.accessibleFormats.join(', ').toLowerCase()} on request.` : '';
  return [
    { heading: 'Why this role matters', text: role.purpose ?? '' },
    { heading: 'What you would do', text: role.activities ?? '' },
    { heading: 'Time and place', text: [role.timeCommitment, where].filter(Boolean).join('. ') },
    { heading: 'Who we would love to hear from', text: role.skillsWelcomed ?? '' },
    { heading: 'Payment, expenses and support', text: [role.paymentAndExpenses, role.supportOffered].filter(Boolean).join(' ') },
    {
      heading: 'How to get in touch',
      text: [`Contact ${role.contact ?? 'the recruiting lead'}${role.closingDate ? ` by ${longDate(role.closingDate)}` : ''}.`, formats].filter(Boolean).join(' '),
    },
  ].filter((section) => section.text.trim() !== '');
}

function advertCard(scope: TurnScope, role: Role, workstream: string, decision: string): Card {
  return scope.cards.render(template, {
    title: role.title,
    workstream,
    sentBy: role.ownerName ?? 'the recruiting lead',
    sections: advertSections(role),
    decision,
    open: decision === '',
    reviewGuidance: scope.guidance.text('advert', 'review'),
    ref: { roleId: role.id, version: role.version, key: globalThis.crypto.randomUUID() },
  });
}

/**
 * Sends a Ready role's advert to the Engagement team: the service records it as
 * awaiting approval, then the advert card is posted in their channel. Refused,
 * with nothing changed, when their channel cannot be reached.
 */
export async function sendAdvertForApproval(scope: TurnScope, roleId: number, version: unknown, key: string | undefined): Promise<RoleOutcome> {
  const channel = scope.engagementChannelId;
  if (!channel || (await scope.memory.reference('channel', channel)) === undefined) {
    throw new RefusedError('engagement-not-connected', NOT_CONNECTED);
  }
  const outcome = await scope.service.roles.sendAdvert(scope.turn.actor, { roleId, version, key });
  const card = advertCard(scope, outcome.role, scope.workstream?.title ?? '', '');
  await scope.messenger.send({ teamsChannelId: channel }, { card, summary: `Advert for approval: ${outcome.role.title}` });
  return outcome;
}

async function tellLead(scope: TurnScope, role: Role, text: string): Promise<void> {
  if (role.ownerId && (await scope.messenger.send({ userId: role.ownerId }, { text }))) return;
  const workstream = (await scope.service.workstreams.list(scope.turn.actor)).find((item) => item.id === role.workstreamId);
  if (workstream?.teamsChannelId) await scope.messenger.send({ teamsChannelId: workstream.teamsChannelId }, { text });
}

function engagementOnly(scope: TurnScope): void {
  if (!scope.isEngagementTeam) throw new RefusedError('engagement-only', 'Only the Engagement team can approve or send back adverts, in their own channel. Nothing was changed.');
}

/** The Engagement team's side of advertising: approving an advert with its link, or sending it back with a comment. */
export const advertReviewCapability: Capability = {
  name: 'advert-review',
  needsWorkstream: false,
  actions: {
    async 'advert.approve'(scope, data) {
      engagementOnly(scope);
      const outcome = await scope.service.roles.approveAdvert(scope.turn.actor, { roleId: data.roleId, version: data.version, key: pressKey(scope.turn.action), advertUrl: optionalText(data.advertUrl) });
      const role = outcome.role;
      await tellLead(scope, role, `The Engagement team approved the advert for "${role.title}": it is now Advertised at ${role.advertUrl ?? ''}.`);
      const workstream = (await scope.service.workstreams.list(scope.turn.actor)).find((item) => item.id === role.workstreamId)?.title ?? '';
      return replace(advertCard(scope, role, workstream, `Approved by ${scope.turn.actor.name}: ${role.advertUrl ?? ''}`), `Approved: ${role.title}`);
    },
    async 'advert.sendBack'(scope, data) {
      engagementOnly(scope);
      const outcome = await scope.service.roles.sendAdvertBack(scope.turn.actor, { roleId: data.roleId, version: data.version, key: pressKey(scope.turn.action), comment: optionalText(data.comment) });
      const role = outcome.role;
      await tellLead(scope, role, `The Engagement team sent the advert for "${role.title}" back: "${role.advertComment ?? ''}". Type **roles** to open it, change it and send it again.`);
      const workstream = (await scope.service.workstreams.list(scope.turn.actor)).find((item) => item.id === role.workstreamId)?.title ?? '';
      return replace(advertCard(scope, role, workstream, `Sent back by ${scope.turn.actor.name}.`), `Sent back: ${role.title}`);
    },
  },
};
