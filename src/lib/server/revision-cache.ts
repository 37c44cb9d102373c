import type { IsoDate } from '$lib/domain/dates';
import type { Database } from './db';
import { readRevision } from './revisions';

/** What a cached figure may depend on besides the programme's rows: its own fields and the day. */
export interface CacheableProgramme {
  id: string;
  slug: string;
  name: string;
  vestingDate: string;
  stabilisationMonths: number;
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
  const entries = new Map<string, { key: string; value: Promise<T> }>();
  return async (db: Database, programme: CacheableProgramme, today: IsoDate): Promise<T> => {
    const revision = await readRevision(db, programme.id);
    const key = JSON.stringify([
      revision,
      today,
      programme.slug,
      programme.name,
      programme.vestingDate,
      programme.stabilisationMonths
    ]);
    const entry = entries.get(programme.id);
    if (entry?.key === key) return entry.value;

    const value = compute(db, programme, today);
    entries.delete(programme.id);
    entries.set(programme.id, { key, value });
    while (entries.size > max) entries.delete(entries.keys().next().value!);
    value.catch(() => {
      if (entries.get(programme.id)?.value === value) entries.delete(programme.id);
    });
    return value;
  };
}
