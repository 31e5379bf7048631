import { z } from 'zod';
import { LISTS, SINGLE_LINE_MAX, columnsOf, parseFields, type ListName } from '../../src/domain';
import { acceptsAsIs } from '../../src/domain/schema/columns';
import { holdsAsIs, recordChecksOf, recordSchema } from '../../src/domain/schema/lists';
import { validationErrorFrom } from '../../src/domain/schema/validate';
import type { ValidationError } from '../../src/domain/errors';

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

describe('a stored value is taken as it is only where the schema would give it back unchanged', () => {
  /** Values of every kind, right and wrong, for every column. */
  const samples: unknown[] = [
    null,
    undefined,
    '',
    ' ',
    'Maternity',
    ' Maternity',
    'Maternity ',
    'x'.repeat(60),
    'x'.repeat(61),
    'x'.repeat(120),
    'x'.repeat(121),
    'x'.repeat(255),
    'x'.repeat(256),
    'x'.repeat(4001),
    ...[0, 1, 2, 4, 5, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1'],
    ...[true, false, 0.0, 'true'],
    ...['2026-03-02', '2026-02-29', '2024-02-29', '2026-02-30', '2026-13-01', '2026-3-2', '02/03/2026', '2026-03-02T10:00:00Z'],
    ...[
      '2026-03-02T10:00:00Z',
      '2026-03-02T10:00:00.123Z',
      '2026-03-02T10:00:00+01:00',
      '2026-03-02T24:00:00Z',
      '2026-03-02 10:00',
      'yesterday',
    ],
    ...columnsOf('involvements').flatMap((column) => column.meta.choices ?? []),
    ...columnsOf('roles').flatMap((column) => column.meta.choices ?? []),
    ['Easy read'],
    ['Easy read', 'Semaphore'],
    [],
    'Easy read',
    {},
  ];

  it.each(lists)('%s: every value a column takes as it is, its schema accepts and gives back unchanged', (list) => {
    const fields = LISTS[list].fields as Record<string, z.ZodType>;
    for (const [name, schema] of Object.entries(fields)) {
      for (const value of samples.filter(acceptsAsIs(schema))) {
        const parsed = schema.safeParse(value);
        expect({ name, value, success: parsed.success, data: parsed.data }).toEqual({ name, value, success: true, data: value });
      }
    }
  });

  /** What parsing with the list's schema, strict, gives: the values, or the messages of the refusal. */
  function verdict(run: () => unknown): unknown {
    try {
      return { values: run() };
    } catch (error) {
      return { refused: (error as ValidationError).fields };
    }
  }

  it.each(lists)('%s: a write or query value passes or is refused exactly as the strict schema decides, with the same messages', (list) => {
    const schema = LISTS[list].schema as z.ZodObject;
    const [strictWhole, strictPart] = [schema.strict(), schema.partial().strict()];
    const whole = Object.fromEntries(columnsOf(list).map(({ name }) => [name, null]));
    const titles = (field: string) => columnsOf(list).find((column) => column.name === field)?.meta.title ?? field;
    const expected = (strict: z.ZodObject, values: unknown) => {
      const parsed = strict.safeParse(values);
      return parsed.success ? { values: parsed.data } : { refused: validationErrorFrom(parsed.error, titles).fields };
    };
    for (const { name } of columnsOf(list)) {
      for (const value of samples) {
        const part = { [name]: value };
        expect(verdict(() => parseFields(list, part, true))).toEqual(expected(strictPart, part));
        const item = { ...whole, [name]: value };
        expect(verdict(() => parseFields(list, item))).toEqual(expected(strictWhole, item));
      }
    }
    expect(verdict(() => parseFields(list, { ...whole, colour: 'red' }))).toEqual(expected(strictWhole, { ...whole, colour: 'red' }));
    expect(verdict(() => parseFields(list, { colour: 'red' }, true))).toEqual({ refused: { _: 'colour cannot be set here.' } });
  });

  it('takes a stored role as it is when every value is as the app writes it, and not when any is missing, extra or changed by a parse', () => {
    const role = recordSchema('roles').parse({
      ...Object.fromEntries(columnsOf('roles').map((column) => [column.name, null])),
      workstreamId: 3,
      title: 'Patient voice',
      status: 'Draft',
      advertState: 'Not sent',
      accessibleFormats: ['Easy read'],
      closingDate: '2026-03-31',
      statusChangedAt: '2026-03-02T10:00:00.000Z',
      id: 7,
      key: 'k-7',
      version: 2,
      created: '2026-03-01T09:00:00.000Z',
      modified: '2026-03-02T10:00:00.000Z',
    });
    expect(holdsAsIs(recordChecksOf('roles'), role)).toBe(true);
    const { closingDate, ...missing } = role;
    expect(closingDate).toBe('2026-03-31');
    expect(holdsAsIs(recordChecksOf('roles'), missing)).toBe(false);
    expect(holdsAsIs(recordChecksOf('roles'), { ...role, colour: 'red' })).toBe(false);
    expect(holdsAsIs(recordChecksOf('roles'), { ...role, title: ' Patient voice' })).toBe(false);
    expect(holdsAsIs(recordChecksOf('roles'), { ...role, version: 0 })).toBe(false);
    expect(holdsAsIs(recordChecksOf('roles'), { ...role, modified: '2026-03-02' })).toBe(false);
  });
});
