import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acknowledgementFor } from '../../../../src/bot/capabilities/interest/acknowledgement';
import { Guidance } from '../../../../src/bot/pathway/guidance';
import type { PartnerDetail } from '../../../../src/domain';

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
const turn = {
  actor: { id: 'aad-priya', name: 'Priya Shah', email: '', tenantId: 'tenant' },
  conversation: { id: 'c', kind: 'personal' },
} as const;

describe('The acknowledgement message', () => {
  it('an organisation writes a message too long for an email link / no link, the message is there to copy instead', () => {
    const sent = acknowledgementFor({ guidance: guidanceWith(`Dear {name}, ${'thank you so much. '.repeat(120)}`), turn }, detail);
    expect(sent.mailto).toBeUndefined();
    expect(sent.howToSend).toBe(
      'This message is too long to open in your email, so copy it into a letter or text message, or phone them on 07700 900123 and say it in your own words. Then press **Record acknowledgement**.',
    );
    expect(sent.message).toMatch(/^Dear Maya Jones, thank you/);
  });
});
