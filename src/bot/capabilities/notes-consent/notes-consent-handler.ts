import { pressKey, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';

/**
 * Consent to notes about a partner's lived experience, from their card: recording it,
 * and withdrawing it (pressed from a show-card that first says the notes are deleted).
 */
export const notesConsentCapability: Capability = {
  name: 'notes-consent',
  actions: {
    async 'notesConsent.record'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.personalData.recordNotesConsent(scope.turn.actor, { partnerId: detail.partner.id, version: data.partnerVersion, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, `Consent to notes recorded for ${detail.name}, dated today.`);
    },
    async 'notesConsent.withdraw'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.personalData.withdrawNotesConsent(scope.turn.actor, { partnerId: detail.partner.id, version: data.partnerVersion, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, `Consent to notes withdrawn for ${detail.name}: notes about their experience were deleted from every workstream.`);
    },
  },
};
