import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Guidance } from '../../src/content/guidance';
import { ROLE_DESCRIPTION_FIELDS } from '../../src/domain/role-description';
import { STAGES } from '../../src/domain/schema/lists';

function folderWith(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'guidance-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('Guidance the organisation edits as files', () => {
  it('reads each ## section of each file by topic and name', () => {
    const guidance = new Guidance(
      folderWith({ 'informal-chat.md': '# Title\n\n## Intro\nBe kind.\n\n## tips\n- One\n- Two\nnot a point\n' }),
      {},
    );
    expect(guidance.text('informal-chat', 'intro')).toBe('Be kind.');
    expect(guidance.items('informal-chat', 'tips')).toEqual(['One', 'Two']);
  });

  it('links a document set in configuration, and names it plainly when none is set', () => {
    const guidance = new Guidance(
      folderWith({ 'pathway.md': '## induction\nSee the {link:expensesPolicy} and the {link:involvementAgreement}.' }),
      {
        expensesPolicy: 'https://example.org/expenses.pdf',
      },
    );
    expect(guidance.text('pathway', 'induction')).toBe(
      'See the [expenses policy](https://example.org/expenses.pdf) and the involvement agreement.',
    );
  });

  it('fills {field} placeholders once, leaving unknown ones and placeholder-like values as written', () => {
    const guidance = new Guidance(folderWith({ 'interest.md': '## message\nDear {name}, about {role} ({unknown}).' }), {});
    expect(guidance.filled('interest', 'message', { name: 'Maya {role}', role: 'Leaflet reviewer' })).toBe(
      'Dear Maya {role}, about Leaflet reviewer ({unknown}).',
    );
  });

  it('gives an empty string for a section the organisation has not written', () => {
    expect(new Guidance(folderWith({}), {}).text('pathway', 'Active')).toBe('');
  });

  it('the shipped guidance covers every stage of the pathway and every role description field', () => {
    const guidance = new Guidance('content/guidance', {});
    for (const stage of STAGES) expect(guidance.text('pathway', stage)).not.toBe('');
    for (const field of ROLE_DESCRIPTION_FIELDS) expect(guidance.text('role-description', field.id)).not.toBe('');
    expect(guidance.items('informal-chat', 'questions').length).toBeGreaterThan(3);
    for (const section of ['acknowledgement subject', 'acknowledgement message', 'send by email', 'then record'])
      expect(guidance.text('interest', section)).not.toBe('');
  });
});
