/**
 * Error summary entries from field errors: each links to the field's first input. Date inputs
 * link to their day box, option rows to their length box; form-level errors have no link.
 */
const DATE_FIELDS = new Set([
  'startDate',
  'endDate',
  'reviewDate',
  'maxEndDate',
  'decisionDate',
  'vestingDate'
]);

export function errorSummary(
  errors: Record<string, string>
): { field?: string; message: string }[] {
  return Object.entries(errors).map(([field, message]) => ({
    field:
      field === 'form'
        ? undefined
        : DATE_FIELDS.has(field)
          ? `${field}-day`
          : field === 'extensionOptions'
            ? 'option-0-months'
            : field,
    message
  }));
}
