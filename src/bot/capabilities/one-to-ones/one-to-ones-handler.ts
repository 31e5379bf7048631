import { ConflictError, longDate } from '../../../domain';
import { optionalText, recordId, wholeNumber } from '../../pathway/inputs';
import type { Capability, TurnScope } from '../../pathway/turn';
import { actOnPartner, type PartnerPress } from '../partner/act-on-partner';
import { BOOKED_ON_CARD, loadPartner } from '../partner/partner-card';

/**
 * The one-to-one booked on `date` when the card was drawn, which "Record as held" on that
 * date records (as the tab does with the one it shows). A card drawn before the button
 * carried its booking has the partner's one-to-ones read.
 */
async function bookedOn(
  scope: TurnScope,
  press: PartnerPress,
  data: Readonly<Record<string, unknown>>,
  date: unknown,
): Promise<{ oneToOneId: number; oneToOneVersion: number } | undefined> {
  const onCard = data[BOOKED_ON_CARD];
  if (onCard === undefined) {
    const booked = (await loadPartner(scope, press.involvementId)).oneToOnes.find((item) => item.status === 'Booked' && item.date === date);
    return booked ? { oneToOneId: booked.id, oneToOneVersion: booked.version } : undefined;
  }
  if (typeof onCard !== 'object' || onCard === null) return undefined;
  const booked = onCard as Readonly<Record<string, unknown>>;
  const oneToOneId = recordId(booked.oneToOneId);
  const oneToOneVersion = recordId(booked.oneToOneVersion);
  return booked.date === date && oneToOneId !== undefined && oneToOneVersion !== undefined ? { oneToOneId, oneToOneVersion } : undefined;
}

/** One-to-ones: booking the next, recording one as held, and setting how often they happen. */
export const oneToOnesCapability: Capability = {
  name: 'one-to-ones',
  actions: {
    'oneToOne.book': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.oneToOnes.book(scope.turn.actor, {
          involvementId: press.involvementId,
          key: press.key(),
          date: optionalText(data.date),
          time: optionalText(data.time),
          where: optionalText(data.where),
        });
        return 'One-to-one booked.';
      }),
    'oneToOne.held': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        const date = optionalText(data.date);
        const booked = await bookedOn(scope, press, data, date);
        try {
          await scope.service.oneToOnes.recordHeld(scope.turn.actor, {
            involvementId: press.involvementId,
            involvementVersion: data.version,
            key: press.key(),
            date,
            notes: optionalText(data.notes),
            ...booked,
          });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          return (detail) =>
            `${detail.name}'s record changed since this card was sent, so nothing was recorded. Here is the latest: try again.`;
        }
        return 'One-to-one recorded. The next one is due a cadence from it.';
      }),
    'oneToOne.move': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        const moved = await scope.service.oneToOnes.move(scope.turn.actor, {
          oneToOneId: data.oneToOneId,
          version: data.oneToOneVersion,
          key: press.key(),
          date: optionalText(data.date),
          time: optionalText(data.time),
          where: optionalText(data.where),
        });
        return `One-to-one moved to ${longDate(moved.date)}${moved.time ? ` at ${moved.time}` : ''}.`;
      }),
    'oneToOne.cancel': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.oneToOnes.cancel(scope.turn.actor, {
          oneToOneId: data.oneToOneId,
          version: data.oneToOneVersion,
          key: press.key(),
        });
        return 'One-to-one cancelled.';
      }),
    'oneToOne.cadence': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.setCadence(scope.turn.actor, {
          ...press.involvement,
          cadenceWeeks: wholeNumber(data.cadenceWeeks),
        });
      }),
  },
};
