/**
 * The shape every day-one baseline check returns. Checks are pure functions of a programme
 * snapshot, today and settings (see ./index.ts); nothing here touches a database.
 */

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export const CHECK_STATUSES: readonly CheckStatus[] = ['fail', 'unknown', 'warn', 'pass'];

/** Themes group the checks on the readiness page, in this order. */
export const CHECK_THEMES = {
  'day-one': 'Day one works',
  contracts: 'Contracts',
  'business-case': 'Business case and roadmap',
  inventory: 'Inventory'
} as const;

export type CheckTheme = keyof typeof CHECK_THEMES;

export type CheckId =
  | 'tenancy'
  | 'finance'
  | 'security'
  | 'website'
  | 'contracts'
  | 'savings'
  | 'day-one-small'
  | 'inventory';

/** A record at fault (or not known): what it is, where to fix it, and why it counts. */
export interface Finding {
  label: string;
  /** The page of the record, or of the fact to fill in; null when there is nowhere to go. */
  href: string | null;
  severity: Exclude<CheckStatus, 'pass'>;
  detail: string;
  /** Sorting key within a severity, e.g. a notice deadline: earlier first. */
  sortKey?: string;
}

export interface SuccessorStatus {
  successorId: string;
  name: string;
  status: CheckStatus;
  summary: string;
}

export interface CheckResult {
  id: CheckId;
  theme: CheckTheme;
  title: string;
  status: CheckStatus;
  summary: string;
  /** Most urgent first: fail, unknown, warn; then by sortKey. */
  findings: Finding[];
  /** The reorganisation principle the check protects, in a sentence. */
  principle: string;
  howToFix: string;
  /** For checks judged per successor council (a split county gives two answers). */
  perSuccessor?: SuccessorStatus[];
}

export type Verdict = 'ready' | 'at-risk' | 'not-ready' | 'not-enough-data';

export const VERDICT_LABELS: Record<Verdict, string> = {
  ready: 'Ready',
  'at-risk': 'At risk',
  'not-ready': 'Not ready',
  'not-enough-data': 'Not enough data'
};

export const STATUS_LABELS: Record<CheckStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  unknown: 'Not known'
};

export type StatusCounts = Record<CheckStatus, number>;
