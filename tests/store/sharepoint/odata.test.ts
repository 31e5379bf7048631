import { odataLiteral } from '../../../src/store/sharepoint';
import { halvesOf, joinAnswers } from '../../../src/store/sharepoint/odata';

describe('odataLiteral, the one escape for values in $filter', () => {
  it.each([
    ["O'Brien", "'O''Brien'"],
    ["''", "''''''"],
    ['Carers & families', "'Carers & families'"],
    ['Ward #7', "'Ward #7'"],
    ['100%', "'100%'"],
    ['李小龍 – أحمد', "'李小龍 – أحمد'"],
    [') or (Id gt 0', "') or (Id gt 0'"],
  ])('quotes %j as %s, doubling every quote and leaving URL encoding to the query string', (value, literal) => {
    expect(odataLiteral(value)).toBe(literal);
  });

  it('writes numbers, yes/no, empty and instants in their OData forms', () => {
    expect(odataLiteral(42, 'number')).toBe('42');
    expect(odataLiteral(true, 'boolean')).toBe('1');
    expect(odataLiteral(false)).toBe('0');
    expect(odataLiteral(null)).toBe('null');
    expect(odataLiteral('2026-04-30T00:00:00Z', 'dateTime')).toBe("datetime'2026-04-30T00:00:00.000Z'");
  });

  it('refuses a number that OData cannot write', () => {
    expect(() => odataLiteral(Number.NaN, 'number')).toThrow(RangeError);
  });
});

describe('splitting a read whose URL would be too long', () => {
  it('halves the longest "is one of" list and keeps every other condition', () => {
    const query = { list: 'members', where: { userId: ['a', 'b', 'c'], workstreamId: [1, 2, 3, 4, 5] } } as const;
    expect(halvesOf(query)).toEqual([
      { list: 'members', where: { userId: ['a', 'b', 'c'], workstreamId: [1, 2, 3] } },
      { list: 'members', where: { userId: ['a', 'b', 'c'], workstreamId: [4, 5] } },
    ]);
  });

  it('halves a list of ids, and leaves a read with no list of two values whole', () => {
    expect(halvesOf({ list: 'partners', where: { id: [7, 8] } })).toEqual([
      { list: 'partners', where: { id: [7] } },
      { list: 'partners', where: { id: [8] } },
    ]);
    expect(halvesOf({ list: 'partners', where: { id: [7], fullName: 'Ann' } })).toBeUndefined();
  });

  it("joins the halves' answers in the order asked for (empty first, text without regard to case), then by id, cut to top", () => {
    const row = (id: number, title: string | null) => ({ id, title });
    const query = { list: 'roles', where: { id: [1, 2, 3, 4, 5] }, orderBy: [{ field: 'title' }], top: 4 } as const;
    const joined = joinAnswers(query, [
      [row(5, 'beta'), row(1, 'Alpha')],
      [row(2, null), row(4, 'alpha'), row(3, 'Gamma')],
    ]);
    expect(joined.map((item) => item.id)).toEqual([2, 1, 4, 5]);
  });
});
