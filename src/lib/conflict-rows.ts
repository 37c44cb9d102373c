/** One line of the "What differs" table that ConflictNotice shows. */
export interface ConflictRow {
  label: string;
  yours: string;
  theirs: string;
}

/**
 * The "What differs" lines after a save was refused because someone else saved first
 * (optimistic locking): each labelled field, in the order of `labels`, whose value as the page
 * words it differs between what the person sent and what is saved now. A field missing from
 * either side reaches `describe` as null, so every page words "nothing" its own way.
 */
export function conflictRows(
  labels: Record<string, string>,
  conflict: { yours: object; theirs: object },
  describe: (field: string, value: unknown) => string
): ConflictRow[] {
  const yours = conflict.yours as Record<string, unknown>;
  const theirs = conflict.theirs as Record<string, unknown>;
  return Object.entries(labels)
    .map(([field, label]) => ({
      label,
      yours: describe(field, yours[field] ?? null),
      theirs: describe(field, theirs[field] ?? null)
    }))
    .filter((row) => row.yours !== row.theirs);
}
