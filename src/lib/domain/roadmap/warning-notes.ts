import type { RoadmapWarning } from './types';

/**
 * What a bar, a tooltip or a table row says about an item's warnings: whether any is a
 * problem, how many there are and the first few. A large roadmap has thousands of warnings,
 * many naming hundreds of items (every redesign in an over-capacity quarter); the page sends
 * these notes rather than every warning for every item. The whole list is on the item's page.
 */
export interface WarningNote {
  status: 'fail' | 'warn';
  count: number;
  /** Problems first, then warnings, at most NOTE_SUMMARIES. */
  summaries: string[];
}

export const NOTE_SUMMARIES = 3;

export function warningNote(warnings: readonly RoadmapWarning[] | undefined): WarningNote | null {
  if (!warnings?.length) return null;
  const fails = warnings.filter((w) => w.status === 'fail');
  const first = [...fails, ...warnings.filter((w) => w.status !== 'fail')].slice(0, NOTE_SUMMARIES);
  return {
    status: fails.length > 0 ? 'fail' : 'warn',
    count: warnings.length,
    summaries: first.map((w) => w.summary)
  };
}

/** A note for every item with warnings, by item id. */
export function warningNotes(
  byItem: Iterable<[string, readonly RoadmapWarning[]]>
): Record<string, WarningNote> {
  const notes: Record<string, WarningNote> = {};
  for (const [id, warnings] of byItem) {
    const note = warningNote(warnings);
    if (note) notes[id] = note;
  }
  return notes;
}

/** "and 4 more" under the summaries a note lists, or null when it lists them all. */
export function moreThanListed(note: WarningNote): string | null {
  const more = note.count - note.summaries.length;
  return more > 0 ? `and ${more} more` : null;
}
