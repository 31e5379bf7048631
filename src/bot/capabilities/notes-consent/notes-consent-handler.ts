import type { Capability } from '../../pathway/turn';
import { actOnPartner } from '../partner/act-on-partner';

/**
 * Consent to notes about a partner's lived experience, from their card: recording it,
 * and withdrawing it (pressed from a show-card that first says the notes are deleted).
 */
export const notesConsentCapability: Capability = {
  name: 'notes-consent',
  actions: {
    'notesConsent.record': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.personalData.recordNotesConsent(scope.turn.actor, press.partner);
        return (detail) => `Consent to notes recorded for ${detail.name}, dated today.`;
      }),
    'notesConsent.withdraw': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.personalData.withdrawNotesConsent(scope.turn.actor, press.partner);
        return (detail) =>
          `Consent to notes withdrawn for ${detail.name}: notes about their experience were deleted from every workstream.`;
      }),
  },
};
