import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Guidance } from '../../src/content/guidance';
import { acknowledgementFor, chatGuide, interestGuidance, type PartnerDetail } from '../../src/domain';

function guidanceWith(message: string): Guidance {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'guidance-'));
  fs.writeFileSync(
    path.join(folder, 'interest.md'),
    `## acknowledgement subject\nThanks\n\n## acknowledgement message\n${message}\n\n## then record\nThen press **Record acknowledgement**.\n`,
  );
  return new Guidance(folder, {});
}

const detail = {
  name: 'Maya Jones',
  partner: { email: 'maya@example.org', phone: '07700 900123', preferredContact: null },
  involvement: { ownerName: 'Priya Shah' },
  role: { title: 'Maternity partner' },
  workstream: { title: 'Maternity' },
} as unknown as PartnerDetail;

describe('The acknowledgement message', () => {
  it('an organisation writes a message too long for an email link / no link, the message is there to copy instead', () => {
    const sent = acknowledgementFor(guidanceWith(`Dear {name}, ${'thank you so much. '.repeat(120)}`), detail, 'Priya Shah');
    expect(sent.mailto).toBeUndefined();
    expect(sent.howToSend).toBe(
      'This message is too long to open in your email, so copy it into a letter or text message, or phone them on 07700 900123 and say it in your own words. Then press **Record acknowledgement**.',
    );
    expect(sent.message).toMatch(/^Dear Maya Jones, thank you/);
  });
});

describe('the guidance the bot and the tab both show', () => {
  const guidance = new Guidance('content/guidance', {});

  it("the acknowledgement is signed by the partner's named contact and offers an email to their address", () => {
    const sent = acknowledgementFor(guidance, detail, 'Someone Else');
    expect(sent.message).toMatch(/^Dear Maya Jones,/);
    expect(sent.message).toMatch(/Priya Shah$/);
    expect(sent.mailto).toMatch(
      /^mailto:maya@example\.org\?subject=Thank%20you%20for%20your%20interest%20in%20the%20Maternity%20partner%20role&body=/,
    );
  });

  it('the "Log interest" form says what may be recorded and the consent the person gave', () => {
    expect(interestGuidance(guidance)).toEqual({
      log: expect.stringMatching(/^Only record details the person has agreed/),
      consent: 'They agreed that we may hold these details',
    });
  });

  it("the informal chat's guide has its tips, questions and adjustments as separate points", () => {
    const guide = chatGuide(guidance);
    expect(guide.intro).toMatch(/^This chat helps you both decide/);
    expect(guide.tips).toContain('Say at the start that this is a conversation, not an interview.');
    expect(guide.questions).toContain('What made you interested in this role?');
    expect(guide.adjustments).toContain('Step-free access, a hearing loop, or someone to come with them.');
  });
});
