import { firstField, matches, parseFilter, FilterSyntaxError } from './odata-filter';

const item = { Title: "O'Brien & Sons", Level: 3, Done: true, Due: '2026-04-30T00:00:00Z', Note: null };

describe('the stand-in’s $filter', () => {
  it.each([
    ["Title eq 'O''Brien & Sons'", true],
    ["Title eq 'o''brien & sons'", true],
    ["Title ne 'O''Brien & Sons'", false],
    ['Level lt 4 and Level ge 3', true],
    ['Level gt 3 or Level le 2', false],
    ['Level eq 1 or Level eq 2 and Done eq true', false],
    ['(Level eq 1 or Level eq 3) and Done eq true', true],
    ['Note eq null', true],
    ['Note ne null', false],
    ['Note lt 5', false],
    ["Due ge datetime'2026-04-30T00:00:00.000Z'", true],
    ["not (Title eq 'x')", true],
  ])('%s is %s', (filter, expected) => {
    expect(matches(parseFilter(filter), item)).toBe(expected);
  });

  it('names the field of the first clause, the one SharePoint picks an index by', () => {
    expect(firstField(parseFilter("(Level eq 1 or Title eq 'x') and Done eq true"))).toBe('Level');
  });

  it.each(["Title eq 'O'Brien'", 'Title eq', 'Level eq 1 and', "Title like 'x'"])('refuses %s as SharePoint would', (filter) => {
    expect(() => parseFilter(filter)).toThrow(FilterSyntaxError);
  });
});
