import type { IsoDate } from '#lib/domain/dates.ts';
import type { Database } from './db';
import { readRevision } from './revisions';

/** What a cached figure may depend on besides the programme's rows: its own fields and the day. */
export interface CacheableProgramme {
  id: string;
  slug: string;
  name: string;
  vestingDate: string;
  stabilisationMonths: number;
  /** Part of the key when given: the roadmap depends on them. */
  horizonYears?: number;
  capacity?: number;
}

/**
 * Figures derived from a whole programme (the readiness checks, the overview's counts),
 * computed once per programme revision rather than on every page load: at the scale of the
 * largest reorganisations they take hundreds of milliseconds.
 *
 * Correct with several server processes and on PGlite because every call checks the entry
 * against the database: it is used only while the programme's revision (raised in the
 * transaction of every audited change, see `revisions.ts`), the day and the programme's own
 * fields are what it was computed from. The revision is read *before* the figures, so a change
 * landing in between leaves an entry tagged with the older revision, which the next call
 * recomputes: an entry is never tagged newer than its data.
 *
 * Concurrent calls for the same key share one computation. Values are shared between
 * requests: callers must not change them. Each cache keeps its most recent `max` programmes.
 */
export function revisionCache<T>(
  compute: (db: Database, programme: CacheableProgramme, today: IsoDate) => Promise<T>,
  max = 16
) {
  const cache = keyedRevisionCache<null, T>(
    (db, programme, today) => compute(db, programme, today),
    {
      programmes: max,
      variants: 1
    }
  );
  return (db: Database, programme: CacheableProgramme, today: IsoDate): Promise<T> =>
    cache(db, programme, today, null);
}

/**
 * `revisionCache` for figures that also depend on an argument, such as a list's filters: each
 * programme keeps its `variants` most recent arguments (compared as JSON), all dropped together
 * when the revision, the day or the programme's fields change.
 */
export function keyedRevisionCache<A, T, P extends CacheableProgramme = CacheableProgramme>(
  compute: (db: Database, programme: P, today: IsoDate, arg: A) => Promise<T>,
  { programmes = 16, variants = 32 }: { programmes?: number; variants?: number } = {}
) {
  const entries = new Map<string, { key: string; values: Map<string, Promise<T>> }>();
  const trim = <K, V>(map: Map<K, V>, max: number) => {
    while (map.size > max) map.delete(map.keys().next().value!);
  };
  return async (db: Database, programme: P, today: IsoDate, arg: A): Promise<T> => {
    const revision = await readRevision(db, programme.id);
    const key = JSON.stringify([
      revision,
      today,
      programme.slug,
      programme.name,
      programme.vestingDate,
      programme.stabilisationMonths,
      programme.horizonYears ?? null,
      programme.capacity ?? null
    ]);
    const argKey = JSON.stringify(arg) ?? '';
    let entry = entries.get(programme.id);
    if (entry?.key !== key) entry = { key, values: new Map() };
    // Most recently used last, so trimming drops the least recently used.
    entries.delete(programme.id);
    entries.set(programme.id, entry);
    trim(entries, programmes);

    const cached = entry.values.get(argKey);
    if (cached) {
      entry.values.delete(argKey);
      entry.values.set(argKey, cached);
      return cached;
    }
    const value = compute(db, programme, today, arg);
    entry.values.set(argKey, value);
    trim(entry.values, variants);
    const values = entry.values;
    value.catch(() => {
      if (values.get(argKey) === value) values.delete(argKey);
    });
    return value;
  };
}
