import { TabLinks } from '../../../src/bot/pathway/tab-links';
import { advertisedRole, at, interested, workstream } from '../arrange';
import { channel, ENGAGEMENT, LEAD_PRINCIPAL, linksOf, NADIA, TEAMS_APP_ID, Transcript } from '../transcript-harness';

const MATERNITY_CHANNEL = '19:maternity@thread.tacv2';
const links = new TabLinks(TEAMS_APP_ID);

let t: Transcript;
afterEach(() => t.close());

/** Maternity, tied to its channel, with Maya interested in two roles, so her partner id and involvement ids differ. */
async function arrange() {
  const ws = await workstream(t.service, 'Maternity');
  await t.service.channels.assignChannel(LEAD_PRINCIPAL, { workstreamId: ws.id, teamsChannelId: MATERNITY_CHANNEL });
  const first = await advertisedRole(t.service, ws.id, 'Maternity partner');
  const maya = await interested(t.service, first.id, 'Maya Jones');
  await interested(t.service, first.id, 'Sam Patel');
  const second = await advertisedRole(t.service, ws.id, 'Leaflet reviewer');
  const again = await t.service.involvements.recordInterest(LEAD_PRINCIPAL, { roleId: second.id, partnerId: maya.partnerId });
  return { ws: { id: ws.id, teamsChannelId: MATERNITY_CHANNEL }, maya, again };
}

describe('"Open in tab" with the Teams app id configured', () => {
  beforeEach(async () => {
    t = await Transcript.start('2026-03-10', TEAMS_APP_ID);
  });

  it("lead opens a partner / the card links to that partner (by partner id) in the workstream's channel tab", async () => {
    const { ws, maya, again } = await arrange();
    expect(again.id).not.toBe(maya.partnerId);
    const { updated } = await t.presses('partner.open', { involvementId: again.id }, channel(MATERNITY_CHANNEL));
    expect(linksOf(updated)).toContainEqual({ title: 'Open in tab', url: links.workstream(ws, maya.partnerId) });
  });

  it('lead opens a partner / the card offers the equality monitoring form in the tab, until it is answered', async () => {
    const { ws, maya } = await arrange();
    const form = { title: 'Equality monitoring form', url: links.workstream(ws, maya.partnerId) };
    const { updated } = await t.presses('partner.open', { involvementId: maya.id }, channel(MATERNITY_CHANNEL));
    expect(linksOf(updated)).toContainEqual(form);
    await t.service.equalityMonitoring.decline(LEAD_PRINCIPAL, { involvementId: maya.id, version: maya.version });
    const after = await t.presses('partner.open', { involvementId: maya.id }, channel(MATERNITY_CHANNEL));
    expect(linksOf(after.updated)).toEqual([{ title: 'Open in tab', url: links.workstream(ws, maya.partnerId) }]);
  });

  it("lead says my partners and due this week / each list links to the workstream's channel tab", async () => {
    const { ws } = await arrange();
    for (const text of ['my partners', 'due this week']) {
      const { cards } = await t.says(text, channel(MATERNITY_CHANNEL));
      expect(linksOf(cards[0])).toEqual([{ title: 'Open in tab', url: links.workstream(ws) }]);
    }
  });

  it('a reminder about one partner links to that partner in the workstream tab, the weekly digest to the tab; one escalated to the Engagement team links to their overview', async () => {
    const { ws, maya } = await arrange();
    await at(t.service, maya, 'Active');
    t.clock.goTo('2026-05-25');
    await t.says('send reminders', ENGAGEMENT, NADIA);
    const cards = (to: object) =>
      t.messenger.sent.filter((sent) => JSON.stringify(sent.to) === JSON.stringify(to) && 'card' in sent.reply).map((sent) => sent.reply);
    const toLead = cards({ userId: LEAD_PRINCIPAL.id }).map((card) => [
      JSON.stringify(card).includes('Your partners this week') ? 'digest' : 'about Maya',
      linksOf(card),
    ]);
    expect(toLead).toEqual(
      expect.arrayContaining([
        ['about Maya', [{ title: 'Open in tab', url: links.workstream(ws, maya.partnerId) }]],
        ['digest', [{ title: 'Open in tab', url: links.workstream(ws) }]],
      ]),
    );
    expect(cards({ teamsChannelId: '19:engagement-team@thread.tacv2' }).map(linksOf)).toEqual([
      [{ title: 'Open in tab', url: links.engagement() }],
    ]);
  });

  it('the Engagement team says help in their channel / the card links to their overview tab', async () => {
    const { cards } = await t.says('help', ENGAGEMENT, NADIA);
    expect(linksOf(cards[0])).toEqual([
      { title: 'Engagement overview', url: `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/engagement` },
    ]);
  });
});

describe('"Open in tab" without a Teams app id (a local server)', () => {
  beforeEach(async () => {
    t = await Transcript.start('2026-03-10');
  });

  it('partner card, lists and help carry no link, as there is no app to open', async () => {
    const { again } = await arrange();
    const partner = (await t.presses('partner.open', { involvementId: again.id }, channel(MATERNITY_CHANNEL))).updated;
    const partners = (await t.says('my partners', channel(MATERNITY_CHANNEL))).cards[0];
    const help = (await t.says('help', ENGAGEMENT, NADIA)).cards[0];
    for (const card of [partner, partners, help]) expect(linksOf(card).filter((link) => !link.url.startsWith('mailto:'))).toEqual([]);
  });
});

describe('"Open in tab" for a workstream not tied to a channel yet', () => {
  it('a partner card in personal chat carries no link, as the tab lives in the channel', async () => {
    t = await Transcript.start('2026-03-10', TEAMS_APP_ID);
    const ws = await workstream(t.service, 'Maternity');
    const maya = await interested(t.service, (await advertisedRole(t.service, ws.id)).id);
    const { updated } = await t.presses('partner.open', { involvementId: maya.id });
    expect(linksOf(updated).map((link) => link.title)).not.toContain('Open in tab');
  });
});
