import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_REDIRECT_LENGTH,
  SIGNED_IN_AREAS,
  safeRedirectPath,
  sameAppPath
} from '#lib/safe-redirect.ts';
import {
  GOOD_REDIRECT_QUERIES,
  HOSTILE_REDIRECT_QUERIES
} from '#tests/fixtures/redirect-targets.ts';

/** The value a route reads from `?redirectTo=…`, decoded once as SvelteKit does. */
const fromQuery = (raw: string) => new URLSearchParams(`r=${raw}`).get('r');

describe('safeRedirectPath', () => {
  it.each(HOSTILE_REDIRECT_QUERIES.map((raw) => [raw.slice(0, 60), raw]))(
    'falls back for %s',
    (_, raw) => {
      expect(safeRedirectPath(fromQuery(raw))).toBe('/programmes');
      expect(sameAppPath(fromQuery(raw))).toBeNull();
    }
  );

  it.each(GOOD_REDIRECT_QUERIES)('keeps %s as %s', (raw, expected) => {
    expect(safeRedirectPath(fromQuery(raw))).toBe(expected);
  });

  it.each([
    // Decoded values as a form field carries them (no query-string decoding in between).
    ['/\t/evil.example', '/programmes'],
    ['/\t\\evil.example', '/programmes'],
    ['/\n/x', '/programmes'],
    ['/programmes/\r\nSet-Cookie: x=1', '/programmes'],
    ['/programmes/\u0000', '/programmes'],
    ['/programmes/\u0085', '/programmes'],
    ['/programmes/\u3000', '/programmes'],
    ['/programmes/\u2028', '/programmes'],
    ['/programmes/é', '/programmes'],
    ['//evil.example', '/programmes'],
    ['/\\evil.example', '/programmes'],
    ['\\\\evil.example', '/programmes'],
    ['https://evil.example/programmes', '/programmes'],
    ['javascript:alert(1)', '/programmes'],
    ['/programmes/%2f%2fevil', '/programmes'],
    ['/programmes//x', '/programmes'],
    ['/programmes/x?next=//example.org/', '/programmes/x?next=//example.org/'],
    ['/programmes/%09', '/programmes'],
    ['/programmes/%5c', '/programmes'],
    ['/programmes/%00', '/programmes'],
    ['/%2f%2fevil.example', '/programmes'],
    ['/programmes/x?q=100%', '/programmes'],
    ['/programmes/x?q=a%20b#c', '/programmes/x?q=a%20b#c'],
    [
      '/programmes/x?next=https%3A%2F%2Fexample.org',
      '/programmes/x?next=https%3A%2F%2Fexample.org'
    ],
    ['/programmes/"<x>', '/programmes/%22%3Cx%3E'],
    [null, '/programmes'],
    [undefined, '/programmes']
  ])('%j → %s', (value, expected) => expect(safeRedirectPath(value)).toBe(expected));

  it('bounds the length', () => {
    const fits = `/programmes/${'a'.repeat(MAX_REDIRECT_LENGTH - '/programmes/'.length)}`;
    expect(safeRedirectPath(fits)).toBe(fits);
    expect(safeRedirectPath(`${fits}a`)).toBe('/programmes');
    // Growth from percent-encoding counts too.
    const grows = `/programmes/${'"'.repeat(MAX_REDIRECT_LENGTH / 2)}`;
    expect(safeRedirectPath(grows)).toBe('/programmes');
  });

  it('uses the fallback given, and only the areas given', () => {
    const within = ['/programmes/lgr'];
    expect(safeRedirectPath('/programmes/lgr/contracts', '/x', within)).toBe(
      '/programmes/lgr/contracts'
    );
    expect(safeRedirectPath('/programmes/lgr', '/x', within)).toBe('/programmes/lgr');
    expect(safeRedirectPath('/programmes/lgr2/contracts', '/x', within)).toBe('/x');
    expect(safeRedirectPath('/programmes/lgr/../other', '/x', within)).toBe('/x');
    expect(safeRedirectPath('/programmes/other', '/x', within)).toBe('/x');
  });

  it('never throws, whatever it is given', () => {
    const odd = ['%', '/%', '/%%', '/%zz', '/\ud800', '/programmes/\ud800', '/'.repeat(5000)];
    for (let code = 0; code < 0x3100; code += 7)
      odd.push(`/programmes/${String.fromCharCode(code)}`);
    for (const value of odd) expect(() => safeRedirectPath(value)).not.toThrow();
  });

  it('lists exactly the signed-in route group as the app’s areas', () => {
    const folders = readdirSync('src/routes/(app)', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `/${entry.name}`)
      .sort();
    expect([...SIGNED_IN_AREAS].sort()).toEqual(folders);
  });
});
