import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from '#lib/domain/slug.ts';
import { gssCodeProblem } from '#lib/domain/gss.ts';
import { STANDARD_SERVICE_AREAS } from '#lib/domain/service-areas.ts';

describe('slugify', () => {
  it.each([
    ['Somerset 2023', 'somerset-2023'],
    ['  Bournemouth, Christchurch & Poole  ', 'bournemouth-christchurch-and-poole'],
    ['Ynys Môn / Anglesey', 'ynys-mon-anglesey'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['!!!', 'programme'],
    ['', 'programme'],
    ['a'.repeat(100), 'a'.repeat(60)]
  ])('%j → %j', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('uniqueSlug', () => {
  it.each([
    ['p', [], 'p'],
    ['p', ['p'], 'p-2'],
    ['p', ['p', 'p-2', 'p-3'], 'p-4'],
    ['p', ['p-2'], 'p']
  ])('%s with %j taken → %s', (base, taken, expected) => {
    expect(uniqueSlug(base, new Set(taken))).toBe(expected);
  });
});

describe('gssCodeProblem', () => {
  it.each([
    ['E07000223', null],
    ['E06000066', null],
    ['E10000002', null],
    ['E08000035', null],
    ['E09000001', null],
    ['e07000223', 'correct format'],
    ['E0700022', 'correct format'],
    ['E070002231', 'correct format'],
    ['W06000001', 'correct format'],
    ['E05000001', 'English council'],
    ['E07 000223', 'correct format'],
    ['', 'correct format']
  ])('%j → %s', (code, problem) => {
    const result = gssCodeProblem(code);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });
});

describe('the standard service areas', () => {
  it('have unique names and include each day-one foundation', () => {
    const names = STANDARD_SERVICE_AREAS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const foundation of [
      'Finance',
      'Identity and collaboration',
      'Website',
      'Network and security'
    ]) {
      expect(STANDARD_SERVICE_AREAS.find((a) => a.name === foundation)?.category).toBe(
        'foundation'
      );
    }
  });
});
