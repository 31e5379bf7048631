import { show, type Capability, type TurnResult, type TurnScope } from '../../pathway/turn';
import template from './help-card.json';

/** The stages the help card walks through, each described in the organisation's guidance. */
const STAGES = [
  'Plan a role',
  'Advertise',
  'Log interest',
  'Informal chat',
  'Induction',
  'One-to-ones',
  'Peer Support Network',
  'Ask the Engagement team',
];

/**
 * The help card, with an optional line first (for text the bot did not understand).
 * In the Engagement team's channel it also offers sending the reminders now and
 * their overview tab.
 */
export function helpCard(scope: Pick<TurnScope, 'cards' | 'guidance' | 'isEngagementTeam' | 'tabLinks'>, note = ''): TurnResult {
  const card = scope.cards.render(template, {
    note,
    isEngagementTeam: scope.isEngagementTeam,
    overviewUrl: scope.isEngagementTeam ? scope.tabLinks.engagement() : undefined,
    intro: scope.guidance.text('help', 'intro'),
    stages: STAGES.map((title) => ({ title, text: scope.guidance.text('help', title) })),
    commands: scope.guidance.text('help', 'commands'),
  });
  return show(card, 'What Partner Pathway can help with');
}

const GREETINGS = ['help', 'hi', 'hello', 'hey', 'start'];

/** `help` and greetings; also what anything the bot does not understand gets. */
export const helpCapability: Capability = {
  name: 'help',
  needsWorkstream: false,
  looksAtWorkstream: false,
  triggers: GREETINGS,
  async onText(scope) {
    const first =
      (scope.turn.text ?? '')
        .trim()
        .toLowerCase()
        .split(/\s+/)[0]
        ?.replace(/[^a-z]/g, '') ?? '';
    return helpCard(scope, GREETINGS.includes(first) ? '' : "I didn't catch that, so here is what I can help with.");
  },
  actions: { help: async (scope) => helpCard(scope) },
};
