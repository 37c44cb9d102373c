import { daysBetween, formatLongDate, type IsoDate } from '../dates';
import type { CheckSettings } from './settings';
import type { ChecksSnapshot, CouncilFacts, SnapshotCouncil } from './snapshot';
import { emptyFacts } from './snapshot';

/**
 * Lookups every check needs, built once per evaluation so that each check is a single pass
 * over its records (15,000 contracts must stay well under 50 ms).
 */
export interface CheckContext {
  snapshot: ChecksSnapshot;
  today: IsoDate;
  settings: CheckSettings;
  vestingDate: IsoDate;
  councilById: Map<string, SnapshotCouncil>;
  successors: SnapshotCouncil[];
  predecessors: SnapshotCouncil[];
  /** predecessor id → its successors' ids (several for a split county). */
  successorsOf: Map<string, string[]>;
  /** successor id → its predecessors' ids. */
  predecessorsOf: Map<string, string[]>;
  factsOf(councilId: string): CouncilFacts;
  /** Successors a council's records pass to: itself for a successor. */
  successorIdsFor(councilId: string): string[];
  href: Hrefs;
  /** formatLongDate, remembered per date: thousands of findings share a few hundred dates. */
  longDate(date: IsoDate): string;
  /** Whole days from today to `date`, remembered per date. */
  daysFromToday(date: IsoDate): number;
}

export interface Hrefs {
  council(id: string): string;
  system(id: string): string;
  contract(id: string): string;
  councilFacts(id: string): string;
  securityFacts(councilId: string): string;
  securityCatalogue(): string;
  savings(): string;
  serviceAreas(): string;
  systems(): string;
  roadmap(): string;
  settings(): string;
}

export function hrefsFor(slug: string): Hrefs {
  const base = `/programmes/${slug}`;
  return {
    council: (id) => `${base}/councils/${id}`,
    system: (id) => `${base}/systems/${id}`,
    contract: (id) => `${base}/contracts/${id}`,
    councilFacts: (id) => `${base}/checks/facts/councils/${id}`,
    securityFacts: (id) => `${base}/checks/facts/security/${id}`,
    securityCatalogue: () => `${base}/checks/facts/security`,
    savings: () => `${base}/checks/facts/savings`,
    serviceAreas: () => `${base}/service-areas`,
    systems: () => `${base}/systems`,
    roadmap: () => `${base}/roadmap`,
    settings: () => `${base}/checks/settings`
  };
}

export function buildContext(
  snapshot: ChecksSnapshot,
  today: IsoDate,
  settings: CheckSettings
): CheckContext {
  const councilById = new Map(snapshot.councils.map((c) => [c.id, c]));
  const successorsOf = new Map<string, string[]>();
  const predecessorsOf = new Map<string, string[]>();
  for (const { predecessorId, successorId } of snapshot.successions) {
    if (!councilById.has(predecessorId) || !councilById.has(successorId)) continue;
    push(successorsOf, predecessorId, successorId);
    push(predecessorsOf, successorId, predecessorId);
  }
  const facts = new Map(snapshot.facts.map((f) => [f.councilId, f]));
  const byName = (a: SnapshotCouncil, b: SnapshotCouncil) => a.name.localeCompare(b.name);
  return {
    snapshot,
    today,
    settings,
    vestingDate: snapshot.programme.vestingDate,
    councilById,
    successors: snapshot.councils.filter((c) => c.role === 'successor').sort(byName),
    predecessors: snapshot.councils.filter((c) => c.role === 'predecessor').sort(byName),
    successorsOf,
    predecessorsOf,
    factsOf: (id) => facts.get(id) ?? emptyFacts(id),
    successorIdsFor: (id) =>
      councilById.get(id)?.role === 'successor' ? [id] : (successorsOf.get(id) ?? []),
    href: hrefsFor(snapshot.programme.slug),
    longDate: memo(formatLongDate),
    daysFromToday: memo((date: IsoDate) => daysBetween(today, date))
  };
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function memo<T>(compute: (date: IsoDate) => T): (date: IsoDate) => T {
  const cache = new Map<IsoDate, T>();
  return (date) => {
    let value = cache.get(date);
    if (value === undefined) cache.set(date, (value = compute(date)));
    return value;
  };
}
