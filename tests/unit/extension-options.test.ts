import { describe, expect, it } from 'vitest';
import {
  extensionOptionsFromText,
  formatExtensionOptions,
  MAX_EXTENSION_OPTION_MONTHS,
  MAX_EXTENSION_OPTIONS
} from '#lib/domain/extension-options.ts';

describe('extensionOptionsFromText', () => {
  it.each([
    ['2+1+1 years', [24, 12, 12]],
    ['24+12 months', [24, 12]],
    ['2 + 1', [24, 12]], // years when no unit is given
    ['1', [12]],
    ['18+6 months', [18, 6]],
    ['1 year', [12]],
    ['6 months', [6]],
    ['1 month', [1]],
    ['1 year + 6 months', [12, 6]], // each option with its own unit
    ['6 months + 1 year', [6, 12]],
    ['3 YEARS', [36]],
    ['2y+1y', [24, 12]],
    ['12 mths', [12]],
    ['  2+1 years  ', [24, 12]],
    ['20 years', [240]], // the largest allowed
    ['240 months', [240]],
    ['1+1+1+1+1+1+1+1+1+1', Array.from({ length: 10 }, () => 12)], // the most allowed
    ['none', []],
    ['None', []],
    ['', []],
    ['   ', []]
  ])('%j → %j', (text, months) => {
    expect(extensionOptionsFromText(text)).toEqual({ ok: true, months });
  });

  it.each([
    ['junk', /^Enter extension options like 2\+1\+1 years/],
    ['2 weeks', /^Enter extension options like/],
    ['2++1', /^Enter extension options like/],
    ['+2', /^Enter extension options like/],
    ['2+', /^Enter extension options like/],
    ['2,1', /^Enter extension options like/],
    ['2-1', /^Enter extension options like/],
    ['years', /^Enter extension options like/],
    ['0', /at least 1 month/],
    ['2+0 months', /at least 1 month/],
    ['-1', /cannot be negative/],
    ['2 + -1 years', /cannot be negative/],
    ['1.5 years', /whole number/],
    ['1+1+1+1+1+1+1+1+1+1+1', /no more than 10 extension options/],
    ['21 years', /240 months/],
    ['241 months', /240 months/],
    ['99999999999999999999', /240 months/]
  ])('%j is rejected', (text, message) => {
    const result = extensionOptionsFromText(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('shares its limits with the database check', () => {
    expect(MAX_EXTENSION_OPTIONS).toBe(10);
    expect(MAX_EXTENSION_OPTION_MONTHS).toBe(240);
  });
});

describe('formatExtensionOptions', () => {
  it.each([
    [[], 'None'],
    [[24, 12, 12], '2+1+1 years'],
    [[12], '1 year'],
    [[24], '2 years'],
    [[18, 6], '18+6 months'],
    [[12, 6], '12+6 months'], // all in months once one is not whole years
    [[1], '1 month'],
    [[6], '6 months'],
    [[240], '20 years']
  ])('%j → %s', (months, text) => {
    expect(formatExtensionOptions(months)).toBe(text);
  });
});

describe('round trip', () => {
  it.each([[[]], [[24, 12, 12]], [[12]], [[18, 6]], [[1]], [[12, 6]], [[240, 240]]])(
    'parse(format(%j)) gives the same months',
    (months) => {
      expect(extensionOptionsFromText(formatExtensionOptions(months))).toEqual({
        ok: true,
        months
      });
    }
  );

  it.each(['2+1+1 years', '18+6 months', '1 year', '6 months', 'None'])(
    'format(parse(%j)) gives the same text',
    (text) => {
      const parsed = extensionOptionsFromText(text);
      expect(parsed.ok && formatExtensionOptions(parsed.months)).toBe(text);
    }
  );
});
