import type { PartnerLine } from '../../../domain';
import { show, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import template from './partner-list-card.json';

/** A list of partners, each with a button to open their card. */
export function partnerListCard(
  scope: TurnScope,
  heading: string,
  empty: string,
  lines: readonly PartnerLine[],
  summary: string,
): TurnResult {
  const card = scope.cards.render(template, {
    heading,
    empty,
    partners: lines.slice(0, 40).map((line) => ({
      title: `${line.name} · ${line.roleTitle}`,
      detail: [
        line.stage,
        line.induction ? `induction ${line.induction.done} of ${line.induction.total}` : '',
        line.nextOneToOne.state === 'none' ? '' : line.dueText,
      ]
        .filter(Boolean)
        .join(' · '),
      ref: { involvementId: line.involvementId },
    })),
    more: lines.length > 40 ? `And ${lines.length - 40} more: see the Partner Pathway tab.` : '',
    tabUrl: scope.tabLinks.workstream(scope.workstream),
  });
  return show(card, summary);
}

async function myPartners(scope: TurnScope): Promise<TurnResult> {
  const lines = (await scope.service.worklists.myPartners(scope.turn.actor)).filter(
    (line) => !scope.workstream || line.workstreamId === scope.workstream.id,
  );
  return partnerListCard(
    scope,
    `Your partners in ${scope.workstream?.title ?? 'all workstreams'}`,
    'Nobody has you as their named contact here yet.',
    lines,
    'My partners',
  );
}

/** `my partners`: the open involvements where this person is the named contact. */
export const myPartnersCapability: Capability = {
  name: 'my-partners',
  triggers: ['my partners', 'partners', 'mine'],
  onText: (scope) => myPartners(scope),
  actions: { 'partners.mine': (scope) => myPartners(scope) },
};
