import { optionalText } from '../../pathway/inputs';
import type { Capability } from '../../pathway/turn';
import { actOnPartner, showPartner } from './act-on-partner';

/** The partner's details as typed on the card's "Correct their details" form; an emptied field is cleared. */
function detailsFrom(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields = ['fullName', 'preferredName', 'email', 'phone', 'postalAddress', 'preferredContact', 'accessNeeds'];
  return Object.fromEntries(
    fields
      .filter((field) => Object.hasOwn(data, field))
      .map((field) => [field, optionalText(data[field]) ?? (field === 'fullName' ? '' : null)]),
  );
}

/** A partner's card, and correcting who they are and who looks after them. */
export const partnerCapability: Capability = {
  name: 'partner',
  actions: {
    'partner.open': (scope, data) => showPartner(scope, data.involvementId),
    'partner.update': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.partners.updateDetails(scope.turn.actor, { ...detailsFrom(data), ...press.partner });
        return 'Their details are saved.';
      }),
    'partner.reassign': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        const moved = await scope.service.involvements.reassign(scope.turn.actor, {
          ...press.involvement,
          ownerId: optionalText(data.ownerId),
        });
        return (detail) =>
          `${moved.ownerName ?? 'They'} ${moved.ownerId === scope.turn.actor.id ? '(you) are' : 'is'} now ${detail.name}'s named contact, and gets the reminders about them.`;
      }),
  },
};
