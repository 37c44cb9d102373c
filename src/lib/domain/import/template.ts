import type { ImportKind } from './kinds';

/**
 * Our preferred layout for each kind of register: one heading per field, worded so that the
 * mapping proposes every column without help, with an example row in each accepted format.
 */
export const TEMPLATES: Record<ImportKind, { headers: string[]; example: string[] }> = {
  contracts: {
    headers: [
      'Reference',
      'Title',
      'Description',
      'Department',
      'Supplier name',
      'Supplier company number',
      'Start date',
      'End date',
      'Review date',
      'Latest possible end date',
      'Extension options',
      'Notice period',
      'Annual value',
      'Total value',
      'Council'
    ],
    example: [
      'CR-0001',
      'Revenues and benefits system',
      'Software licence and support for council tax and benefits',
      'Finance',
      'Example Software Ltd',
      '01234567',
      '01/04/2022',
      '31/03/2026',
      '01/10/2025',
      '31/03/2028',
      '1+1 years',
      '6 months',
      '£120,000',
      '£480,000',
      ''
    ]
  },
  systems: {
    headers: [
      'Name',
      'Council',
      'Service area',
      'Product',
      'Vendor',
      'Hosting',
      'Users',
      'Annual cost',
      'Lifecycle',
      'TIME disposition',
      'Day one critical'
    ],
    example: [
      'Revenues and benefits',
      '',
      '',
      'Example Revs',
      'Example Software Ltd',
      'Hosted',
      '120',
      '£95,000',
      'Supported until 2027',
      'Migrate',
      'Yes'
    ]
  }
};

/** A CSV cell: quoted when it holds a delimiter, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV as Excel's "CSV UTF-8" writes it: a byte-order mark (so "£" opens right) and CRLF. */
export function templateCsv(kind: ImportKind): string {
  const { headers, example } = TEMPLATES[kind];
  return `\uFEFF${[headers, example].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
