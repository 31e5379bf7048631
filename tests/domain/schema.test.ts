import { z } from 'zod';
import { LISTS, SINGLE_LINE_MAX, columnsOf, parseFields, type ListName } from '../../src/domain';

const lists = Object.keys(LISTS) as ListName[];

describe('the one schema keeps within SharePoint limits', () => {
  it.each(lists)('%s indexes at most 20 columns', (list) => {
    expect(columnsOf(list).filter((column) => column.meta.indexed).length).toBeLessThanOrEqual(20);
  });

  it.each(lists)('%s has at most 12 lookup columns, so any view can show them all', (list) => {
    expect(columnsOf(list).filter((column) => column.meta.kind === 'lookup').length).toBeLessThanOrEqual(12);
  });

  it.each(lists)('%s keeps single lines of text within 255 characters', (list) => {
    for (const column of columnsOf(list).filter((c) => c.meta.kind === 'text')) {
      expect(column.meta.maxLength).toBeLessThanOrEqual(SINGLE_LINE_MAX);
    }
  });

  it.each(lists)('%s points every lookup at a list that exists', (list) => {
    for (const column of columnsOf(list).filter((c) => c.meta.kind === 'lookup')) {
      expect(lists).toContain(column.meta.lookupList);
    }
  });

  it('gives every list a SharePoint title starting PPP', () => {
    expect(lists.map((list) => LISTS[list].title).every((title) => title.startsWith('PPP '))).toBe(true);
  });
});

describe('validation comes from the same schema', () => {
  it('enforces the declared length of a text column', () => {
    expect(() => parseFields('workstreams', { title: 'x'.repeat(121), description: null, teamsChannelId: null })).toThrow(
      'Workstream must be 120 characters or fewer.',
    );
  });

  it('refuses fields the list does not have', () => {
    expect(() => parseFields('workstreams', { title: 'Maternity', description: null, teamsChannelId: null, colour: 'red' }, false)).toThrow(
      'colour cannot be set here.',
    );
  });

  it('accepts a partial update of only some fields', () => {
    expect(parseFields('workstreams', { description: 'New' }, true)).toEqual({ description: 'New' });
  });

  it('types a required column as never empty and an optional one as nullable', () => {
    const title = LISTS.workstreams.fields.title as z.ZodType;
    const description = LISTS.workstreams.fields.description as z.ZodType;
    expect(title.safeParse(null).success).toBe(false);
    expect(description.safeParse(null).success).toBe(true);
  });
});
