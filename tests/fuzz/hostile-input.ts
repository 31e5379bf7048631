import fc from 'fast-check';

/** Text an attacker or a careless client sends: script, OData and SQL injection, path tricks, formulas. */
export const INJECTIONS = [
  "'); DROP TABLE partners; --",
  "' or 1 eq 1",
  "' or '1'='1",
  '1) or (1 eq 1',
  '$filter=PPPWorkstreamId ne null',
  "?$filter=Title eq 'x'&$select=*",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{$root.secret}}',
  '${process.exit()}',
  '=HYPERLINK("http://evil.example")',
  '../../../etc/passwd',
  '%00',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'null',
  'undefined',
] as const;

/** Keys that would pollute a prototype if an object were merged carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const controlCharacter = fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code));
const unusualCharacter = fc.constantFrom('\u0000', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff', '\uffff', '𝕏', '👩🏽‍⚕️', 'é', '\u2028');

/** Strings of every shape: injections, control characters, lone surrogates, unicode, empty, long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.oneof(controlCharacter, unusualCharacter, fc.constantFrom('a', ' ', "'")), maxLength: 30 }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n') },
  { weight: 1, arbitrary: fc.integer({ min: 256, max: 20_000 }).map((length) => 'x'.repeat(length)) },
);

/** Numbers a whole-number id or version should never accept, and a few it might. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 1e300, -1e300, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, deliberately of the wrong type for most fields. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    hostileNumber,
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Digits as text: how a card's choice set sends an id, so an id, not a malformed one. */
const DIGITS = /^\s*\d+\s*$/;

/**
 * Ids as a card or URL might carry them when tampered with: wrong types, out of range,
 * forms `Number()` would read as another id (`true`, `[1]`, `"0x10"`), injections.
 */
export const malformedId: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber.filter((value) => !Number.isSafeInteger(value) || value <= 0),
  fc.constantFrom('1e3', '0x10', '１', '1.0', '-1', '1 or 1 eq 1', '', null, true, [1], ['2'], {}),
  hostileText.filter((text) => !DIGITS.test(text)),
);

/**
 * Serialises entries as a JSON object text, so keys such as `__proto__` arrive as
 * own keys the way a hostile client sends them (an object literal would drop them).
 */
export function jsonObject(entries: ReadonlyArray<readonly [string, unknown]>): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

/** A few fields of garbage, with prototype pollution keys among their names. */
export const hostileEntries: fc.Arbitrary<Array<[string, unknown]>> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.string({ maxLength: 12 }),
      hostileText.filter((text) => text.length < 64),
    ),
    hostileValue,
  ),
  { maxLength: 6 },
);
