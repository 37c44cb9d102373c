import {
  contractForChecks,
  emptyFacts,
  type ChecksSnapshot,
  type CouncilFacts,
  type SnapshotContract
} from '#lib/domain/checks/index.ts';
import type { ContractTerms } from '#lib/domain/contracts.ts';

/**
 * A small programme for check tables: a county split between North and South, one district
 * going to each. Every fact is "good" unless a case overrides it, so each row changes one thing.
 */
export const TODAY = '2027-06-01';
export const VESTING = '2028-04-01';
export const COUNCILS = {
  north: 'n0000000-0000-0000-0000-000000000001',
  south: 's0000000-0000-0000-0000-000000000002',
  county: 'c0000000-0000-0000-0000-000000000003',
  alpha: 'a0000000-0000-0000-0000-000000000004',
  beta: 'b0000000-0000-0000-0000-000000000005'
} as const;
export type CouncilKey = keyof typeof COUNCILS;
const PREDECESSORS: CouncilKey[] = ['county', 'alpha', 'beta'];

export function goodFacts(key: CouncilKey): CouncilFacts {
  const id = COUNCILS[key];
  if (key === 'north' || key === 'south') {
    return {
      ...emptyFacts(id),
      targetTenant: `${key}.onmicrosoft.com`,
      financeSystemId: 'sys-fin',
      websiteUrl: `https://www.${key}.gov.example`,
      websiteGoLive: '2028-01-15'
    };
  }
  return {
    ...emptyFacts(id),
    tenancyStatus: 'in_target',
    financeMove: 'migrated',
    financeDate: '2028-01-01',
    redirectPlan: 'live',
    legacyRouting: true
  };
}

export function contract(
  id: string,
  council: CouncilKey,
  terms: Partial<ContractTerms>,
  treatment: SnapshotContract['treatment'] = 'undecided'
): SnapshotContract {
  const full: ContractTerms = {
    startDate: null,
    endDate: null,
    noticePeriodValue: null,
    noticePeriodUnit: null,
    maxEndDate: null,
    extensionOptions: [],
    ...terms
  };
  return contractForChecks(
    {
      id,
      councilId: COUNCILS[council],
      reference: id.toUpperCase(),
      title: `Contract ${id}`,
      supplierName: 'Supplier Ltd',
      treatment,
      endDate: full.endDate
    },
    full
  );
}

export interface Overrides {
  vestingDate?: string;
  stabilisationMonths?: number;
  facts?: Partial<Record<CouncilKey, Partial<CouncilFacts>>>;
  snapshot?: Partial<ChecksSnapshot>;
}

export function snapshot(overrides: Overrides = {}): ChecksSnapshot {
  const keys = Object.keys(COUNCILS) as CouncilKey[];
  const controls = [
    { id: 'mfa', name: 'MFA for all staff' },
    { id: 'ceplus', name: 'Cyber Essentials Plus' }
  ];
  return {
    programme: {
      slug: 'test',
      name: 'Test programme',
      vestingDate: overrides.vestingDate ?? VESTING,
      stabilisationMonths: overrides.stabilisationMonths ?? 12
    },
    councils: keys.map((key) => ({
      id: COUNCILS[key],
      name: key[0]!.toUpperCase() + key.slice(1),
      role: PREDECESSORS.includes(key) ? 'predecessor' : 'successor',
      website: null
    })),
    successions: [
      { predecessorId: COUNCILS.county, successorId: COUNCILS.north },
      { predecessorId: COUNCILS.county, successorId: COUNCILS.south },
      { predecessorId: COUNCILS.alpha, successorId: COUNCILS.north },
      { predecessorId: COUNCILS.beta, successorId: COUNCILS.south }
    ],
    systems: [
      { id: 'sys-fin', councilId: COUNCILS.county, serviceAreaId: 'finance', name: 'ERP' },
      { id: 'sys-a', councilId: COUNCILS.alpha, serviceAreaId: 'waste', name: 'Bins' },
      { id: 'sys-b', councilId: COUNCILS.beta, serviceAreaId: 'waste', name: 'Rounds' }
    ],
    contracts: [
      contract('far', 'county', { endDate: '2031-03-31' }),
      contract('decided', 'alpha', { endDate: '2028-02-28' }, 'transfer')
    ],
    facts: keys.map((key) => ({ ...goodFacts(key), ...overrides.facts?.[key] })),
    securityControls: controls,
    securityStatuses: keys.flatMap((key) =>
      controls.map((c) => ({
        controlId: c.id,
        councilId: COUNCILS[key],
        status: 'met' as const,
        evidence: 'Certificate',
        expiryDate: c.id === 'ceplus' ? '2029-01-31' : null
      }))
    ),
    savings: [
      {
        id: 'sv1',
        programmeYear: 1,
        category: 'other',
        description: 'Senior management',
        amountPence: 100_000_00
      },
      {
        id: 'sv2',
        programmeYear: 4,
        category: 'digital',
        description: 'Licences',
        amountPence: 50_000_00
      }
    ],
    redesigns: [{ id: 'r1', title: 'Waste redesign', serviceAreaId: 'waste', start: '2029-06-01' }],
    ...overrides.snapshot
  };
}
