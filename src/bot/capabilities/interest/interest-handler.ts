import { RefusedError, type PartnerMatch, type PathwayService, type Principal } from '../../../domain';
import { optionalText } from '../../pathway/inputs';
import { replace, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import { actOnPartner, showPartner } from '../partner/act-on-partner';
import { loadRole } from '../roles/roles-handler';

/** The new person's details as typed on the role card's "Log interest" form. */
function personFrom(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    fullName: optionalText(data.fullName),
    preferredName: optionalText(data.preferredName),
    email: optionalText(data.email),
    phone: optionalText(data.phone),
    preferredContact: optionalText(data.preferredContact),
    accessNeeds: optionalText(data.accessNeeds),
    consentGiven: data.consentGiven === 'true' || data.consentGiven === true,
  };
}

/** "Maternity partner (Chat held)", for each role of a match, with titles read as the person may see them. */
async function rolesOf(service: PathwayService, actor: Principal, match: PartnerMatch): Promise<string> {
  const titles = await Promise.all(
    match.roles.map(async (role) => `${(await service.roleViews.role(actor, role.roleId)).role.title} (${role.stage})`),
  );
  return titles.length > 0 ? titles.join('; ') : 'no role you can see';
}

/**
 * The question asked when someone's email or phone is already on record: link the
 * interest to the person known, or log them as a different person. The typed
 * details ride on the "different person" button, so nothing is typed twice.
 */
async function sameOrDifferent(
  scope: TurnScope,
  roleId: number,
  data: Readonly<Record<string, unknown>>,
  refusal: RefusedError,
): Promise<TurnResult> {
  const matches = (refusal.details.matches ?? []) as PartnerMatch[];
  const key = optionalText(data.key);
  const card = scope.cards.render(
    {
      body: [
        { type: 'TextBlock', text: 'Is this someone already on record?', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
        { type: 'TextBlock', text: '${message}', wrap: true },
        {
          type: 'ColumnSet',
          $data: '${matches}',
          columns: [
            { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: '**${name}**: ${roles}', wrap: true }] },
            {
              type: 'Column',
              width: 'auto',
              items: [
                {
                  type: 'ActionSet',
                  actions: [{ type: 'Action.Execute', title: 'Same person: link', verb: 'interest.link', data: '${ref}' }],
                },
              ],
            },
          ],
        },
      ],
      actions: [{ type: 'Action.Execute', title: 'A different person: log them', verb: 'interest.log', data: '${different}' }],
    },
    {
      message: refusal.message,
      matches: await Promise.all(
        matches.map(async (match) => ({
          name: match.name,
          roles: await rolesOf(scope.service, scope.turn.actor, match),
          ref: { roleId, partnerId: match.partnerId, key },
        })),
      ),
      different: { ...personFrom(data), roleId, key, newPerson: true },
    },
  );
  return replace(card, 'Is this someone already on record?');
}

/**
 * Logging interest in a role (from the role card's form, with the person's consent
 * to hold their details), linking it to someone already on record instead of
 * making a second record, and recording that it was acknowledged.
 */
export const interestCapability: Capability = {
  name: 'interest',
  actions: {
    async 'interest.log'(scope, data) {
      const { role } = await loadRole(scope, data.roleId);
      try {
        const involvement = await scope.service.involvements.recordInterest(scope.turn.actor, {
          roleId: role.id,
          key: optionalText(data.key),
          partner: personFrom(data),
          ...(data.newPerson === true ? { newPerson: true } : {}),
        });
        return showPartner(scope, involvement.id, `Interest logged. ${scope.guidance.text('interest', 'acknowledge')}`);
      } catch (error) {
        if (error instanceof RefusedError && error.code === 'possibly-known') return sameOrDifferent(scope, role.id, data, error);
        throw error;
      }
    },
    async 'interest.link'(scope, data) {
      const { role } = await loadRole(scope, data.roleId);
      const involvement = await scope.service.involvements.recordInterest(scope.turn.actor, {
        roleId: role.id,
        key: optionalText(data.key),
        partnerId: data.partnerId,
      });
      return showPartner(
        scope,
        involvement.id,
        `Interest logged on their existing record, so they have one record. ${scope.guidance.text('interest', 'acknowledge')}`,
      );
    },
    'interest.acknowledge': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.acknowledgeInterest(scope.turn.actor, press.involvement);
      }),
  },
};
