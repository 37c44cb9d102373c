import {
  currentEnd,
  maximumEnd,
  noticeDeadline,
  remainingMonths,
  type ContractTerms
} from '../contracts';
import type { IsoDate } from '../dates';

/**
 * Everything the checks read about one programme, loaded by the server in a few queries
 * (src/lib/server/checks/snapshot.ts) or generated in memory (bench/checks.js). Absent facts
 * are absent rows, never defaults: the checks turn them into "not known".
 */

export type TenancyStatus =
  'in_target' | 'migration_planned' | 'cross_tenant' | 'not_started' | 'unknown';

export type FinanceMove = 'migrated' | 'hosted' | 'not_planned';

export type RedirectPlan = 'live' | 'planned' | 'none';

export type ControlStatus = 'met' | 'in_progress' | 'not_met' | 'not_applicable';

export type LgrTreatment =
  'undecided' | 'extend' | 'transfer' | 'novate' | 'host' | 'reprocure' | 'terminate' | 'expire';

export interface SnapshotCouncil {
  id: string;
  name: string;
  role: 'predecessor' | 'successor';
  website: string | null;
}

/** Day-one facts about one council; which fields apply depends on its role. */
export interface CouncilFacts {
  councilId: string;
  // predecessor
  tenancyStatus: TenancyStatus | null;
  tenancyDate: IsoDate | null;
  financeMove: FinanceMove | null;
  financeHostCouncilId: string | null;
  financeDate: IsoDate | null;
  redirectPlan: RedirectPlan | null;
  redirectDate: IsoDate | null;
  /** Are residents routed to services that stay on this council's legacy systems? */
  legacyRouting: boolean | null;
  // successor
  targetTenant: string | null;
  financeSystemId: string | null;
  websiteUrl: string | null;
  websiteGoLive: IsoDate | null;
}

export interface SnapshotContract {
  id: string;
  councilId: string;
  reference: string;
  title: string;
  supplierName: string;
  treatment: LgrTreatment;
  /** Derived with domain/contracts.ts when the snapshot is built. */
  endDate: IsoDate | null;
  currentEnd: IsoDate | null;
  maximumEnd: IsoDate | null;
  noticeDeadline: IsoDate | null;
  remainingMonths: number;
}

export interface ChecksSnapshot {
  programme: {
    slug: string;
    name: string;
    vestingDate: IsoDate;
    /** Months after vesting day before redesigns may start. */
    stabilisationMonths: number;
  };
  councils: SnapshotCouncil[];
  successions: { predecessorId: string; successorId: string }[];
  systems: { id: string; councilId: string; serviceAreaId: string | null; name: string }[];
  contracts: SnapshotContract[];
  facts: CouncilFacts[];
  securityControls: { id: string; name: string }[];
  securityStatuses: {
    controlId: string;
    councilId: string;
    status: ControlStatus;
    evidence: string | null;
    expiryDate: IsoDate | null;
  }[];
  savings: {
    id: string;
    programmeYear: number;
    category: 'digital' | 'other';
    description: string;
    amountPence: number;
  }[];
  /** The roadmap's redesign starts; null while the programme has no roadmap. */
  redesigns:
    { id: string; title: string; serviceAreaId: string | null; start: IsoDate | null }[] | null;
}

/** A contract row as stored, with its derived dates for the checks. */
export function contractForChecks(
  row: Omit<SnapshotContract, 'currentEnd' | 'maximumEnd' | 'noticeDeadline' | 'remainingMonths'>,
  terms: ContractTerms
): SnapshotContract {
  return {
    ...row,
    currentEnd: currentEnd(terms),
    maximumEnd: maximumEnd(terms),
    noticeDeadline: noticeDeadline(terms),
    remainingMonths: remainingMonths(terms)
  };
}

export function emptyFacts(councilId: string): CouncilFacts {
  return {
    councilId,
    tenancyStatus: null,
    tenancyDate: null,
    financeMove: null,
    financeHostCouncilId: null,
    financeDate: null,
    redirectPlan: null,
    redirectDate: null,
    legacyRouting: null,
    targetTenant: null,
    financeSystemId: null,
    websiteUrl: null,
    websiteGoLive: null
  };
}
