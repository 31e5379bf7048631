import { recordId } from '../../../src/bot/pathway/inputs';

describe('recordId reads the id a card names', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 12 ', 12],
  ])('accepts %p as record %p', (value, id) => {
    expect(recordId(value)).toBe(id);
  });

  it.each([
    [true],
    [[5]],
    [['2']],
    ['0x10'],
    ['1e1'],
    ['1.0'],
    ['-1'],
    [0],
    [-3],
    [1.5],
    [Number.MAX_SAFE_INTEGER + 2],
    ['１'],
    [''],
    [null],
    [undefined],
    [{}],
  ])('refuses %p, which Number() would read as some other record', (value) => {
    expect(recordId(value)).toBeUndefined();
  });
});
