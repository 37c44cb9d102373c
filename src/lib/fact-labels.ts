/** Words for the day-one facts, shared by the forms and the summary pages. */
export const TENANCY_LABELS = {
  in_target: 'Already in the target tenant',
  migration_planned: 'Migration planned',
  cross_tenant: 'Cross-tenant collaboration only',
  not_started: 'Not started',
  unknown: 'Not known'
} as const;

export const FINANCE_MOVE_LABELS = {
  migrated: 'Migrated to the successor’s finance system',
  hosted: 'Hosted by another council under an agreement',
  not_planned: 'Not planned'
} as const;

export const REDIRECT_LABELS = {
  live: 'Redirects are live',
  planned: 'Redirects planned',
  none: 'No redirects planned'
} as const;

export const CONTROL_STATUS_LABELS = {
  met: 'Met',
  in_progress: 'In progress',
  not_met: 'Not met',
  not_applicable: 'Not applicable'
} as const;
