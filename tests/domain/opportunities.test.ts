import { openOpportunities, withoutContactDetails } from '../../src/domain';
import { role } from '../tab/builders';

const TODAY = '2026-03-10';

describe('openOpportunities', () => {
  it('keeps Advertised roles closing today or later, soonest first, and leaves out the rest', () => {
    const open = openOpportunities(
      [
        role({ id: 1, title: 'Closes later', closingDate: '2026-05-01' }),
        role({ id: 2, title: 'Closed yesterday', closingDate: '2026-03-09' }),
        role({ id: 3, title: 'Closes today', closingDate: TODAY }),
        role({ id: 4, title: 'No closing date', closingDate: null }),
        role({ id: 5, title: 'Ready, not advertised', status: 'Ready', closingDate: '2026-05-01' }),
        role({ id: 6, title: 'Filled', status: 'Filled', closingDate: '2026-05-01' }),
      ],
      TODAY,
    );
    expect(open.map((opportunity) => opportunity.title)).toEqual(['Closes today', 'Closes later']);
  });

  it('says to ask the Engagement team when the role has no advert link', () => {
    const [opportunity] = openOpportunities([role({ closingDate: '2026-04-30', advertUrl: null })], TODAY);
    expect(opportunity.link).toBeNull();
    expect(opportunity.howToExpressInterest).toBe('Ask the Engagement team about "Patient partner" by Thursday 30 April 2026.');
  });

  it('never carries the contact for questions, the lead, or who approved or changed the role', () => {
    const [opportunity] = openOpportunities([role({ closingDate: '2026-04-30', contact: 'Jo Bloggs, 0113 496 0000' })], TODAY);
    expect(Object.keys(opportunity).sort()).toEqual(
      [
        'accessibleFormats',
        'closingDate',
        'howToExpressInterest',
        'id',
        'level',
        'link',
        'startDate',
        'summary',
        'timeCommitment',
        'title',
        'where',
      ].sort(),
    );
    expect(JSON.stringify(opportunity)).not.toMatch(/Jo Bloggs|0113|Nadia Ali|oid-1/);
  });
});

describe('withoutContactDetails', () => {
  it.each([
    ['Write to jo.bloggs@nhs.net for a chat.', 'Write to [contact details removed] for a chat.'],
    ['Ring 0113 496 0000 or +44 (0)113 496-0000.', 'Ring [contact details removed] or [contact details removed].'],
    ['Two to four hours a month, from 1 April 2026, level 4.', 'Two to four hours a month, from 1 April 2026, level 4.'],
    ['Meetings 10.00 to 12.30, 2026-04-01.', 'Meetings 10.00 to 12.30, 2026-04-01.'],
  ])('turns "%s" into "%s"', (text, expected) => {
    expect(withoutContactDetails(text)).toBe(expected);
  });
});
