import { describe, expect, it } from 'vitest';
import { countyWithDistricts, pastReorganisations } from '#lib/domain/register/index.ts';
import { templateFromCounty, templateFromReorganisation } from '#lib/domain/programme-templates.ts';

describe('templateFromReorganisation', () => {
  it.each(pastReorganisations().map((r) => [r.id, r] as const))(
    '%s keeps every council and link',
    (_id, r) => {
      const t = templateFromReorganisation(r);
      expect(t.councils.filter((c) => c.role === 'predecessor').map((c) => c.key)).toEqual(
        r.predecessors.map((c) => c.code)
      );
      expect(t.councils.filter((c) => c.role === 'successor').map((c) => c.key)).toEqual(
        r.successors.map((c) => c.code)
      );
      expect(t.links).toEqual(
        r.links.map(({ predecessor, successor }) => ({ predecessor, successor }))
      );
    }
  );
});

describe('templateFromCounty', () => {
  const kent = countyWithDistricts('KEN')!;
  const codes = [kent.county.code, ...kent.districts.map((d) => d.code)];
  const allTo = (i: number[]) => Object.fromEntries(codes.map((c) => [c, i]));

  it('merges a county and its districts into one unitary', () => {
    const result = templateFromCounty(kent, {
      successorNames: ['Kent Council'],
      assignments: allTo([0])
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.councils).toHaveLength(codes.length + 1);
    expect(result.template.links).toHaveLength(codes.length);
    expect(new Set(result.template.links.map((l) => l.successor))).toEqual(new Set(['new-0']));
  });

  it('splits the county between two unitaries, with each district in one', () => {
    const [first, ...rest] = kent.districts;
    const assignments = { ...allTo([1]), [kent.county.code]: [0, 1], [first!.code]: [0] };
    const result = templateFromCounty(kent, {
      successorNames: ['West Kent', 'East Kent'],
      assignments
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const countyLinks = result.template.links.filter((l) => l.predecessor === kent.county.code);
    expect(countyLinks.map((l) => l.successor)).toEqual(['new-0', 'new-1']);
    expect(result.template.links.filter((l) => l.successor === 'new-0')).toHaveLength(2);
    expect(result.template.links.filter((l) => l.successor === 'new-1')).toHaveLength(
      rest.length + 1
    );
  });

  it.each([
    ['no successor name', { successorNames: ['  '], assignments: {} }, 'successor-0'],
    [
      'duplicate names',
      { successorNames: ['A Council', 'a council'], assignments: {} },
      'successor-1'
    ],
    [
      'a successor named like a predecessor',
      { successorNames: ['Kent County Council'], assignments: {} },
      'successor-0'
    ],
    [
      'an unassigned predecessor',
      { successorNames: ['Kent Council'], assignments: {} },
      'assign-KEN'
    ],
    [
      'an assignment to a council that was not named',
      { successorNames: ['Kent Council'], assignments: { KEN: [3] } },
      'assign-KEN'
    ]
  ])('refuses %s', (_label, input, field) => {
    const result = templateFromCounty(kent, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain(field);
  });

  it('refuses a new council that receives nobody', () => {
    const result = templateFromCounty(kent, {
      successorNames: ['West Kent', 'East Kent'],
      assignments: allTo([0])
    });
    expect(result).toMatchObject({
      ok: false,
      errors: { 'successor-1': expect.stringContaining('East Kent') }
    });
  });
});
