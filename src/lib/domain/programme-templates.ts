import type { Council, CountyWithDistricts, Reorganisation } from './register';

/**
 * Turns register data into the councils and succession links of a new programme. Pure: the
 * server writes what these return. Councils are keyed by their register code.
 */
export interface TemplateCouncil {
  key: string;
  name: string;
  role: 'predecessor' | 'successor';
  kind: Council['kind'];
  gssCode: string | null;
}

export interface ProgrammeTemplate {
  councils: TemplateCouncil[];
  links: { predecessor: string; successor: string }[];
}

const asCouncil = (c: Council, role: TemplateCouncil['role']): TemplateCouncil => ({
  key: c.code,
  name: c.name,
  role,
  kind: c.kind,
  gssCode: c.gss
});

/** A past reorganisation as a worked example: exactly its predecessors, successors and links. */
export function templateFromReorganisation(reorganisation: Reorganisation): ProgrammeTemplate {
  return {
    councils: [
      ...reorganisation.predecessors.map((c) => asCouncil(c, 'predecessor')),
      ...reorganisation.successors.map((c) => asCouncil(c, 'successor'))
    ],
    links: reorganisation.links.map(({ predecessor, successor }) => ({ predecessor, successor }))
  };
}

export interface CountyPlanInput {
  /** One or two names for the new unitary councils, in order. */
  successorNames: string[];
  /** For each predecessor code, the indexes (into successorNames) of the councils it joins. */
  assignments: Record<string, number[]>;
}

export type CountyPlanResult =
  { ok: true; template: ProgrammeTemplate } | { ok: false; errors: Record<string, string> };

export const MAX_SUCCESSORS = 4;

/**
 * A county and its districts merging into one or more new unitaries. Every predecessor must
 * join at least one new council, and every new council must receive at least one predecessor.
 */
export function templateFromCounty(
  proposal: CountyWithDistricts,
  input: CountyPlanInput
): CountyPlanResult {
  const names = input.successorNames.map((n) => n.trim()).filter((n) => n.length > 0);
  const errors: Record<string, string> = {};
  if (names.length === 0) errors['successor-0'] = 'Enter the name of the new council';
  if (names.length > MAX_SUCCESSORS)
    errors['successor-0'] = `Enter at most ${MAX_SUCCESSORS} new councils`;
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) {
    errors['successor-1'] = 'Give each new council a different name';
  }
  const predecessors = [proposal.county, ...proposal.districts];
  if (predecessors.some((p) => names.some((n) => n.toLowerCase() === p.name.toLowerCase()))) {
    errors['successor-0'] = 'A new council needs a name different from the councils it replaces';
  }
  const received = new Set<number>();
  for (const p of predecessors) {
    const targets = [...new Set(input.assignments[p.code] ?? [])];
    const valid = targets.filter((i) => Number.isInteger(i) && i >= 0 && i < names.length);
    if (valid.length === 0)
      errors[`assign-${p.code}`] = `Choose the new council that ${p.name} becomes part of`;
    valid.forEach((i) => received.add(i));
  }
  names.forEach((name, i) => {
    if (!received.has(i) && Object.keys(errors).length === 0) {
      errors[`successor-${i}`] = `No council becomes part of ${name}: assign at least one`;
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const successorKey = (i: number) => `new-${i}`;
  return {
    ok: true,
    template: {
      councils: [
        ...predecessors.map((c) => asCouncil(c, 'predecessor')),
        ...names.map((name, i) => ({
          key: successorKey(i),
          name,
          role: 'successor' as const,
          kind: 'unitary' as const,
          gssCode: null
        }))
      ],
      links: predecessors.flatMap((p) =>
        [...new Set(input.assignments[p.code] ?? [])]
          .sort()
          .map((i) => ({ predecessor: p.code, successor: successorKey(i) }))
      )
    }
  };
}
