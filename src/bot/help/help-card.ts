/** One stage of the pathway, as the help card describes it. */
interface Stage {
  readonly title: string;
  readonly text: string;
}

const STAGES: readonly Stage[] = [
  {
    title: 'Plan a role',
    text: 'Write the role description: purpose, what the partner will do, time, payment and expenses, support. Partner Pathway shows what is still missing before the role can be Ready.',
  },
  {
    title: 'Advertise',
    text: 'Send the advert to the Engagement team for the opportunities pages. Once they approve it, the role is Advertised.',
  },
  {
    title: 'Log interest',
    text: 'Record each person who is interested, with their consent to hold their details, and acknowledge them promptly.',
  },
  {
    title: 'Informal chat',
    text: 'Book a relaxed conversation, with guidance on what to cover and adjustments to offer, then record how it went.',
  },
  {
    title: 'Induction',
    text: 'Work through the checklist: agreements signed, expenses explained, IT access, a named contact. Required items come before the partner is Active.',
  },
  {
    title: 'One-to-ones',
    text: 'Check in regularly, at the cadence set for each partner. See when the next one is due and which are overdue.',
  },
  {
    title: 'Peer Support Network',
    text: 'Invite partners and record their answer. Joining is their choice.',
  },
];

/**
 * The Adaptive Card (schema 1.5) answering `help`: what Partner Pathway helps with
 * at each stage of recruiting, inducting and supporting a Patient and Public Partner.
 */
export function helpCard(): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Partner Pathway', weight: 'Bolder', size: 'Large', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        text: 'I help your workstream recruit, induct and support Patient and Public Partners, one step at a time.',
        wrap: true,
      },
      ...STAGES.map((stage, index) => ({
        type: 'Container',
        spacing: 'Medium',
        items: [
          { type: 'TextBlock', text: `${index + 1}. ${stage.title}`, weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: stage.text, wrap: true, spacing: 'Small' },
        ],
      })),
      {
        type: 'TextBlock',
        text: 'For now, do these steps in the Partner Pathway tab. Type **help** here at any time.',
        wrap: true,
        spacing: 'Large',
        isSubtle: true,
      },
    ],
  };
}
