import { z } from 'zod';
import {
  SIZE_PHASES,
  earliestStart,
  type PlannerArea,
  type PlannerInput
} from '#lib/domain/planner/index.ts';
import { horizonEnd, ROADMAP_SIZES, type RoadmapSettings } from '#lib/domain/roadmap/index.ts';
import { FIELD } from '#lib/schemas/planner.ts';

const priority = z.coerce
  .number({ error: 'Choose a priority from 1 to 5' })
  .int({ error: 'Choose a priority from 1 to 5' })
  .min(1, { error: 'Choose a priority from 1 to 5' })
  .max(5, { error: 'Choose a priority from 1 to 5' });
const size = z.enum(ROADMAP_SIZES, { error: 'Choose a size' });
const capacity = z.coerce
  .number({ error: 'Enter a whole number from 0 to 50' })
  .int({ error: 'Enter a whole number from 0 to 50' })
  .min(0, { error: 'Enter a whole number from 0 to 50' })
  .max(50, { error: 'Enter a whole number from 0 to 50' });

/** The calendar years whose capacity the form offers: the earliest start to the horizon. */
export function capacityYears(settings: RoadmapSettings): number[] {
  const first = Number(earliestStart(settings).slice(0, 4));
  const last = Number(horizonEnd(settings).slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

export interface ReadPlannerForm {
  input: PlannerInput;
  /** Areas left out of this proposal. */
  excluded: string[];
  errors: Record<string, string>;
}

interface Fields {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/**
 * The planner's input from the defaults and what the person changed (a query string or a
 * posted form). A value that does not make sense is reported and its default kept, so the
 * page always shows a proposal. Contracts always come from the inventory, never the form.
 */
export function readPlannerForm(
  fields: Fields,
  settings: RoadmapSettings,
  defaults: PlannerArea[]
): ReadPlannerForm {
  const errors: Record<string, string> = {};
  const text = (name: string) => {
    const value = fields.get(name);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const value = text(name);
    if (value === null) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    errors[name] = parsed.error.issues[0]!.message;
    return fallback;
  };
  const planned = text(FIELD.planned) !== null;
  const known = new Set(defaults.map((a) => a.id));
  const excluded = planned
    ? defaults.filter((a) => !text(FIELD.include(a.id))).map((a) => a.id)
    : [];

  let dependencies = defaults.flatMap((a) => a.dependsOn.map((before) => `${before}~${a.id}`));
  if (planned) {
    dependencies = fields
      .getAll(FIELD.dependency)
      .filter((v): v is string => typeof v === 'string')
      .filter((v) => v.split('~').length === 2 && v.split('~').every((id) => known.has(id)));
    const before = text(FIELD.addBefore);
    const after = text(FIELD.addAfter);
    if (before || after) {
      if (!before || !after || !known.has(before) || !known.has(after)) {
        errors[FIELD.addBefore] = 'Choose both service areas for the new dependency';
      } else if (before === after) {
        errors[FIELD.addBefore] = 'A service area cannot depend on itself';
      } else {
        dependencies.push(`${before}~${after}`);
      }
    }
  }
  const dependsOn = new Map<string, Set<string>>();
  for (const pair of dependencies) {
    const [before, after] = pair.split('~') as [string, string];
    dependsOn.set(after, (dependsOn.get(after) ?? new Set()).add(before));
  }

  const capacityByYear: Record<number, number> = {};
  for (const year of capacityYears(settings)) {
    const value = read(FIELD.capacity(year), capacity, settings.capacity);
    if (value !== settings.capacity) capacityByYear[year] = value;
  }

  const areas = defaults
    .filter((a) => !excluded.includes(a.id))
    .map((a) => {
      const s = read(FIELD.size(a.id), size, a.size);
      return {
        ...a,
        priority: read(FIELD.priority(a.id), priority, a.priority),
        size: s,
        phases: SIZE_PHASES[s],
        dependsOn: [...(dependsOn.get(a.id) ?? [])].filter((id) => !excluded.includes(id)).sort()
      };
    });
  // Only the settings the planner uses: the fingerprint of the input must not see the rest.
  const { vestingDate, horizonYears, capacity: defaultCapacity, stabilisationMonths } = settings;
  return {
    input: {
      settings: { vestingDate, horizonYears, capacity: defaultCapacity, stabilisationMonths },
      capacityByYear,
      areas
    },
    excluded,
    errors
  };
}
