import { addMonths, type IsoDate } from './dates';
import { STANDARD_SERVICE_AREAS } from './service-areas';
import { nextFirstOfApril } from './vesting';

/**
 * The fictional programme a new installation shows: Thornshire County Council and its five
 * districts become two unitary councils, North and South Thornshire. Every name, code and
 * supplier is invented. Dates are relative to the day the demo is created, so the demo
 * always has vesting day about sixteen months ahead.
 */

export type DemoCouncilKind = 'county' | 'district' | 'unitary';

export interface DemoCouncil {
  key: string;
  name: string;
  role: 'predecessor' | 'successor';
  kind: DemoCouncilKind;
  gssCode: string | null;
  website: string | null;
  m365Tenant: string | null;
  /** Keys of the successors this council's area passes to. */
  succeededBy: string[];
}

export interface DemoServiceArea {
  name: string;
  category: 'service' | 'foundation';
  priority: number;
}

export interface DemoSystem {
  key: string;
  council: string;
  serviceArea: string;
  name: string;
  product: string;
  vendor: string;
  hosting: 'on_premises' | 'hosted' | 'saas';
  users: number;
  annualCostPence: number;
  timeDisposition: 'tolerate' | 'invest' | 'migrate' | 'eliminate';
  dayOneCritical: boolean;
}

export interface DemoContract {
  council: string;
  reference: string;
  title: string;
  supplierName: string;
  department: string;
  startDate: IsoDate;
  endDate: IsoDate;
  noticePeriodValue: number;
  noticePeriodUnit: 'days' | 'months';
  annualValuePence: number;
  extensionMonths: number[];
  /** How many of the options, in order, have already been used (0 when absent). */
  exercisedOptions?: number;
  systems: string[];
}

export interface DemoProgramme {
  name: string;
  slug: string;
  area: string;
  vestingDate: IsoDate;
  councils: DemoCouncil[];
  serviceAreas: DemoServiceArea[];
  systems: DemoSystem[];
  contracts: DemoContract[];
}

export const DEMO_EMAIL = 'demo@vesting-day.example';

const council = (
  key: string,
  name: string,
  kind: DemoCouncilKind,
  gssCode: string,
  succeededBy: string[]
): DemoCouncil => ({
  key,
  name,
  role: 'predecessor',
  kind,
  gssCode,
  website: `https://www.${key}.gov.example`,
  m365Tenant: `${key}council.onmicrosoft.com`,
  succeededBy
});

export function buildDemoProgramme(today: IsoDate): DemoProgramme {
  const vestingDate = nextFirstOfApril(today, 15);
  // Contract end dates placed around day one so the contract views have something to say.
  const around = (months: number) => addMonths(vestingDate, months);
  return {
    name: 'Thornshire reorganisation (demo)',
    slug: 'thornshire-demo',
    area: 'Thornshire (fictional)',
    vestingDate,
    councils: [
      council('thornshire', 'Thornshire County Council', 'county', 'E10999901', ['north', 'south']),
      council('aldmoor', 'Aldmoor District Council', 'district', 'E07999901', ['north']),
      council('brackenford', 'Brackenford Borough Council', 'district', 'E07999902', ['north']),
      council('castlebridge', 'Castlebridge City Council', 'district', 'E07999903', ['north']),
      council('dunmere', 'Dunmere District Council', 'district', 'E07999904', ['south']),
      council('eastwold', 'Eastwold District Council', 'district', 'E07999905', ['south']),
      {
        key: 'north',
        name: 'North Thornshire Council',
        role: 'successor',
        kind: 'unitary',
        gssCode: null,
        website: null,
        m365Tenant: null,
        succeededBy: []
      },
      {
        key: 'south',
        name: 'South Thornshire Council',
        role: 'successor',
        kind: 'unitary',
        gssCode: null,
        website: null,
        m365Tenant: null,
        succeededBy: []
      }
    ],
    serviceAreas: STANDARD_SERVICE_AREAS.map((a) => ({ ...a })),
    systems: [
      system(
        'county-erp',
        'thornshire',
        'Finance',
        'Corporate ERP',
        'Ledgerline ERP',
        'Ledgerline Ltd',
        'hosted',
        1800,
        42_000_000,
        'migrate',
        true
      ),
      system(
        'aldmoor-fin',
        'aldmoor',
        'Finance',
        'Financials',
        'Civic Ledger',
        'Northgate Civic Ltd',
        'on_premises',
        120,
        6_500_000,
        'eliminate',
        true
      ),
      system(
        'brack-fin',
        'brackenford',
        'Finance',
        'Financials',
        'Civic Ledger',
        'Northgate Civic Ltd',
        'on_premises',
        140,
        7_000_000,
        'eliminate',
        true
      ),
      system(
        'castle-fin',
        'castlebridge',
        'Finance',
        'Finance system',
        'Ledgerline ERP',
        'Ledgerline Ltd',
        'saas',
        210,
        9_800_000,
        'tolerate',
        true
      ),
      system(
        'dunmere-fin',
        'dunmere',
        'Finance',
        'Financials',
        'Abacus Finance',
        'Abacus Public Sector Ltd',
        'hosted',
        95,
        5_200_000,
        'eliminate',
        true
      ),
      system(
        'eastwold-fin',
        'eastwold',
        'Finance',
        'Financials',
        'Abacus Finance',
        'Abacus Public Sector Ltd',
        'hosted',
        90,
        5_100_000,
        'eliminate',
        true
      ),
      system(
        'county-care',
        'thornshire',
        "Adults' social care",
        'Care records',
        'CareBook',
        'CareBook Systems Ltd',
        'saas',
        950,
        61_000_000,
        'tolerate',
        true
      ),
      system(
        'aldmoor-revs',
        'aldmoor',
        'Revenues and benefits',
        'Council tax and benefits',
        'RevBen',
        'Tally Software Ltd',
        'on_premises',
        60,
        11_000_000,
        'migrate',
        true
      ),
      system(
        'dunmere-waste',
        'dunmere',
        'Waste and recycling',
        'Waste rounds',
        'BinRoute',
        'Routewise Ltd',
        'saas',
        40,
        2_400_000,
        'tolerate',
        false
      )
    ],
    contracts: [
      contract(
        'thornshire',
        'TCC-ICT-0142',
        'Corporate ERP licence and support',
        'Ledgerline Ltd',
        'Finance',
        around(-60),
        around(3),
        6,
        'months',
        42_000_000,
        [12, 12],
        ['county-erp']
      ),
      {
        // Its one option already used: the runway shows an exercised extension.
        ...contract(
          'thornshire',
          'TCC-ASC-0077',
          'Adult social care case management',
          'CareBook Systems Ltd',
          "Adults' services",
          around(-36),
          around(30),
          3,
          'months',
          61_000_000,
          [24],
          ['county-care']
        ),
        exercisedOptions: 1
      },
      contract(
        'aldmoor',
        'ADC/2019/014',
        'Financial management system support',
        'Northgate Civic Ltd',
        'Resources',
        around(-84),
        around(-2),
        90,
        'days',
        6_500_000,
        [],
        ['aldmoor-fin']
      ),
      contract(
        'brackenford',
        'BBC-FIN-2021-3',
        'Finance system maintenance',
        'Northgate Civic Ltd',
        'Finance',
        around(-48),
        around(1),
        3,
        'months',
        7_000_000,
        [12],
        ['brack-fin']
      ),
      contract(
        'castlebridge',
        'CCC-0456',
        'Cloud finance subscription',
        'Ledgerline Ltd',
        'Corporate services',
        around(-24),
        around(18),
        6,
        'months',
        9_800_000,
        [12, 12],
        ['castle-fin']
      ),
      contract(
        'dunmere',
        'DDC-WST-09',
        'Waste rounds software',
        'Routewise Ltd',
        'Environment',
        around(-30),
        around(-6),
        30,
        'days',
        2_400_000,
        [12],
        ['dunmere-waste']
      )
    ]
  };
}

function system(
  key: string,
  councilKey: string,
  serviceArea: string,
  name: string,
  product: string,
  vendor: string,
  hosting: DemoSystem['hosting'],
  users: number,
  annualCostPence: number,
  timeDisposition: DemoSystem['timeDisposition'],
  dayOneCritical: boolean
): DemoSystem {
  return {
    key,
    council: councilKey,
    serviceArea,
    name,
    product,
    vendor,
    hosting,
    users,
    annualCostPence,
    timeDisposition,
    dayOneCritical
  };
}

function contract(
  councilKey: string,
  reference: string,
  title: string,
  supplierName: string,
  department: string,
  startDate: IsoDate,
  endDate: IsoDate,
  noticePeriodValue: number,
  noticePeriodUnit: DemoContract['noticePeriodUnit'],
  annualValuePence: number,
  extensionMonths: number[],
  systems: string[]
): DemoContract {
  return {
    council: councilKey,
    reference,
    title,
    supplierName,
    department,
    startDate,
    endDate,
    noticePeriodValue,
    noticePeriodUnit,
    annualValuePence,
    extensionMonths,
    systems
  };
}
