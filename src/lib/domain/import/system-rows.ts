import {
  readChoice,
  readCount,
  readMoney,
  readRequiredText,
  readText,
  readYesNo,
  type Read
} from './cells';
import type { RowProblem, RowResult } from './contract-rows';
import type { SystemField } from './system-headers';
import type { Cell } from './table';

type Hosting = 'on_premises' | 'hosted' | 'saas';
type Disposition = 'tolerate' | 'invest' | 'migrate' | 'eliminate';

/** One row of a list of systems; as for contracts, unmapped fields are left out. */
export interface ImportedSystem {
  name: string;
  councilName?: string | null;
  serviceAreaName?: string | null;
  product?: string | null;
  vendor?: string | null;
  hosting?: Hosting | null;
  users?: number | null;
  annualCostPence?: number | null;
  lifecycle?: string | null;
  timeDisposition?: Disposition | null;
  dayOneCritical?: boolean;
}

export const SYSTEM_FIELD_LABELS: Record<SystemField, string> = {
  name: 'Name',
  product: 'Product',
  vendor: 'Vendor',
  hosting: 'Hosting',
  users: 'Users',
  annualCost: 'Annual cost',
  lifecycle: 'Lifecycle',
  timeDisposition: 'TIME disposition',
  dayOneCritical: 'Critical on day one',
  serviceArea: 'Service area',
  councilName: 'Council'
};

export const REQUIRED_SYSTEM_FIELDS: SystemField[] = ['name'];

/** The words people use for each hosting model, normalised to lower case and single spaces. */
export const HOSTING_WORDS: Record<string, Hosting> = {
  'on premises': 'on_premises',
  'on premise': 'on_premises',
  'on prem': 'on_premises',
  onprem: 'on_premises',
  'in house': 'on_premises',
  local: 'on_premises',
  'data centre': 'on_premises',
  hosted: 'hosted',
  'supplier hosted': 'hosted',
  'vendor hosted': 'hosted',
  'third party hosted': 'hosted',
  'managed service': 'hosted',
  'private cloud': 'hosted',
  saas: 'saas',
  'software as a service': 'saas',
  cloud: 'saas',
  'public cloud': 'saas'
};

const TIME_WORDS: Record<string, Disposition> = {
  tolerate: 'tolerate',
  t: 'tolerate',
  invest: 'invest',
  i: 'invest',
  migrate: 'migrate',
  m: 'migrate',
  eliminate: 'eliminate',
  e: 'eliminate',
  retire: 'eliminate',
  decommission: 'eliminate'
};

export function readSystemRow(
  cells: Partial<Record<SystemField, Cell>>
): RowResult<ImportedSystem> {
  const problems: RowProblem[] = [];
  const has = (field: SystemField) => field in cells;
  const take = <T>(field: SystemField, read: Read<T>): T | undefined => {
    if (read.ok) return read.value;
    problems.push({ field, message: read.message });
    return undefined;
  };
  const record: ImportedSystem = {
    name: take('name', readRequiredText(cells.name ?? null, 200, 'Enter the system’s name')) ?? ''
  };
  for (const field of ['product', 'vendor', 'lifecycle'] as const) {
    if (has(field)) record[field] = take(field, readText(cells[field]!, 200));
  }
  if (has('councilName'))
    record.councilName = take('councilName', readText(cells.councilName!, 200));
  if (has('serviceArea')) {
    record.serviceAreaName = take('serviceArea', readText(cells.serviceArea!, 200));
  }
  if (has('hosting')) {
    record.hosting = take(
      'hosting',
      readChoice(cells.hosting!, HOSTING_WORDS, 'hosting model', 'On premises, Hosted or SaaS')
    );
  }
  if (has('users')) record.users = take('users', readCount(cells.users!, 10_000_000));
  if (has('annualCost')) {
    record.annualCostPence = take('annualCost', readMoney(cells.annualCost!, 'Annual cost'));
  }
  if (has('timeDisposition')) {
    record.timeDisposition = take(
      'timeDisposition',
      readChoice(
        cells.timeDisposition!,
        TIME_WORDS,
        'TIME disposition',
        'Tolerate, Invest, Migrate or Eliminate'
      )
    );
  }
  if (has('dayOneCritical')) {
    const critical = take('dayOneCritical', readYesNo(cells.dayOneCritical!));
    if (critical !== undefined) record.dayOneCritical = critical ?? false;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}
