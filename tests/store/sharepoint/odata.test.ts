import { odataLiteral } from '../../../src/store/sharepoint';

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
