import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { blobNameOf } from '../../../src/store/blob/blob-state';

const SEGMENTS_260 = Array.from({ length: 260 }, () => 'a').join('/');

/** Keys as the bot makes them, and keys that try every rule of the naming. */
const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['conversation:a', 'conversation%3Aa'],
  ['conversation:19:abc@thread.tacv2;messageid=7', 'conversation%3A19%3Aabc%40thread.tacv2%3Bmessageid%3D7'],
  ['seen:a:priya-personal:activity-1', 'seen%3Aa%3Apriya-personal%3Aactivity-1'],
  ["ref:29:1a2B-c_d.e~f!*()'", "ref%3A29%3A1a2B-c_d.e~f!*()'"],
  ['a//b///c', 'a%2Fb%2Fc'],
  ['/leading', '%2Fleading'],
  ['trailing/', 'trailing'],
  ['leases/reminders', 'leases%2Freminders'],
  ['Ünïcödé café 🙂', '%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20caf%C3%A9%20%F0%9F%99%82'],
  ['100% sure? #1 & more', '100%25%20sure%3F%20%231%20%26%20more'],
  // From the 255th segment on, no slash between segments.
  [SEGMENTS_260, `a${'%2Fa'.repeat(254)}aaaaa`],
  // Cut at 1,024 characters, even inside an escape.
  ['ü'.repeat(600), `${'%C3%BC'.repeat(170)}%C3%`],
];

describe('the blob name of a bot state key', () => {
  it('is the key URI-encoded, without empty segments, with no slash from the 255th segment on, cut at 1,024 characters', () => {
    expect(NAMES.map(([key]) => blobNameOf(key))).toEqual(NAMES.map(([, name]) => name));
  });

  it('refuses an empty key', () => {
    expect(() => blobNameOf('')).toThrow('cannot be empty');
  });

  // Names must stay those botbuilder-azure-blobs gave, so state it wrote is found. The package stays a development dependency for this check alone.
  it('is the name botbuilder-azure-blobs gave the same key, so entries it stored are found', () => {
    const keys = [
      ...NAMES.map(([key]) => key),
      '/',
      'x/'.repeat(300),
      `${'/'.repeat(254)}a/b/c`,
      'a/'.repeat(256),
      '%2F',
      'a\u0000b',
      'tab\there',
      '中文:键',
    ];
    for (const key of keys) expect(blobNameOf(key)).toBe(sanitizeBlobKey(key));
    expect(() => sanitizeBlobKey('')).toThrow();
    expect(() => sanitizeBlobKey('\ud800')).toThrow(URIError);
    expect(() => blobNameOf('\ud800')).toThrow(URIError);
  });
});
