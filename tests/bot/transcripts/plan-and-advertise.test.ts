import { button, buttonsOf, ENGAGEMENT, ENGAGEMENT_CHANNEL, NADIA, textOf, LEAD_PRINCIPAL, Transcript } from '../transcript-harness';
import { COMPLETE, readyRole, workstream } from '../arrange';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

/** The Engagement team's channel has spoken to the bot, so it can be reached. */
async function engagementConnected(): Promise<void> {
  await t.says('help', ENGAGEMENT, NADIA);
}

describe('Plan a role, in chat', () => {
  it('lead says "plan a role" / bot shows the role description form with help for each field', async () => {
    await workstream(t.service);
    const { cards } = await t.says('plan a role');
    expect(cards).toHaveLength(1);
    const text = textOf(cards[0]);
    expect(text).toContain('Plan a role');
    expect(text).toContain('Payment and expenses');
    expect(text).toContain('independent benefits advice');
    expect(cards[0]).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(button(cards[0], 'role.save')).toHaveProperty('key');
  });

  it('lead saves a title only / role is saved as Draft and the card, updated in place, lists what is missing', async () => {
    await workstream(t.service);
    const form = (await t.says('plan a role')).cards[0];
    const { updated, replies } = await t.presses('role.save', { ...button(form, 'role.save'), title: 'Maternity partner' });
    expect(replies.map((reply) => reply.text)).toEqual(['Saved as Draft.']);
    const text = textOf(updated);
    expect(text).toContain('Draft');
    expect(text).toContain('Still needed before this role can be Ready');
    expect(text).toContain('Purpose');
  });

  it('lead presses save twice on the same new-role card / only one role is made', async () => {
    const ws = await workstream(t.service);
    const form = (await t.says('plan a role')).cards[0];
    await t.presses('role.save', { ...button(form, 'role.save'), title: 'Maternity partner' });
    await t.presses('role.save', { ...button(form, 'role.save'), title: 'Maternity partner' });
    expect(await t.service.roleViews.openRoles(LEAD_PRINCIPAL, ws.id)).toHaveLength(1);
  });

  it('lead saves a start date six weeks away / card warns that recruiting usually takes 2 to 4 months', async () => {
    await workstream(t.service);
    const form = (await t.says('plan a role')).cards[0];
    const { updated } = await t.presses('role.save', { ...button(form, 'role.save'), title: 'Partner', startDate: '2026-04-21' });
    expect(textOf(updated)).toMatch(/6 weeks away\. Recruiting a partner usually takes 2 to 4 months/);
  });

  it('lead presses Mark Ready with the description incomplete / bot refuses plainly and the role stays Draft', async () => {
    const ws = await workstream(t.service);
    const form = (await t.says('plan a role')).cards[0];
    const saved = (await t.presses('role.save', { ...button(form, 'role.save'), title: 'Partner' })).updated;
    const { invoke, updated } = await t.presses('role.ready', button(saved, 'role.ready'));
    expect(updated).toBeUndefined();
    expect(invoke?.body.value).toMatch(/^"Partner" cannot be Ready yet: the role description still needs purpose/);
    expect((await t.service.roleViews.openRoles(LEAD_PRINCIPAL, ws.id))[0].status).toBe('Draft');
  });

  it('lead completes the description and presses Mark Ready / role is Ready and the card offers sending the advert', async () => {
    await workstream(t.service);
    const form = (await t.says('plan a role')).cards[0];
    const description = { ...COMPLETE, level: '2', accessibleFormats: 'Easy read,Large print' };
    const saved = (await t.presses('role.save', { ...button(form, 'role.save'), title: 'Partner', ...description })).updated;
    expect(textOf(saved)).not.toContain('Still needed');
    const { updated } = await t.presses('role.ready', button(saved, 'role.ready'));
    expect(textOf(updated)).toContain('Ready');
    expect(buttonsOf(updated).map((b) => b.verb)).toEqual(expect.arrayContaining(['role.sendAdvert', 'role.draft']));
  });

  it('lead presses a role button on a card that is out of date / bot says it changed and nothing is changed', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    const { invoke } = await t.presses('role.draft', { roleId: role.id, version: role.version - 1 });
    expect(invoke?.body.value).toMatch(/changed by someone else since you opened it/);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Ready');
  });
});

describe('Advertise: the Engagement team approves or sends back', () => {
  it('lead sends the advert / a card with the advert goes to the Engagement team channel and the role awaits approval', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    const { updated, replies } = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/^The advert is with the Engagement team/)]);
    expect(textOf(updated)).toContain('with the Engagement team for approval');
    expect(t.messenger.sent).toHaveLength(1);
    expect(t.messenger.sent[0].to).toEqual({ teamsChannelId: ENGAGEMENT_CHANNEL });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    expect(textOf(advert)).toContain('Why this role matters');
    expect(textOf(advert)).toContain('available as easy read on request');
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.advertState).toBe('Awaiting approval');
  });

  it('lead sends the advert before the Engagement team channel is connected / refused and the role is unchanged', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    const { invoke } = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    expect(invoke?.body.value).toMatch(/Engagement team's channel is not connected/);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.advertState).toBe('Not sent');
    expect(t.messenger.sent).toEqual([]);
  });

  it('Engagement team approves with the link / role is Advertised, their card shows the decision and the lead is told', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    const { updated } = await t.presses('advert.approve', { ...button(advert, 'advert.approve'), advertUrl: 'https://example.org/jobs/1' }, ENGAGEMENT, NADIA);
    expect(textOf(updated)).toContain('Approved by Nadia Ali: https://example.org/jobs/1');
    expect(buttonsOf(updated).map((b) => b.verb)).not.toContain('advert.approve');
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Advertised');
    expect(t.messenger.sent[1]).toEqual({ to: { userId: 'aad-priya' }, reply: { text: expect.stringMatching(/approved the advert .* now Advertised at https:\/\/example\.org\/jobs\/1/) } });
  });

  it('Engagement team approves with a link that is not https / refused plainly, role stays Ready', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    const { invoke } = await t.presses('advert.approve', { ...button(advert, 'advert.approve'), advertUrl: 'http://example.org/jobs/1' }, ENGAGEMENT, NADIA);
    expect(invoke?.body.value).toMatch(/https address of the advert/);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Ready');
  });

  it('Engagement team sends the advert back with a comment / role stays Ready and the lead gets the comment', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    const { updated } = await t.presses('advert.sendBack', { ...button(advert, 'advert.sendBack'), comment: 'Please add a phone number.' }, ENGAGEMENT, NADIA);
    expect(textOf(updated)).toContain('Sent back by Nadia Ali');
    const after = (await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role;
    expect([after.status, after.advertState]).toEqual(['Ready', 'Sent back']);
    expect(JSON.stringify(t.messenger.sent[1])).toContain('Please add a phone number.');
  });

  it('someone presses Approve outside the Engagement team channel / refused and nothing changes', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    const sent = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const version = (await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.version;
    expect(sent.updated).toBeDefined();
    const { invoke } = await t.presses('advert.approve', { roleId: role.id, version, advertUrl: 'https://example.org/jobs/1' });
    expect(invoke?.body.value).toMatch(/Only the Engagement team/);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Ready');
  });
});
