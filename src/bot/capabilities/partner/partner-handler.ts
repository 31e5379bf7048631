import { optionalText } from '../../pathway/inputs';
import { pressKey, replace, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import { loadPartner, partnerCard } from './partner-card';

/**
 * Re-reads a partner after a step and shows their card in place of the one acted
 * on, with an optional line saying what happened.
 */
export async function showPartner(scope: TurnScope, involvementId: unknown, note?: string): Promise<TurnResult> {
  const detail = await loadPartner(scope, involvementId);
  const colleagues = detail.actions.reassign ? await scope.service.members.list(scope.turn.actor, detail.workstream.id) : [];
  return replace(partnerCard(scope, detail, colleagues), `${detail.name}: ${detail.involvement.stage}`, note);
}

/** The partner's details as typed on the card's "Correct their details" form; an emptied field is cleared. */
function detailsFrom(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields = ['fullName', 'preferredName', 'email', 'phone', 'postalAddress', 'preferredContact', 'accessNeeds'];
  return Object.fromEntries(fields.filter((field) => Object.hasOwn(data, field)).map((field) => [field, optionalText(data[field]) ?? (field === 'fullName' ? '' : null)]));
}

/** A partner's card, and correcting who they are and who looks after them. */
export const partnerCapability: Capability = {
  name: 'partner',
  actions: {
    'partner.open': (scope, data) => showPartner(scope, data.involvementId),
    async 'partner.update'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.partners.updateDetails(scope.turn.actor, { ...detailsFrom(data), partnerId: detail.partner.id, version: data.partnerVersion, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, 'Their details are saved.');
    },
    async 'partner.reassign'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const moved = await scope.service.involvements.reassign(scope.turn.actor, { involvementId: detail.involvement.id, version: data.version, key: pressKey(scope.turn.action), ownerId: optionalText(data.ownerId) });
      return showPartner(scope, detail.involvement.id, `${moved.ownerName ?? 'They'} ${moved.ownerId === scope.turn.actor.id ? '(you) are' : 'is'} now ${detail.name}'s named contact, and gets the reminders about them.`);
    },
  },
};
