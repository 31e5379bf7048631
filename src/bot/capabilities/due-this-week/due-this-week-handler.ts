import { longDate, RefusedError } from '../../../domain';
import { show, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import template from './due-card.json';

const WEEK = 7;

async function dueThisWeek(scope: TurnScope): Promise<TurnResult> {
  if (!scope.workstream) throw new RefusedError('no-workstream', 'Choose a workstream first: type **workstream**.');
  const due = await scope.service.worklists.dueSoon(scope.turn.actor, scope.workstream.id, WEEK);
  const line = (item: { name: string; roleTitle: string; involvementId: number }, detail: string) => ({
    title: `${item.name} · ${item.roleTitle}`,
    detail,
    ref: { involvementId: item.involvementId },
  });
  const card = scope.cards.render(template, {
    heading: `Due by ${longDate(due.until)} in ${scope.workstream.title}`,
    oneToOnes: due.oneToOnes.map((item) => line(item, item.dueText)),
    inductions: due.inductions.map((item) => line(item, `${item.induction?.missingRequired ?? 0} required items left`)),
    roles: due.closingRoles.map((role) => ({
      title: role.title,
      detail: `Closes ${longDate(role.closingDate)}`,
      ref: { roleId: role.roleId },
    })),
    tabUrl: scope.tabLinks.workstream(scope.workstream),
    nothing: due.oneToOnes.length + due.inductions.length + due.closingRoles.length === 0,
  });
  return show(card, 'Due this week');
}

/** `due this week`: one-to-ones due or overdue, inductions with required items open, and roles closing soon. */
export const dueThisWeekCapability: Capability = {
  name: 'due-this-week',
  triggers: ['due this week', 'due', 'this week', 'overdue'],
  onText: (scope) => dueThisWeek(scope),
  actions: { 'due.week': (scope) => dueThisWeek(scope) },
};
