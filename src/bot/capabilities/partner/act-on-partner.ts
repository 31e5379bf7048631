import type { PartnerDetail } from '../../../domain';
import { CARD_MADE_FOR_WORKSTREAM } from '../../pathway/engine';
import { recordId } from '../../pathway/inputs';
import { pressKey, replace, type TurnResult, type TurnScope } from '../../pathway/turn';
import { cardInvolvementId, loadPartner, partnerCard } from './partner-card';

/** What to say above a redrawn partner card: a sentence, or one made from the partner as read after the step. */
export type PartnerNote = string | ((detail: PartnerDetail) => string | undefined) | undefined;

/** A press of a button on a partner card: what the card carries, ready to hand to a use case. */
export interface PartnerPress {
  readonly involvementId: number;
  readonly partnerId: number;
  /** The press's idempotency key (see {@link pressKey}), naming the items it is `about` (an induction item, say). */
  key(...about: unknown[]): string | undefined;
  /** The involvement as the card was drawn: its id, version and the press's key. */
  readonly involvement: { readonly involvementId: number; readonly version: unknown; readonly key: string | undefined };
  /** The partner's record as the card was drawn: its id, version and the press's key. */
  readonly partner: { readonly partnerId: number; readonly version: unknown; readonly key: string | undefined };
}

/**
 * Reads a partner and shows their card in place of the one acted on, with an optional
 * line saying what happened.
 */
export async function showPartner(scope: TurnScope, involvementId: unknown, note?: PartnerNote): Promise<TurnResult> {
  const detail = await loadPartner(scope, involvementId);
  const colleagues = detail.actions.reassign ? await scope.service.members.list(scope.turn.actor, detail.workstream.id) : [];
  return replace(
    partnerCard(scope, detail, colleagues),
    `${detail.name}: ${detail.involvement.stage}`,
    typeof note === 'function' ? note(detail) : note,
  );
}

/**
 * The partner a card's button acts on. A card made for this conversation's workstream
 * (every partner card says which it was made for) is taken at its word: the use case
 * still checks that the person may act on the record and that the versions are current.
 * Any other card (one from another workstream, or made before cards said) is read
 * first, so a partner of another workstream is refused before anything is written.
 */
async function partnerPress(scope: TurnScope, data: Readonly<Record<string, unknown>>): Promise<PartnerPress> {
  const involvementId = cardInvolvementId(data.involvementId);
  const madeForHere = scope.workstream === undefined || data[CARD_MADE_FOR_WORKSTREAM] === scope.workstream.id;
  const onCard = recordId(data.partnerId);
  const partnerId = madeForHere && onCard !== undefined ? onCard : (await loadPartner(scope, involvementId)).partner.id;
  const key = (...about: unknown[]) => pressKey(scope.turn.action, ...about);
  return {
    involvementId,
    partnerId,
    key,
    involvement: { involvementId, version: data.version, key: key() },
    partner: { partnerId, version: data.partnerVersion, key: key() },
  };
}

/**
 * One press of a button on a partner card: `step` acts on what the card carries
 * (through a use case, which checks the rules, the access and the versions), then the
 * partner is read once, which the audit trail records as one view, and their card is
 * drawn again in place of the one pressed, under the note `step` returns, if any. A refusal
 * from the step is the answer, and the card stays as it was.
 */
export async function actOnPartner(
  scope: TurnScope,
  data: Readonly<Record<string, unknown>>,
  step: (press: PartnerPress) => Promise<PartnerNote | void>,
): Promise<TurnResult> {
  const press = await partnerPress(scope, data);
  return showPartner(scope, press.involvementId, (await step(press)) ?? undefined);
}
