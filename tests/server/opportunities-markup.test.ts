/**
 * @jest-environment jsdom
 */
import { advertHtml, openOpportunities } from '../../src/domain';
import { opportunitiesRss } from '../../src/server/opportunities-feed';
import { role } from '../tab/builders';

/** A title and purpose full of markup, as someone might type (or paste) into the role's fields. */
const HOSTILE = role({
  title: 'Partner <img src=x onerror=alert(1)> & "carers"',
  purpose: "First paragraph </p><script>alert('x')</script>\nsecond line\n\nSecond paragraph ]]> & more",
  timeCommitment: 'About 2 hours <b>a month</b>',
  closingDate: '2026-04-30',
  advertUrl: 'https://opportunities.example.org/roles/3?from=feed&lang=en',
});

describe('the RSS feed, parsed as XML', () => {
  it('is well formed RSS 2.0 whose items read back exactly what was typed', () => {
    const xml = opportunitiesRss(openOpportunities([HOSTILE], '2026-03-10'), 'https://pathway.example.org/feed/opportunities.rss');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('version')).toBe('2.0');
    const items = doc.querySelectorAll('channel > item');
    expect(items).toHaveLength(1);
    expect(items[0].querySelector('title')?.textContent).toBe(HOSTILE.title);
    expect(items[0].querySelector('link')?.textContent).toBe(HOSTILE.advertUrl);
    expect(items[0].querySelector('description')?.textContent).toContain(HOSTILE.purpose);
    expect(items[0].querySelectorAll('*')).toHaveLength(4);
  });
});

describe('advertHtml, parsed as a page', () => {
  const page = new DOMParser().parseFromString(advertHtml(HOSTILE), 'text/html');

  it('is in British English, titled by the role, with one top heading and a heading per section', () => {
    expect(page.documentElement.lang).toBe('en-GB');
    expect(page.title).toBe(HOSTILE.title);
    expect([...page.querySelectorAll('h1')].map((heading) => heading.textContent)).toEqual([HOSTILE.title]);
    expect([...page.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual([
      'Why this role matters',
      'Time and place',
      'How to get in touch',
    ]);
  });

  it('shows markup typed into the fields as text: no script, image, bold or table comes out of it', () => {
    expect(page.querySelectorAll('script, img, b, table')).toHaveLength(0);
    const paragraphs = [...page.querySelectorAll('main p')].map((paragraph) => paragraph.textContent);
    expect(paragraphs.slice(0, 2)).toEqual(["First paragraph </p><script>alert('x')</script>\nsecond line", 'Second paragraph ]]> & more']);
    expect(paragraphs[2]).toBe('About 2 hours <b>a month</b>');
  });
});
