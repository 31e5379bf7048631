import { replace, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import { loadPartner, partnerCard } from './partner-card';

/**
 * Re-reads a partner after a step and shows their card in place of the one acted
 * on, with an optional line saying what happened.
 */
export async function showPartner(scope: TurnScope, involvementId: unknown, note?: string): Promise<TurnResult> {
  const detail = await loadPartner(scope, involvementId);
  return replace(partnerCard(scope, detail), `${detail.name}: ${detail.involvement.stage}`, note);
}

/** `partner.open`: a partner's card, from a list or a reminder. */
export const partnerCapability: Capability = {
  name: 'partner',
  actions: {
    'partner.open': (scope, data) => showPartner(scope, data.involvementId),
  },
};
