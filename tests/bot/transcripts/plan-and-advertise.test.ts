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
    expect(textOf(updated)).toContain('waiting for the Engagement team to approve it');
    expect(t.messenger.sent).toHaveLength(1);
    expect(t.messenger.sent[0].to).toEqual({ teamsChannelId: ENGAGEMENT_CHANNEL });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    expect(textOf(advert)).toContain('Why this role matters');
    expect(textOf(advert)).toContain('available as easy read on request');
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.advertState).toBe('Awaiting approval');
  });

  it('lead sends the advert before the Engagement team has added the bot to their channel / the advert waits, the lead is told it was not posted, and it posts once the channel is reachable', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    const { replies, updated } = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^The advert is waiting for the Engagement team, but I could not post it in their channel just now/),
    ]);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.advertState).toBe('Awaiting approval');
    expect(t.messenger.sent).toEqual([]);
    const advert = (await t.presses('advert.open', button(updated, 'advert.open'))).updated;
    await engagementConnected();
    const resent = await t.presses('advert.resend', button(advert, 'advert.resend'));
    expect(resent.replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^The advert is with the Engagement team in their channel/),
    ]);
    expect(t.messenger.sent.map((sent) => sent.to)).toEqual([{ teamsChannelId: ENGAGEMENT_CHANNEL }]);
  });

  it('the post to the Engagement team channel fails / the lead is told the truth, not that the advert is with them', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    t.messenger.reachable = false;
    const { replies } = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/could not post it in their channel just now/)]);
  });

  it('Engagement team approves with the link / role is Advertised, their card shows the decision and the lead is told', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    const { updated } = await t.presses(
      'advert.approve',
      { ...button(advert, 'advert.approve'), advertUrl: 'https://example.org/jobs/1' },
      ENGAGEMENT,
      NADIA,
    );
    expect(textOf(updated)).toContain('Approved by Nadia Ali: https://example.org/jobs/1');
    expect(buttonsOf(updated).map((b) => b.verb)).not.toContain('advert.approve');
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Advertised');
    expect(t.messenger.sent[1]).toEqual({
      to: { userId: 'aad-priya' },
      reply: { text: expect.stringMatching(/approved the advert .* now Advertised at https:\/\/example\.org\/jobs\/1/) },
    });
  });

  it('Engagement team approves with a link that is not https / refused plainly, role stays Ready', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    const { invoke } = await t.presses(
      'advert.approve',
      { ...button(advert, 'advert.approve'), advertUrl: 'http://example.org/jobs/1' },
      ENGAGEMENT,
      NADIA,
    );
    expect(invoke?.body.value).toMatch(/https address of the advert/);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Ready');
  });

  it('Engagement team sends the advert back with a comment / role stays Ready and the lead gets the comment', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (t.messenger.sent[0].reply as { card: object }).card;
    const { updated } = await t.presses(
      'advert.sendBack',
      { ...button(advert, 'advert.sendBack'), comment: 'Please add a phone number.' },
      ENGAGEMENT,
      NADIA,
    );
    expect(textOf(updated)).toContain('Sent back by Nadia Ali');
    const after = (await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role;
    expect([after.status, after.advertState]).toEqual(['Ready', 'Sent back']);
    expect(JSON.stringify(t.messenger.sent[1])).toContain('Please add a phone number.');
  });

  it('someone outside the Engagement team presses Approve / refused by the service and nothing changes', async () => {
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

  it('Engagement team member in a personal chat, no channel involved / finds the adverts waiting, opens one and approves it', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const nadiaChat = { conversation: { id: 'a:nadia-personal', conversationType: 'personal' }, channelData: {} };
    const list = (await t.says('adverts', nadiaChat, NADIA)).cards[0];
    expect(textOf(list)).toContain('Maternity partner');
    const advert = (await t.presses('advert.open', button(list, 'advert.open'), nadiaChat, NADIA)).updated;
    expect(buttonsOf(advert).map((b) => b.verb)).toEqual(expect.arrayContaining(['advert.approve', 'advert.sendBack']));
    await t.presses('advert.approve', { ...button(advert, 'advert.approve'), advertUrl: 'https://example.org/jobs/7' }, nadiaChat, NADIA);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.status).toBe('Advertised');
  });

  it('the lead opens their own advert waiting for approval / sees it, without Approve or Send back', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    const { updated } = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    const advert = (await t.presses('advert.open', button(updated, 'advert.open'))).updated;
    expect(textOf(advert)).toContain('Waiting for the Engagement team');
    expect(buttonsOf(advert).map((b) => b.verb)).not.toContain('advert.approve');
  });

  it('someone outside the Engagement team asks for the adverts to approve / told plainly it is for the Engagement team', async () => {
    await workstream(t.service);
    const { texts } = await t.says('adverts');
    expect(texts).toEqual([expect.stringMatching(/^Only the Engagement team can approve adverts/)]);
  });
});

describe('Advertise with no Engagement team channel configured (a laptop)', () => {
  beforeEach(async () => {
    await t.close();
    t = await Transcript.start('2026-03-10', undefined, null);
  });

  it('lead sends the advert / it waits for approval, and the lead is told where the Engagement team approves it', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    const { replies } = await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(
        /^The advert is waiting for the Engagement team\. They approve it, or send it back, from this role in a chat with me or from the Engagement overview in the tab/,
      ),
    ]);
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.advertState).toBe('Awaiting approval');
  });
});

describe('Role buttons act on what is on the card', () => {
  it('lead fills in the whole new-role card and saves, then types the rest and presses Mark Ready / the typed values are saved with the move', async () => {
    const ws = await workstream(t.service);
    const form = (await t.says('plan a role')).cards[0];
    expect(buttonsOf(form).map((b) => b.verb)).toEqual(['role.save', 'next']);
    const saved = (await t.presses('role.save', { ...button(form, 'role.save'), title: 'Partner' })).updated;
    const { updated } = await t.presses('role.ready', {
      ...button(saved, 'role.ready'),
      title: 'Partner',
      ...COMPLETE,
      level: '2',
      accessibleFormats: 'Easy read',
    });
    expect(textOf(updated)).toContain('Ready');
    const role = (await t.service.roleViews.openRoles(LEAD_PRINCIPAL, ws.id))[0];
    expect([role.status, role.purpose]).toEqual(['Ready', COMPLETE.purpose]);
  });

  it('lead edits a Ready role and presses Send advert without saving / the advert carries the edit', async () => {
    const ws = await workstream(t.service);
    const role = await readyRole(t.service, ws.id);
    await engagementConnected();
    const card = (await t.presses('role.open', { roleId: role.id })).updated;
    await t.presses('role.sendAdvert', {
      ...button(card, 'role.sendAdvert'),
      title: 'Maternity partner',
      ...COMPLETE,
      level: '2',
      accessibleFormats: 'Easy read',
      timeCommitment: 'One evening a month',
    });
    expect(textOf((t.messenger.sent[0].reply as { card: object }).card)).toContain('One evening a month');
    expect((await t.service.roleViews.role(LEAD_PRINCIPAL, role.id)).role.timeCommitment).toBe('One evening a month');
  });
});
