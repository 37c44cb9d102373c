/**
 * A whole programme as one JSON file, and back. The file is canonical: the same programme
 * always gives the same bytes, so backup → restore → backup is byte-identical and two backups
 * can be compared with any diff tool.
 *
 * - No volatile fields: no database ids (records refer to each other by keys such as
 *   "council-2", given in a stable order), no timestamps, no row versions, no export time.
 * - Key order is fixed by the literals below; rows are sorted by what they are, never by
 *   when they were stored: councils and service areas by name (unique in a programme),
 *   contracts by council then reference (unique), systems by every field they have and,
 *   for two otherwise identical systems, by the contracts that cover them.
 * - Members and the audit log are left out on purpose: people's accounts belong to an
 *   installation, not to a programme (the person restoring becomes the owner and adds the
 *   team), and the audit log is the history of the original, which a copy must not rewrite.
 */

export const BACKUP_FORMAT = 'vesting-day-backup';
export const BACKUP_VERSION = 1;
/** Far above any real programme (15,000 contracts is about 15 MB); a bigger file is a mistake. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;

type Nullable<T> = { [K in keyof T]: T[K] | null };

export interface BackupProgramme {
  name: string;
  area: string;
  vestingDate: string;
  horizonYears: number;
  capacity: number;
  stabilisationMonths: number;
}

export interface BackupCouncil {
  key: string;
  name: string;
  role: 'predecessor' | 'successor';
  kind: 'county' | 'district' | 'unitary' | 'metropolitan' | 'london_borough';
  gssCode: string | null;
  website: string | null;
  m365Tenant: string | null;
}

export interface BackupSuccession {
  predecessor: string;
  successor: string;
  note: string | null;
}

export interface BackupServiceArea {
  key: string;
  name: string;
  category: 'service' | 'foundation';
  priority: number;
}

export interface BackupSystem extends Nullable<{
  product: string;
  vendor: string;
  hosting: 'on_premises' | 'hosted' | 'saas';
  users: number;
  annualCostPence: number;
  lifecycle: string;
  timeDisposition: 'tolerate' | 'invest' | 'migrate' | 'eliminate';
}> {
  key: string;
  council: string;
  serviceArea: string | null;
  name: string;
  dayOneCritical: boolean;
}

export interface BackupContract extends Nullable<{
  description: string;
  department: string;
  supplierCompanyNumber: string;
  startDate: string;
  endDate: string;
  reviewDate: string;
  noticePeriodValue: number;
  noticePeriodUnit: 'days' | 'months';
  maxEndDate: string;
  annualValuePence: number;
  totalValuePence: number;
  decisionDate: string;
  decisionNotes: string;
}> {
  council: string;
  reference: string;
  title: string;
  supplierName: string;
  lgrTreatment:
    'undecided' | 'extend' | 'transfer' | 'novate' | 'host' | 'reprocure' | 'terminate' | 'expire';
  /** In contract order. */
  extensionOptions: { lengthMonths: number; exercised: boolean }[];
  /** Keys of the systems the contract covers. */
  systems: string[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  programme: BackupProgramme;
  councils: BackupCouncil[];
  successions: BackupSuccession[];
  serviceAreas: BackupServiceArea[];
  systems: BackupSystem[];
  contracts: BackupContract[];
}

/** A programme as loaded from the database: records carry their ids. */
export interface ProgrammeSnapshot {
  programme: BackupProgramme;
  councils: (Omit<BackupCouncil, 'key'> & { id: string })[];
  successions: { predecessorId: string; successorId: string; note: string | null }[];
  serviceAreas: (Omit<BackupServiceArea, 'key'> & { id: string })[];
  systems: (Omit<BackupSystem, 'key' | 'council' | 'serviceArea'> & {
    id: string;
    councilId: string;
    serviceAreaId: string | null;
  })[];
  contracts: (Omit<BackupContract, 'council' | 'systems'> & {
    id: string;
    councilId: string;
    systemIds: string[];
  })[];
}

type Sortable = string | number | boolean | null | Sortable[];

/** A total order that never depends on locale: null first, then by value, arrays element-wise. */
export function compareValues(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexBy<T>(items: readonly T[], id: (item: T) => string): Map<string, number> {
  return new Map(items.map((item, i) => [id(item), i]));
}

function lookup(map: Map<string, number>, id: string, what: string): number {
  const i = map.get(id);
  if (i === undefined) throw new Error(`The programme snapshot names an unknown ${what}: ${id}`);
  return i;
}

/** The canonical backup of a programme snapshot (see the rules at the top of this file). */
export function buildBackup(s: ProgrammeSnapshot): Backup {
  const councils = [...s.councils].sort((a, b) => compareValues(a.name, b.name));
  const councilIndex = indexBy(councils, (c) => c.id);
  const councilKey = (id: string) => `council-${lookup(councilIndex, id, 'council') + 1}`;

  const areas = [...s.serviceAreas].sort((a, b) => compareValues(a.name, b.name));
  const areaIndex = indexBy(areas, (a) => a.id);
  const areaKey = (id: string | null) =>
    id === null ? null : `area-${lookup(areaIndex, id, 'service area') + 1}`;

  const contracts = [...s.contracts].sort((a, b) =>
    compareValues(
      [lookup(councilIndex, a.councilId, 'council'), a.reference],
      [lookup(councilIndex, b.councilId, 'council'), b.reference]
    )
  );
  const contractIndex = indexBy(contracts, (c) => c.id);
  const coveredBy = new Map<string, number[]>();
  for (const c of contracts) {
    for (const systemId of c.systemIds) {
      const list = coveredBy.get(systemId) ?? [];
      list.push(lookup(contractIndex, c.id, 'contract'));
      coveredBy.set(systemId, list);
    }
  }
  const systemSortKey = (x: ProgrammeSnapshot['systems'][number]): Sortable => [
    lookup(councilIndex, x.councilId, 'council'),
    x.name,
    x.product,
    x.vendor,
    x.serviceAreaId === null ? -1 : lookup(areaIndex, x.serviceAreaId, 'service area'),
    x.hosting,
    x.users,
    x.annualCostPence,
    x.lifecycle,
    x.timeDisposition,
    x.dayOneCritical,
    [...(coveredBy.get(x.id) ?? [])].sort((p, q) => p - q)
  ];
  const systems = [...s.systems]
    .map((x) => ({ x, sortKey: systemSortKey(x) }))
    .sort((a, b) => compareValues(a.sortKey, b.sortKey))
    .map(({ x }) => x);
  const systemIndex = indexBy(systems, (x) => x.id);

  const successions = [...s.successions]
    .map((l) => ({
      p: lookup(councilIndex, l.predecessorId, 'council'),
      q: lookup(councilIndex, l.successorId, 'council'),
      note: l.note
    }))
    .sort((a, b) => compareValues([a.p, a.q], [b.p, b.q]));

  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    programme: {
      name: s.programme.name,
      area: s.programme.area,
      vestingDate: s.programme.vestingDate,
      horizonYears: s.programme.horizonYears,
      capacity: s.programme.capacity,
      stabilisationMonths: s.programme.stabilisationMonths
    },
    councils: councils.map((c, i) => ({
      key: `council-${i + 1}`,
      name: c.name,
      role: c.role,
      kind: c.kind,
      gssCode: c.gssCode,
      website: c.website,
      m365Tenant: c.m365Tenant
    })),
    successions: successions.map((l) => ({
      predecessor: `council-${l.p + 1}`,
      successor: `council-${l.q + 1}`,
      note: l.note
    })),
    serviceAreas: areas.map((a, i) => ({
      key: `area-${i + 1}`,
      name: a.name,
      category: a.category,
      priority: a.priority
    })),
    systems: systems.map((x, i) => ({
      key: `system-${i + 1}`,
      council: councilKey(x.councilId),
      serviceArea: areaKey(x.serviceAreaId),
      name: x.name,
      product: x.product,
      vendor: x.vendor,
      hosting: x.hosting,
      users: x.users,
      annualCostPence: x.annualCostPence,
      lifecycle: x.lifecycle,
      timeDisposition: x.timeDisposition,
      dayOneCritical: x.dayOneCritical
    })),
    contracts: contracts.map((c) => ({
      council: councilKey(c.councilId),
      reference: c.reference,
      title: c.title,
      description: c.description,
      department: c.department,
      supplierName: c.supplierName,
      supplierCompanyNumber: c.supplierCompanyNumber,
      startDate: c.startDate,
      endDate: c.endDate,
      reviewDate: c.reviewDate,
      noticePeriodValue: c.noticePeriodValue,
      noticePeriodUnit: c.noticePeriodUnit,
      maxEndDate: c.maxEndDate,
      annualValuePence: c.annualValuePence,
      totalValuePence: c.totalValuePence,
      lgrTreatment: c.lgrTreatment,
      decisionDate: c.decisionDate,
      decisionNotes: c.decisionNotes,
      extensionOptions: c.extensionOptions.map((o) => ({
        lengthMonths: o.lengthMonths,
        exercised: o.exercised
      })),
      systems: c.systemIds
        .map((id) => lookup(systemIndex, id, 'system'))
        .sort((p, q) => p - q)
        .map((i) => `system-${i + 1}`)
    }))
  };
}

/** The file's text: two-space JSON with a final newline, so it diffs line by line. */
export function serialiseBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * Problems a schema cannot see: keys that clash, references to records not in the file, and
 * what the database would refuse (a council name twice, a contract reference twice in one
 * council). Checked before anything is written, so a bad file writes nothing.
 */
export function backupProblems(b: Backup): string[] {
  const problems: string[] = [];
  const keys = (what: string, items: { key: string }[]) => {
    const seen = new Set<string>();
    for (const { key } of items) {
      if (seen.has(key)) problems.push(`The key "${key}" is used by two ${what}.`);
      seen.add(key);
    }
    return seen;
  };
  const unique = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) problems.push(`${what} ${value} appears twice.`);
      seen.add(value);
    }
  };
  const councilKeys = keys('councils', b.councils);
  const areaKeys = keys('service areas', b.serviceAreas);
  const systemKeys = keys('systems', b.systems);
  unique(
    'The council name',
    b.councils.map((c) => `"${c.name}"`)
  );
  unique(
    'The service area name',
    b.serviceAreas.map((a) => `"${a.name}"`)
  );

  const pairs = new Set<string>();
  for (const l of b.successions) {
    for (const key of [l.predecessor, l.successor]) {
      if (!councilKeys.has(key)) {
        problems.push(`A succession names the council "${key}", which is not in the file.`);
      }
    }
    if (l.predecessor === l.successor) {
      problems.push(`A succession links the council "${l.predecessor}" to itself.`);
    }
    const pair = `${l.predecessor} → ${l.successor}`;
    if (pairs.has(pair)) problems.push(`The succession ${pair} appears twice.`);
    pairs.add(pair);
  }
  for (const x of b.systems) {
    if (!councilKeys.has(x.council)) {
      problems.push(
        `The system "${x.name}" names the council "${x.council}", which is not in the file.`
      );
    }
    if (x.serviceArea !== null && !areaKeys.has(x.serviceArea)) {
      problems.push(
        `The system "${x.name}" names the service area "${x.serviceArea}", which is not in the file.`
      );
    }
  }
  const references = new Set<string>();
  for (const c of b.contracts) {
    if (!councilKeys.has(c.council)) {
      problems.push(
        `The contract "${c.reference}" names the council "${c.council}", which is not in the file.`
      );
    }
    const ref = `${c.council}/${c.reference}`;
    if (references.has(ref)) {
      problems.push(`The contract reference "${c.reference}" appears twice for one council.`);
    }
    references.add(ref);
    const linked = new Set<string>();
    for (const key of c.systems) {
      if (!systemKeys.has(key)) {
        problems.push(
          `The contract "${c.reference}" names the system "${key}", which is not in the file.`
        );
      }
      if (linked.has(key))
        problems.push(`The contract "${c.reference}" lists the system "${key}" twice.`);
      linked.add(key);
    }
  }
  return problems;
}
