import { addMonths, type IsoDate } from './dates';
import type { CouncilFacts } from './checks/snapshot';

/**
 * The demo's day-one facts, chosen so the readiness page shows every status: websites and
 * inventory pass, tenancy and finance warn, contracts and savings fail, security and the
 * roadmap are not known yet. Council and system keys are those of demo-programme.ts.
 */
export type DemoFacts = Partial<
  Omit<CouncilFacts, 'councilId' | 'financeSystemId' | 'financeHostCouncilId'>
> & {
  financeSystem?: string;
  financeHost?: string;
};

export interface DemoDayOne {
  facts: Record<string, DemoFacts>;
  /** Council keys whose security controls are recorded (all met); the rest are not known. */
  securityRecorded: string[];
  /** One control of one council that expires soon after vesting day. */
  expiring: { council: string; control: string; expiryDate: IsoDate };
  savings: {
    programmeYear: number;
    category: 'digital' | 'other';
    description: string;
    amountPence: number;
  }[];
}

export function buildDemoDayOne(vestingDate: IsoDate): DemoDayOne {
  const before = (months: number) => addMonths(vestingDate, -months);
  const redirects = {
    redirectPlan: 'planned' as const,
    redirectDate: before(1),
    legacyRouting: true
  };
  return {
    facts: {
      north: {
        targetTenant: 'norththornshire.onmicrosoft.com',
        financeSystem: 'county-erp',
        websiteUrl: 'https://www.norththornshire.gov.example',
        websiteGoLive: before(2)
      },
      south: {
        targetTenant: 'souththornshire.onmicrosoft.com',
        financeSystem: 'dunmere-fin',
        websiteUrl: 'https://www.souththornshire.gov.example',
        websiteGoLive: before(2)
      },
      thornshire: {
        tenancyStatus: 'in_target',
        financeMove: 'migrated',
        financeDate: before(2),
        ...redirects
      },
      aldmoor: {
        tenancyStatus: 'migration_planned',
        tenancyDate: before(4),
        financeMove: 'migrated',
        financeDate: before(3),
        ...redirects
      },
      brackenford: {
        tenancyStatus: 'migration_planned',
        tenancyDate: before(3),
        financeMove: 'migrated',
        financeDate: before(3),
        ...redirects
      },
      castlebridge: {
        tenancyStatus: 'cross_tenant',
        financeMove: 'hosted',
        financeHost: 'thornshire',
        financeDate: before(2),
        ...redirects
      },
      dunmere: {
        tenancyStatus: 'migration_planned',
        tenancyDate: before(5),
        financeMove: 'migrated',
        financeDate: before(3),
        ...redirects
      },
      eastwold: {
        tenancyStatus: 'migration_planned',
        tenancyDate: before(5),
        financeMove: 'migrated',
        financeDate: before(3),
        ...redirects
      }
    },
    securityRecorded: ['north', 'south', 'thornshire'],
    expiring: {
      council: 'thornshire',
      control: 'Cyber Essentials Plus',
      expiryDate: addMonths(vestingDate, 3)
    },
    savings: [
      {
        programmeYear: 1,
        category: 'other',
        description: 'One senior management team',
        amountPence: 2_400_000_00
      },
      {
        programmeYear: 2,
        category: 'other',
        description: 'Shared office space',
        amountPence: 900_000_00
      },
      {
        programmeYear: 2,
        category: 'digital',
        description: 'Finance system licences',
        amountPence: 350_000_00
      },
      {
        programmeYear: 4,
        category: 'digital',
        description: 'Application rationalisation',
        amountPence: 1_200_000_00
      }
    ]
  };
}
