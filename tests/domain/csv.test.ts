import { spreadsheetCsv } from '../../src/domain';

describe('CSV for a spreadsheet', () => {
  it('keeps text that a spreadsheet would run as a formula as text, and leaves numbers alone', () => {
    expect(spreadsheetCsv([['=HYPERLINK("x")', '+44 113', '-1', '@SUM(A1)', '\tTab', -1, 'Plain']])).toBe(
      `"'=HYPERLINK(""x"")",'+44 113,'-1,'@SUM(A1),'\tTab,-1,Plain\n`,
    );
  });

  it('quotes a cell holding a comma, a quote or any line break, and leaves a null cell empty', () => {
    expect(spreadsheetCsv([['a, b', 'say "hi"', 'one\ntwo', 'one\rtwo', null, '']], 'windows')).toBe(
      '"a, b","say ""hi""","one\ntwo","one\rtwo",,\r\n',
    );
  });

  it('ends every row in the line break asked for', () => {
    expect(spreadsheetCsv([['a'], ['b']])).toBe('a\nb\n');
    expect(spreadsheetCsv([['a'], ['b']], 'windows')).toBe('a\r\nb\r\n');
  });
});
