import { addMonths, type IsoDate } from './dates';
import type { RoadmapItemKind, RoadmapSize, RoadmapStatus } from './roadmap';

/**
 * The demo programme's current plan: foundations around day one, then service redesigns paced
 * over a decade. A few things are wrong on purpose, so the demo shows the rules at work: too
 * many redesigns at once in the second and third years, a redesign starting before the one it
 * depends on has finished, one starting inside the stabilisation window, a finance contract
 * that needs bridging to go-live, a care contract running on long after it, two foundation
 * pieces that wait for each other, and service areas the decade never reaches. A draft second
 * scenario sketches only the first five years, so it stops short of the horizon.
 */
export interface DemoRoadmapItem {
  key: string;
  title: string;
  kind: RoadmapItemKind;
  serviceArea: string;
  status: RoadmapStatus;
  size: RoadmapSize;
  owner: string;
  /** Months from vesting day: discovery, alpha, beta, go-live, handover. */
  months: [number, number, number, number, number];
  dependsOn: string[];
  /** Demo contract references whose ends the item should meet. */
  contracts: string[];
  /** Demo system keys the item replaces. */
  systems: string[];
}

export interface DemoRoadmap {
  scenarioName: string;
  items: (Omit<DemoRoadmapItem, 'months'> & {
    startDate: IsoDate;
    alphaStart: IsoDate;
    betaStart: IsoDate;
    liveStart: IsoDate;
    endDate: IsoDate;
  })[];
  milestones: { name: string; date: IsoDate }[];
  /**
   * A second, draft scenario: the first five years only, as a team might sketch a faster
   * plan. It stops well short of the horizon, which the rules point out.
   */
  draft: { scenarioName: string; itemKeys: string[] };
}

const ITEMS: DemoRoadmapItem[] = [
  {
    key: 'tenancy',
    title: 'One Microsoft 365 tenancy',
    kind: 'foundation',
    serviceArea: 'Identity and collaboration',
    status: 'planned',
    size: 'l',
    owner: 'Head of IT',
    months: [-9, -8, -5, -1, 3],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'website',
    title: 'One website front door',
    kind: 'foundation',
    serviceArea: 'Website',
    status: 'planned',
    size: 'm',
    owner: 'Head of digital',
    months: [-6, -5, -3, 0, 6],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'erp',
    title: 'Single finance system',
    kind: 'foundation',
    serviceArea: 'Finance',
    status: 'planned',
    size: 'xl',
    owner: 'Director of finance',
    months: [3, 6, 12, 21, 27],
    dependsOn: ['tenancy'],
    contracts: ['TCC-ICT-0142'],
    systems: ['aldmoor-fin', 'brack-fin', 'dunmere-fin', 'eastwold-fin']
  },
  {
    key: 'libraries',
    title: 'Libraries redesign',
    kind: 'redesign',
    serviceArea: 'Libraries',
    status: 'proposed',
    size: 's',
    owner: 'Head of culture',
    months: [6, 8, 11, 15, 18],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'adults',
    title: "Adults' social care redesign",
    kind: 'redesign',
    serviceArea: "Adults' social care",
    status: 'planned',
    size: 'xl',
    owner: 'Director of adult services',
    months: [12, 14, 17, 18, 30],
    dependsOn: [],
    contracts: ['TCC-ASC-0077'],
    systems: ['county-care']
  },
  {
    key: 'revs',
    title: 'Revenues and benefits redesign',
    kind: 'redesign',
    serviceArea: 'Revenues and benefits',
    status: 'planned',
    size: 'l',
    owner: 'Head of revenues',
    months: [12, 15, 21, 30, 36],
    dependsOn: ['erp'],
    contracts: [],
    systems: ['aldmoor-revs']
  },
  {
    key: 'children',
    title: "Children's social care redesign",
    kind: 'redesign',
    serviceArea: "Children's social care",
    status: 'planned',
    size: 'xl',
    owner: 'Director of children’s services',
    months: [21, 24, 30, 42, 48],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'customer',
    title: 'Customer contact redesign',
    kind: 'redesign',
    serviceArea: 'Customer services',
    status: 'planned',
    size: 'l',
    owner: 'Head of customer services',
    months: [24, 27, 33, 39, 45],
    dependsOn: ['website'],
    contracts: [],
    systems: []
  },
  {
    key: 'waste',
    title: 'Waste and recycling redesign',
    kind: 'redesign',
    serviceArea: 'Waste and recycling',
    status: 'planned',
    size: 'm',
    owner: 'Head of environment',
    months: [42, 45, 51, 57, 63],
    dependsOn: ['customer'],
    contracts: [],
    systems: ['dunmere-waste']
  },
  {
    key: 'planning',
    title: 'Planning and building control redesign',
    kind: 'redesign',
    serviceArea: 'Planning and building control',
    status: 'proposed',
    size: 'm',
    owner: 'Head of planning',
    months: [60, 63, 69, 75, 81],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'housing',
    title: 'Housing and homelessness redesign',
    kind: 'redesign',
    serviceArea: 'Housing and homelessness',
    status: 'proposed',
    size: 'l',
    owner: 'Head of housing',
    months: [72, 75, 81, 90, 96],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'records',
    title: 'Records management consolidation',
    kind: 'foundation',
    serviceArea: 'Data and records',
    status: 'proposed',
    size: 'm',
    owner: 'Head of information governance',
    // Waits for the data platform to land the records in, which waits for the cleansed
    // records: a circle the plan has to break (one of the demo's deliberate problems).
    months: [30, 33, 39, 45, 51],
    dependsOn: ['data-platform'],
    contracts: [],
    systems: []
  },
  {
    key: 'data-platform',
    title: 'Shared data and reporting platform',
    kind: 'foundation',
    serviceArea: 'Data and records',
    status: 'proposed',
    size: 'l',
    owner: 'Head of IT',
    months: [33, 36, 42, 48, 54],
    dependsOn: ['records'],
    contracts: [],
    systems: []
  },
  {
    key: 'highways',
    title: 'Highways and transport redesign',
    kind: 'redesign',
    serviceArea: 'Highways and transport',
    status: 'proposed',
    size: 'm',
    owner: 'Head of highways',
    months: [87, 90, 96, 102, 110],
    dependsOn: [],
    contracts: [],
    systems: []
  },
  {
    key: 'council-tax',
    title: 'Council tax redesign',
    kind: 'redesign',
    serviceArea: 'Council tax',
    status: 'proposed',
    size: 'm',
    owner: 'Head of revenues',
    months: [96, 99, 104, 110, 116],
    dependsOn: ['revs'],
    contracts: [],
    systems: []
  },
  {
    key: 'adults-2',
    title: "Adults' social care: second round",
    kind: 'redesign',
    serviceArea: "Adults' social care",
    status: 'proposed',
    size: 'l',
    owner: 'Director of adult services',
    // Ten years on, the first redesign's platform is due for replacement.
    months: [102, 105, 110, 116, 120],
    dependsOn: ['adults'],
    contracts: [],
    systems: []
  }
];

export function buildDemoRoadmap(vestingDate: IsoDate): DemoRoadmap {
  const at = (months: number) => addMonths(vestingDate, months);
  return {
    scenarioName: 'Current plan',
    items: ITEMS.map(({ months, ...item }) => ({
      ...item,
      startDate: at(months[0]),
      alphaStart: at(months[1]),
      betaStart: at(months[2]),
      liveStart: at(months[3]),
      endDate: at(months[4])
    })),
    milestones: [
      { name: 'Stabilisation ends', date: at(12) },
      { name: 'First round reviewed', date: at(60) }
    ],
    draft: {
      scenarioName: 'Five-year plan (draft)',
      itemKeys: ['tenancy', 'website', 'erp', 'libraries', 'adults', 'revs', 'children', 'customer']
    }
  };
}
