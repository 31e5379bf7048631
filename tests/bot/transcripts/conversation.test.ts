import fs from 'node:fs';
import { CARD_SIZE_LIMIT } from '../../../src/bot/pathway/cards';
import { advertisedRole, at, dueThisWeek, interested, readyRole, workstream } from '../arrange';
import {
  button,
  buttonsOf,
  channel,
  ENGAGEMENT,
  LEAD,
  NADIA,
  PERSONAL,
  textOf,
  LEAD_PRINCIPAL,
  Transcript,
  type Where,
} from '../transcript-harness';

const GROUP: Where = {
  conversation: { id: '19:group-chat@unq.gbl.spaces', conversationType: 'groupChat', isGroup: true },
  channelData: {},
};

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

describe('Finding your way: help, my partners, due this week, next step', () => {
  it('lead says "help" / bot shows every stage with buttons, so no command needs remembering', async () => {
    const { cards } = await t.says('help');
    const text = textOf(cards[0]);
    for (const stage of [
      'Plan a role',
      'Advertise',
      'Log interest',
      'Informal chat',
      'Induction',
      'One-to-ones',
      'Peer Support Network',
      'Ask the Engagement team',
    ]) {
      expect(text).toContain(stage);
    }
    expect(buttonsOf(cards[0]).map((b) => b.verb)).toEqual(expect.arrayContaining(['role.new', 'partners.mine', 'due.week', 'next']));
  });

  it('every command the Teams manifest offers / is understood by the bot, none answered with "I didn\'t catch that"', async () => {
    await workstream(t.service);
    const manifest = JSON.parse(fs.readFileSync('appPackage/manifest.json', 'utf8')) as {
      bots: Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    };
    const titles = [...new Set(manifest.bots[0].commandLists.flatMap((list) => list.commands.map((command) => command.title)))];
    expect(titles).toContain('send reminders');
    for (const title of titles) {
      const { texts, cards } = await t.says(title, ENGAGEMENT, NADIA);
      expect(`${title}: ${[...texts, ...cards.map(textOf)].join(' ')}`).not.toContain("I didn't catch that");
    }
  });

  it('lead types something the bot does not know / bot answers with help, not an error', async () => {
    const { cards } = await t.says('what is the weather');
    expect(textOf(cards[0])).toContain("I didn't catch that");
  });

  it('every card the bot sends has a next-step button and an Action.Submit fallback on each Execute', async () => {
    const ws = await workstream(t.service);
    await at(t.service, await interested(t.service, (await advertisedRole(t.service, ws.id)).id), 'Induction');
    for (const text of ['help', 'plan a role', 'roles', 'my partners', 'due this week', 'next']) {
      const { cards } = await t.says(text);
      expect(buttonsOf(cards[0]).map((b) => b.verb)).toContain('next');
      const executes = JSON.stringify(cards[0]).match(/"type":"Action\.Execute"/g) ?? [];
      const fallbacks = JSON.stringify(cards[0]).match(/"fallback":\{"type":"Action\.Submit"/g) ?? [];
      expect(fallbacks.length).toBe(executes.length);
    }
  });

  it('the partner card in induction, the largest card, stays under the 28 KB limit', async () => {
    const ws = await workstream(t.service);
    const involvement = await at(
      t.service,
      await interested(t.service, (await advertisedRole(t.service, ws.id)).id, 'M'.repeat(120)),
      'Induction',
    );
    const { updated } = await t.presses('partner.open', { involvementId: involvement.id });
    expect(Buffer.byteLength(JSON.stringify(updated))).toBeLessThan(CARD_SIZE_LIMIT);
  });

  it('a role whose every field is as long as allowed / its card and its advert stay under the 28 KB limit', async () => {
    const ws = await workstream(t.service);
    const long = (n: number) => 'Lived experience matters. '.repeat(Math.ceil(n / 26)).slice(0, n);
    const role = await readyRole(t.service, ws.id, long(120), undefined, {
      purpose: long(2000),
      activities: long(2000),
      paymentAndExpenses: `${long(1990)} benefits`,
      skillsWelcomed: long(2000),
      supportOffered: long(2000),
      timeCommitment: long(255),
      contact: long(255),
    });
    const { updated } = await t.presses('role.open', { roleId: role.id });
    expect(Buffer.byteLength(JSON.stringify(updated))).toBeLessThan(CARD_SIZE_LIMIT);
    await t.says('help', ENGAGEMENT, NADIA);
    await t.presses('role.sendAdvert', { roleId: role.id, version: role.version });
    expect(Buffer.byteLength(JSON.stringify(t.messenger.sent[0].reply))).toBeLessThan(CARD_SIZE_LIMIT);
  });

  it('lead says "my partners" / bot lists the partners the lead is named contact for, each with an Open button', async () => {
    const ws = await workstream(t.service);
    const role = await advertisedRole(t.service, ws.id);
    await interested(t.service, role.id, 'Maya Jones');
    await at(t.service, await interested(t.service, role.id, 'Sam Patel'), 'Active');
    const { cards } = await t.says('my partners');
    const text = textOf(cards[0]);
    expect(text).toContain('Maya Jones · Maternity partner');
    expect(text).toContain('Sam Patel · Maternity partner');
    expect(buttonsOf(cards[0]).filter((b) => b.verb === 'partner.open')).toHaveLength(2);
  });

  it('lead says "due this week" / bot lists overdue and due one-to-ones, open inductions and roles closing', async () => {
    await dueThisWeek(t.service);
    t.clock.goTo('2026-04-28');
    const { cards } = await t.says('due this week');
    const text = textOf(cards[0]);
    expect(text).toContain('Sam Patel · Maternity partner\nDue in 7 days');
    expect(text).toContain('Maya Jones · Maternity partner\n8 required items left');
    expect(text).toContain('Maternity partner\nCloses Thursday 30 April 2026');
  });

  it('lead presses Next step / bot lists what needs doing with buttons', async () => {
    const ws = await workstream(t.service);
    await readyRole(t.service, ws.id, 'Digital partner');
    const { updated, cards } = await t.presses('next', {});
    expect(updated).toBeUndefined();
    expect(textOf(cards[0])).toContain('Ready: send the advert to the Engagement team');
    expect(buttonsOf(cards[0]).map((b) => b.verb)).toContain('role.open');
  });
});

describe('Which workstream', () => {
  it('first message in a channel / bot asks once which workstream, remembers it for the channel, then answers', async () => {
    const maternity = await workstream(t.service, 'Maternity');
    await workstream(t.service, 'Digital');
    const team = channel('19:maternity@thread.tacv2');
    const asked = await t.says('my partners', team);
    expect(textOf(asked.cards[0])).toContain('Which workstream is this?');
    const chosen = await t.presses('workstream.choose', { workstreamId: String(maternity.id) }, team);
    expect(textOf(chosen.updated)).toContain('This conversation works on **Maternity**');
    expect(textOf(chosen.cards[0])).toContain('Your partners in Maternity');
    expect((await t.service.channels.workstreamForChannel('19:maternity@thread.tacv2'))?.id).toBe(maternity.id);
    const later = await t.says('my partners', team, NADIA);
    expect(textOf(later.cards[0])).toContain('Your partners in Maternity');
  });

  it('bot is added to a workstream team channel / it says hello and asks which workstream the channel is', async () => {
    await workstream(t.service, 'Maternity');
    const team = channel('19:new-team@thread.tacv2');
    const { texts, cards } = await t.deliver(
      { type: 'conversationUpdate', membersAdded: [{ id: '28:partner-pathway', name: 'Partner Pathway' }] },
      team,
    );
    expect(texts).toEqual([expect.stringMatching(/^Hello, I'm Partner Pathway/)]);
    expect(textOf(cards[0])).toContain('Which workstream is this?');
  });

  it('bot is added to the Engagement team channel / it says hello and asks nothing', async () => {
    await workstream(t.service, 'Maternity');
    const { texts, cards } = await t.deliver(
      { type: 'conversationUpdate', membersAdded: [{ id: '28:partner-pathway', name: 'Partner Pathway' }] },
      ENGAGEMENT,
    );
    expect(texts).toEqual([expect.stringMatching(/^Hello, I'm Partner Pathway/)]);
    expect(cards).toEqual([]);
  });

  it('someone in no workstream says "plan a role" / bot says how to start one in the tab, and how to join one', async () => {
    const { texts, cards } = await t.says('plan a role');
    expect(cards).toEqual([]);
    expect(texts).toEqual([
      'You are not a member of any workstream yet. To start one, add the Partner Pathway tab to your workstream\'s Teams channel and choose "A new workstream". To join one, ask one of its members, or the Engagement team, to add you on its People view.',
    ]);
  });

  it('lead in personal chat with only one workstream / bot infers it without asking', async () => {
    await workstream(t.service, 'Maternity');
    const { cards } = await t.says('my partners');
    expect(textOf(cards[0])).toContain('Your partners in Maternity');
  });

  it('lead in a group chat with several workstreams and no roles / bot asks, then finishes what was asked', async () => {
    await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    expect(textOf((await t.says('due this week', GROUP)).cards[0])).toContain('Which workstream is this?');
    const { updated, cards } = await t.presses('workstream.choose', { workstreamId: String(digital.id) }, GROUP);
    expect(textOf(updated)).toContain('This conversation works on **Digital**');
    expect(textOf(cards[0])).toContain('in Digital');
    expect(await t.service.channels.workstreamForChannel('19:group-chat@unq.gbl.spaces')).toBeUndefined();
  });

  it.each([
    ['plan a role', 'Plan a role', 'role.save'],
    ['roles', 'Open roles in Digital', 'role.new'],
    ['my partners', 'Your partners in Digital', 'next'],
    ['due this week', 'Due by', 'next'],
    ['next step', 'Digital', 'next'],
  ])('lead types "%s" before choosing a workstream, then chooses / the command runs as typed', async (typed, shows, verb) => {
    await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    expect(textOf((await t.says(typed, GROUP)).cards[0])).toContain('Which workstream is this?');
    const { cards } = await t.presses('workstream.choose', { workstreamId: String(digital.id) }, GROUP);
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain(shows);
    expect(button(cards[0], verb)).toBeDefined();
    expect(textOf(cards[0])).toBe(textOf((await t.says(typed, GROUP)).cards[0]));
  });

  it.each([
    ['help', /^What Partner Pathway can help with$/],
    ['ask Is parking paid?', /^I have passed your question/],
    ['send reminders', /^Only the Engagement team can send reminders/],
  ])(
    'lead types "%s" in a chat with several workstreams / answered at once, nothing left waiting for a workstream',
    async (typed, answer) => {
      await t.says('help', ENGAGEMENT, NADIA);
      await workstream(t.service, 'Maternity');
      const digital = await workstream(t.service, 'Digital');
      const { replies } = await t.says(typed, GROUP);
      expect(replies.map((reply) => reply.text ?? reply.summary)).toEqual([expect.stringMatching(answer)]);
      const chosen = await t.presses('workstream.choose', { workstreamId: String(digital.id) }, GROUP);
      expect(chosen.replies).toEqual([]);
    },
  );

  it('lead in personal chat who leads roles in one of several workstreams / bot infers that one', async () => {
    await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    await readyRole(t.service, digital.id);
    const { cards } = await t.says('roles');
    expect(textOf(cards[0])).toContain('Open roles in Digital');
  });

  it('a card for a partner of another workstream pressed in this channel / refused, nothing changed', async () => {
    const maternity = await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    const team = channel('19:maternity@thread.tacv2');
    await t.service.channels.assignChannel(LEAD_PRINCIPAL, { workstreamId: maternity.id, teamsChannelId: '19:maternity@thread.tacv2' });
    const other = await interested(t.service, (await advertisedRole(t.service, digital.id)).id);
    const { invoke } = await t.presses('interest.acknowledge', { involvementId: other.id, version: other.version }, team);
    expect(invoke?.body.value).toBe('That partner belongs to another workstream, not Maternity. Nothing was changed.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, other.id)).involvement.acknowledgedDate).toBeNull();
  });

  it('"my partners" in the Engagement team channel / bot explains that channel covers every workstream, and ties it to none', async () => {
    await workstream(t.service, 'Maternity');
    await workstream(t.service, 'Digital');
    const { texts, cards } = await t.says('my partners', ENGAGEMENT, NADIA);
    expect(cards).toEqual([]);
    expect(texts).toEqual([expect.stringMatching(/^This is the Engagement team's channel, which covers every workstream/)]);
    expect(await t.service.channels.workstreamForChannel('19:engagement-team@thread.tacv2')).toBeUndefined();
  });

  it("a card made for another workstream (a reminder) pressed in personal chat / acts on that workstream's partner", async () => {
    const maternity = await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    await t.presses('workstream.choose', { workstreamId: String(maternity.id) });
    const other = await interested(t.service, (await advertisedRole(t.service, digital.id)).id);
    const { updated } = await t.presses('interest.acknowledge', {
      involvementId: other.id,
      version: other.version,
      madeForWorkstreamId: digital.id,
    });
    expect(textOf(updated)).toContain('Maternity partner · Digital');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, other.id)).involvement.acknowledgedDate).toBe('2026-03-10');
  });

  it("a card naming another workstream pressed in a workstream's channel / refused, the channel works on its own", async () => {
    const maternity = await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    await t.service.channels.assignChannel(LEAD_PRINCIPAL, { workstreamId: maternity.id, teamsChannelId: '19:maternity@thread.tacv2' });
    const other = await interested(t.service, (await advertisedRole(t.service, digital.id)).id);
    const { invoke } = await t.presses(
      'interest.acknowledge',
      { involvementId: other.id, version: other.version, madeForWorkstreamId: digital.id },
      channel('19:maternity@thread.tacv2'),
    );
    expect(invoke?.body.value).toBe('That partner belongs to another workstream, not Maternity. Nothing was changed.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, other.id)).involvement.acknowledgedDate).toBeNull();
  });

  it("a member of another workstream only chooses theirs in this workstream's channel / refused, the channel stays with its workstream", async () => {
    const sam = { id: '29:sam', name: 'Sam Okafor', aadObjectId: 'aad-sam' };
    const maternity = await workstream(t.service, 'Maternity');
    const digital = await t.service.workstreams.create(
      { id: sam.aadObjectId, name: sam.name, email: '', tenantId: 'tenant' },
      { title: 'Digital' },
    );
    const team = channel('19:maternity@thread.tacv2');
    await t.service.channels.assignChannel(LEAD_PRINCIPAL, { workstreamId: maternity.id, teamsChannelId: '19:maternity@thread.tacv2' });
    const { cards } = await t.says('workstream', team, sam);
    expect(textOf(cards[0])).toContain('Digital');
    expect(textOf(cards[0])).not.toContain('Maternity');
    const { invoke } = await t.presses('workstream.choose', { workstreamId: String(digital.id) }, team, sam);
    expect(invoke?.body.value).toContain('This channel already belongs to another workstream, and you are not a member of that one');
    expect((await t.service.channels.workstreamForChannel('19:maternity@thread.tacv2'))?.id).toBe(maternity.id);
    expect(textOf((await t.says('roles', team)).cards[0])).toContain('Open roles in Maternity');
  });

  it('lead types "workstream" / bot offers the choice again and remembers the new one', async () => {
    await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    await t.presses('workstream.choose', { workstreamId: String(digital.id) });
    const { cards } = await t.says('workstream');
    expect(textOf(cards[0])).toContain('Which workstream is this?');
    expect(textOf((await t.says('roles')).cards[0])).toContain('Open roles in Digital');
  });
});

describe('Robustness', () => {
  it('the same card press delivered twice (a Teams retry) / acted on once, and the retry answered with the same card', async () => {
    const ws = await workstream(t.service);
    const involvement = await interested(t.service, (await advertisedRole(t.service, ws.id)).id);
    const activity = {
      id: 'teams-retry-1',
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'chat.book',
          data: { involvementId: involvement.id, version: involvement.version, date: '2026-04-02', time: '10:00', where: 'Teams' },
        },
      },
    };
    const first = await t.deliver(activity, PERSONAL);
    const second = await t.deliver(activity, PERSONAL);
    expect(textOf(first.updated)).toContain('Chat booked');
    // The retry is answered with the card as the first delivery left it, and acts no more.
    expect(second.updated).toEqual(first.updated);
    expect(second.replies).toEqual([]);
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.version).toBe(involvement.version + 1);
  });

  it('the bot added, and the conversationUpdate delivered twice (a Teams retry) / one hello and one question', async () => {
    await workstream(t.service, 'Maternity');
    const team = channel('19:new-team@thread.tacv2');
    const added = {
      id: 'teams-retry-3',
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:partner-pathway', name: 'Partner Pathway' }],
    };
    const first = await t.deliver(added, team);
    const second = await t.deliver(added, team);
    expect(first.texts).toEqual([expect.stringMatching(/^Hello, I'm Partner Pathway/)]);
    expect(textOf(first.cards[0])).toContain('Which workstream is this?');
    expect(second.replies).toEqual([]);
  });

  it('the bot removed and added again (a new activity) / it says hello again', async () => {
    const added = { type: 'conversationUpdate', membersAdded: [{ id: '28:partner-pathway', name: 'Partner Pathway' }] };
    await t.deliver({ ...added, id: 'install-1' }, PERSONAL);
    const again = await t.deliver({ ...added, id: 'install-2' }, PERSONAL);
    expect(again.texts).toEqual([expect.stringMatching(/^Hello, I'm Partner Pathway/)]);
  });

  it('the same Action.Submit press delivered twice / written once, the card updated once, the retry sends nothing', async () => {
    const ws = await workstream(t.service);
    const involvement = await interested(t.service, (await advertisedRole(t.service, ws.id)).id);
    const shown = (await t.says('my partners')).replies[0];
    const press = {
      id: 'teams-retry-4',
      type: 'message',
      value: { involvementId: involvement.id, version: involvement.version, verb: 'interest.acknowledge' },
      replyToId: shown.id,
    };
    const first = await t.deliver(press, PERSONAL, LEAD, shown);
    const second = await t.deliver(press, PERSONAL, LEAD, shown);
    expect(textOf(first.updated)).toContain('Acknowledged');
    expect(second.updated).toBeUndefined();
    expect(second.replies).toEqual([]);
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.version).toBe(involvement.version + 1);
  });

  it('the workstream choice delivered twice / the command waiting for it runs once', async () => {
    await workstream(t.service, 'Maternity');
    const digital = await workstream(t.service, 'Digital');
    await t.says('my partners');
    const choice = {
      id: 'teams-retry-5',
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'workstream.choose', data: { workstreamId: String(digital.id) } } },
    };
    const first = await t.deliver(choice, PERSONAL);
    const second = await t.deliver(choice, PERSONAL);
    expect(textOf(first.cards[0])).toContain('Your partners in Digital');
    expect(second.replies).toEqual([]);
    expect(second.updated).toEqual(first.updated);
  });

  it('a card pressed through the Action.Submit fallback / the message holding the card is updated in place', async () => {
    const ws = await workstream(t.service);
    const involvement = await interested(t.service, (await advertisedRole(t.service, ws.id)).id);
    const shown = (await t.says('my partners')).replies[0];
    const { updated, replies } = await t.submits(
      'interest.acknowledge',
      { involvementId: involvement.id, version: involvement.version },
      shown,
    );
    expect(replies).toEqual([]);
    expect(textOf(updated)).toContain('Acknowledged\nTuesday 10 March 2026');
  });

  it('the same typed message delivered twice / the question is relayed once and the retry gets no reply', async () => {
    await t.says('help', ENGAGEMENT, NADIA);
    const first = await t.says('ask Is parking paid?', PERSONAL, LEAD, 'teams-retry-2');
    const second = await t.says('ask Is parking paid?', PERSONAL, LEAD, 'teams-retry-2');
    expect(first.texts).toEqual([expect.stringMatching(/^I have passed your question/)]);
    expect(second.replies).toEqual([]);
    expect(t.messenger.sent).toHaveLength(1);
  });

  it('a partner card pressed after someone else changed the partner (a stale card) / plain message, nothing changed', async () => {
    const ws = await workstream(t.service);
    const involvement = await interested(t.service, (await advertisedRole(t.service, ws.id)).id);
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const booked = await at(t.service, involvement, 'Chat booked');
    const { invoke, updated } = await t.presses('interest.acknowledge', button(card, 'interest.acknowledge'));
    expect(updated).toBeUndefined();
    expect(invoke?.body.value).toMatch(/changed by someone else since you opened it/);
    const now = (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement;
    expect(now.acknowledgedDate).toBeNull();
    expect(now.version).toBe(booked.version);
  });

  it('a button whose verb this version does not know / plain message, nothing else', async () => {
    const { invoke } = await t.presses('role.teleport', {});
    expect(invoke?.body.value).toMatch(/older card that I can no longer act on/);
  });

  it('a card with no partner id / plain message naming the problem', async () => {
    await workstream(t.service);
    const { invoke } = await t.presses('chat.offer', { version: 1 });
    expect(invoke?.body.value).toMatch(/missing which partner it is about/);
  });

  it('conversation state is kept in the store / after a restart the bot resumes the question being typed', async () => {
    await workstream(t.service);
    await t.says('help', ENGAGEMENT, NADIA);
    await t.says('ask');
    const restarted = t.restart();
    expect((await restarted.says('Who pays for taxis?')).texts).toEqual([expect.stringMatching(/^I have passed your question/)]);
    expect(textOf((restarted.messenger.sent[0].reply as { card: object }).card)).toContain('Who pays for taxis?');
  });

  it('an unexpected failure / friendly message, logged without the personal data typed', async () => {
    await workstream(t.service);
    await t.store.close();
    const { texts } = await t.says('my partners with Samira Patel');
    expect(texts).toEqual([expect.stringMatching(/^The data store is not available|^Sorry, something went wrong/)]);
    expect(JSON.stringify(t.logged)).not.toContain('Samira');
  });
});

describe('Ask the Engagement team', () => {
  it('lead asks a question / it reaches the Engagement team channel, and their answer comes back to the lead', async () => {
    await workstream(t.service);
    await t.says('help', ENGAGEMENT, NADIA);
    const asked = await t.says('ask Can partners claim for childcare?');
    expect(asked.texts).toEqual(['I have passed your question to the Engagement team. Their answer will come back here.']);
    const relayed = t.messenger.sent[0];
    expect(relayed.to).toEqual({ teamsChannelId: '19:engagement-team@thread.tacv2' });
    const card = (relayed.reply as { card: object }).card;
    expect(textOf(card)).toContain('Can partners claim for childcare?');
    const answered = await t.presses(
      'ask.answer',
      { ...button(card, 'ask.answer'), answer: 'Yes, under the expenses policy.' },
      ENGAGEMENT,
      NADIA,
    );
    expect(textOf(answered.updated)).toContain('Answered by Nadia Ali: Yes, under the expenses policy.');
    expect(t.messenger.sent[1]).toEqual({
      to: { conversationId: PERSONAL.conversation.id },
      reply: { text: expect.stringContaining('Yes, under the expenses policy.') },
    });
  });

  it('lead says "ask" alone, then types the question / the next message is relayed', async () => {
    await workstream(t.service);
    await t.says('help', ENGAGEMENT, NADIA);
    expect((await t.says('ask')).texts).toEqual([expect.stringMatching(/^What would you like to ask/)]);
    await t.says('Where is the expenses form?');
    expect(textOf((t.messenger.sent[0].reply as { card: object }).card)).toContain('Where is the expenses form?');
  });

  it('a second answer to the same question / refused, the lead gets only one answer', async () => {
    await t.says('help', ENGAGEMENT, NADIA);
    await t.says('ask Is parking paid?');
    const card = (t.messenger.sent[0].reply as { card: object }).card;
    await t.presses('ask.answer', { ...button(card, 'ask.answer'), answer: 'Yes.' }, ENGAGEMENT, NADIA);
    const again = await t.presses('ask.answer', { ...button(card, 'ask.answer'), answer: 'No.' }, ENGAGEMENT, LEAD);
    expect(again.invoke?.body.value).toBe('Nadia Ali has already answered this question. Nothing more was sent.');
    expect(t.messenger.sent).toHaveLength(2);
  });

  it('a question when the Engagement team channel is not connected / plain message, nothing sent', async () => {
    const { texts } = await t.says('ask Is parking paid?');
    expect(texts).toEqual([expect.stringMatching(/not connected to Partner Pathway yet/)]);
    expect(t.messenger.sent).toEqual([]);
  });
});
