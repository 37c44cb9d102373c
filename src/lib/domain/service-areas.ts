/**
 * The starting list of service areas a new programme gets: what councils do, and the
 * corporate foundations day one stands on. Our own list; each programme edits its copy.
 * Priority 1 is highest: the foundations day one needs, and the services with most risk.
 */
export interface StandardServiceArea {
  name: string;
  category: 'service' | 'foundation';
  priority: 1 | 2 | 3;
}

export const STANDARD_SERVICE_AREAS: readonly StandardServiceArea[] = [
  { name: "Adults' social care", category: 'service', priority: 1 },
  { name: "Children's social care", category: 'service', priority: 1 },
  { name: 'Education and SEND', category: 'service', priority: 1 },
  { name: 'Revenues and benefits', category: 'service', priority: 1 },
  { name: 'Council tax', category: 'service', priority: 1 },
  { name: 'Waste and recycling', category: 'service', priority: 2 },
  { name: 'Planning and building control', category: 'service', priority: 2 },
  { name: 'Housing and homelessness', category: 'service', priority: 1 },
  { name: 'Highways and transport', category: 'service', priority: 2 },
  { name: 'Environmental health', category: 'service', priority: 2 },
  { name: 'Licensing', category: 'service', priority: 3 },
  { name: 'Libraries', category: 'service', priority: 3 },
  { name: 'Leisure and culture', category: 'service', priority: 3 },
  { name: 'Elections and democratic services', category: 'service', priority: 1 },
  { name: 'Registration of births, deaths and marriages', category: 'service', priority: 2 },
  { name: 'Customer services', category: 'service', priority: 2 },
  { name: 'Finance', category: 'foundation', priority: 1 },
  { name: 'HR and payroll', category: 'foundation', priority: 1 },
  { name: 'Identity and collaboration', category: 'foundation', priority: 1 },
  { name: 'Website', category: 'foundation', priority: 1 },
  { name: 'Network and security', category: 'foundation', priority: 1 },
  { name: 'Data and records', category: 'foundation', priority: 2 },
  { name: 'Procurement and contract management', category: 'foundation', priority: 2 },
  { name: 'Devices and end-user computing', category: 'foundation', priority: 2 }
];
