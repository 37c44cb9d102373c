import type { IsoDate } from '../dates';
import { buildContext } from './context';
import { contractsCheck } from './contracts';
import { dayOneSmallCheck } from './day-one-small';
import { financeCheck } from './finance';
import { inventoryCheck } from './inventory';
import { savingsCheck } from './savings';
import { securityCheck } from './security';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './settings';
import type { ChecksSnapshot } from './snapshot';
import { countStatuses, sortFindings, verdictOf } from './status';
import type { CheckResult, CheckStatus, StatusCounts, Verdict } from './types';
import { tenancyCheck } from './tenancy';
import { websiteCheck } from './website';

export * from './types';
export * from './settings';
export * from './snapshot';
export { countStatuses, verdictOf, worst } from './status';

/** In reading order: day one, contracts, business case, inventory. */
const CHECKS = [
  tenancyCheck,
  financeCheck,
  securityCheck,
  websiteCheck,
  contractsCheck,
  savingsCheck,
  dayOneSmallCheck,
  inventoryCheck
];

export const CHECK_IDS = [
  'tenancy',
  'finance',
  'security',
  'website',
  'contracts',
  'savings',
  'day-one-small',
  'inventory'
] as const;

/**
 * Every day-one baseline check for one programme: pure, so the same snapshot, day and
 * settings always give the same answer. Findings come sorted, most urgent first.
 */
export function evaluateChecks(
  snapshot: ChecksSnapshot,
  today: IsoDate,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS
): CheckResult[] {
  const ctx = buildContext(snapshot, today, settings);
  return CHECKS.map((check) => {
    const result = check(ctx);
    sortFindings(result.findings);
    return result;
  });
}

export interface SuccessorVerdict {
  successorId: string;
  name: string;
  verdict: Verdict;
  counts: StatusCounts;
}

export interface Readiness {
  verdict: Verdict;
  counts: StatusCounts;
  /** One verdict per successor: per-successor statuses where a check has them, else the check's. */
  successors: SuccessorVerdict[];
}

export function readinessOf(results: readonly CheckResult[]): Readiness {
  const statuses = results.map((r) => r.status);
  const names = new Map<string, string>();
  for (const r of results) for (const s of r.perSuccessor ?? []) names.set(s.successorId, s.name);
  const successors = [...names].map(([successorId, name]) => {
    const each: CheckStatus[] = results.map(
      (r) => r.perSuccessor?.find((s) => s.successorId === successorId)?.status ?? r.status
    );
    return { successorId, name, verdict: verdictOf(each), counts: countStatuses(each) };
  });
  return { verdict: verdictOf(statuses), counts: countStatuses(statuses), successors };
}
