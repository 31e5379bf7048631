import { ConflictError, longDate } from '../../../domain';
import { optionalText, wholeNumber } from '../../pathway/inputs';
import { pressKey, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';

/** One-to-ones: booking the next, recording one as held, and setting how often they happen. */
export const oneToOnesCapability: Capability = {
  name: 'one-to-ones',
  actions: {
    async 'oneToOne.book'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.oneToOnes.book(scope.turn.actor, {
        involvementId: detail.involvement.id,
        key: pressKey(scope.turn.action),
        date: optionalText(data.date),
        time: optionalText(data.time),
        where: optionalText(data.where),
      });
      return showPartner(scope, detail.involvement.id, 'One-to-one booked.');
    },
    async 'oneToOne.held'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const booked = detail.oneToOnes.find((item) => item.status === 'Booked' && item.date === optionalText(data.date));
      try {
        await scope.service.oneToOnes.recordHeld(scope.turn.actor, {
          involvementId: detail.involvement.id,
          involvementVersion: data.version,
          key: pressKey(scope.turn.action),
          date: optionalText(data.date),
          notes: optionalText(data.notes),
          ...(booked ? { oneToOneId: booked.id, oneToOneVersion: booked.version } : {}),
        });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return showPartner(scope, detail.involvement.id, `${detail.name}'s record changed since this card was sent, so nothing was recorded. Here is the latest: try again.`);
      }
      return showPartner(scope, detail.involvement.id, 'One-to-one recorded. The next one is due a cadence from it.');
    },
    async 'oneToOne.move'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const moved = await scope.service.oneToOnes.move(scope.turn.actor, {
        oneToOneId: data.oneToOneId,
        version: data.oneToOneVersion,
        key: pressKey(scope.turn.action),
        date: optionalText(data.date),
        time: optionalText(data.time),
        where: optionalText(data.where),
      });
      return showPartner(scope, detail.involvement.id, `One-to-one moved to ${longDate(moved.date)}${moved.time ? ` at ${moved.time}` : ''}.`);
    },
    async 'oneToOne.cancel'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.oneToOnes.cancel(scope.turn.actor, { oneToOneId: data.oneToOneId, version: data.oneToOneVersion, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, 'One-to-one cancelled.');
    },
    async 'oneToOne.cadence'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.setCadence(scope.turn.actor, {
        involvementId: detail.involvement.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        cadenceWeeks: wholeNumber(data.cadenceWeeks),
      });
      return showPartner(scope, detail.involvement.id);
    },
  },
};
