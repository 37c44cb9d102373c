import { exact, proposeColumns, type ColumnProposal, type HeaderRule } from './headers';

/**
 * Column headers of councils' lists of systems (application inventories), matched to our
 * system fields. There is no published standard for these lists, so the synonyms come from
 * the words IT teams use: "Application", "Supplier", "Hosting model", "Licence cost".
 */
export const SYSTEM_FIELDS = [
  'name',
  'product',
  'vendor',
  'hosting',
  'users',
  'annualCost',
  'lifecycle',
  'timeDisposition',
  'dayOneCritical',
  'serviceArea',
  'councilName'
] as const;

export type SystemField = (typeof SYSTEM_FIELDS)[number];

export const SYSTEM_HEADER_SYNONYMS: Record<SystemField, HeaderRule[]> = {
  name: [
    ...exact(
      'name; system; system name; application; application name; app; app name',
      'service name; solution; solution name; asset name'
    ),
    { pattern: /^(?!.*\b(vendor|supplier|product|service area|council)\b).*\bname\b/, score: 50 }
  ],
  product: [
    ...exact('product; product name; software; software product; package; module'),
    { pattern: /\bproduct\b/, score: 60 }
  ],
  vendor: [
    ...exact('vendor; vendor name; supplier; supplier name; provider; manufacturer; developer'),
    { pattern: /\b(vendor|supplier|provider)\b/, score: 60 }
  ],
  hosting: [
    ...exact('hosting; hosting model; hosted; hosting type; deployment; deployment model'),
    { pattern: /\b(hosting|hosted|deployment|cloud|on prem)\b/, score: 60 }
  ],
  users: [
    ...exact('users; number of users; no of users; user count; licences; licenses; seats'),
    { pattern: /\busers?\b/, score: 60 }
  ],
  annualCost: [
    ...exact(
      'annual cost; cost; annual spend; annual licence cost; annual license cost',
      'licence cost; license cost; yearly cost; cost per year; cost pa; running cost'
    ),
    { pattern: /\b(cost|spend|budget)\b/, score: 55 }
  ],
  lifecycle: [
    ...exact('lifecycle; life cycle; lifecycle stage; status; support status; end of life'),
    { pattern: /\b(lifecycle|life cycle)\b/, score: 60 }
  ],
  timeDisposition: [
    ...exact('time; time disposition; time model; time category; disposition; recommendation'),
    { pattern: /\btime\b.*\b(disposition|model|category|rating)\b/, score: 70 }
  ],
  dayOneCritical: [
    ...exact(
      'day one critical; critical on day one; day 1 critical; critical; business critical',
      'safe and legal; day one'
    ),
    { pattern: /\b(critical|day one|day 1)\b/, score: 60 }
  ],
  serviceArea: [
    ...exact(
      'service area; service; directorate; department; business area; capability',
      'function; service function'
    ),
    { pattern: /\b(service area|directorate|department|capability)\b/, score: 55 }
  ],
  councilName: [
    ...exact('council; council name; authority; authority name; organisation; organisation name'),
    { pattern: /\b(council|authority)\b/, score: 55 }
  ]
};

/** {@link proposeColumns} for a list of systems. */
export function proposeSystemMapping(headers: string[]): ColumnProposal<SystemField> {
  return proposeColumns(headers, SYSTEM_FIELDS, SYSTEM_HEADER_SYNONYMS);
}
