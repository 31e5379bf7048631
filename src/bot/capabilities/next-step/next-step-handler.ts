import { RefusedError } from '../../../domain';
import { show, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import template from './next-step-card.json';

const MAX_ITEMS = 15;

async function nextSteps(scope: TurnScope): Promise<TurnResult> {
  if (!scope.workstream) throw new RefusedError('no-workstream', 'Choose a workstream first: type **workstream**.');
  const dashboard = await scope.service.partnerViews.dashboard(scope.turn.actor, scope.workstream.id);
  const roleItems = dashboard.roles
    .filter((role) => role.status === 'Draft' || (role.status === 'Ready' && role.advertState !== 'Awaiting approval'))
    .map((role) => ({
      title: role.title,
      detail:
        role.status === 'Draft'
          ? 'Draft: finish the description and mark it Ready'
          : role.advertState === 'Sent back'
            ? 'Advert sent back: change it and send again'
            : 'Ready: send the advert to the Engagement team',
      verb: 'role.open',
      ref: { roleId: role.id },
    }));
  const partnerItems = dashboard.rows
    .filter((row) => row.attention.length > 0 || (row.induction !== null && row.stage === 'Induction'))
    .map((row) => ({
      title: `${row.preferredName ?? row.name} · ${row.roleTitle}`,
      detail:
        row.attention.length > 0 ? row.attention.join('; ') : `Induction: ${row.induction?.done ?? 0} of ${row.induction?.total ?? 0} done`,
      verb: 'partner.open',
      ref: { involvementId: row.involvementId },
    }));
  const card = scope.cards.render(template, {
    workstream: scope.workstream.title,
    items: [...partnerItems, ...roleItems].slice(0, MAX_ITEMS),
  });
  return show(card, 'Next steps');
}

/** The "Next step" button on every card (and `next`): what needs doing in this workstream, each with a button. */
export const nextStepCapability: Capability = {
  name: 'next-step',
  triggers: ['next', 'what next', 'next step', 'todo', 'to do'],
  onText: (scope) => nextSteps(scope),
  actions: { next: (scope) => nextSteps(scope) },
};
