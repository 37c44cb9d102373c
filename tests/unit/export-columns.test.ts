import { describe, expect, it } from 'vitest';
import {
  CONTRACT_COLUMNS,
  csvCellText,
  SYSTEM_COLUMNS,
  type ContractExportRow,
  type SystemExportRow
} from '#lib/domain/export/index.ts';

const base: ContractExportRow = {
  councilName: 'Aldmoor District Council',
  reference: 'ADC-1',
  title: 'Finance system',
  description: null,
  department: null,
  supplierName: 'Ledgerline Ltd',
  supplierCompanyNumber: null,
  startDate: '2024-04-01',
  endDate: '2028-01-31',
  reviewDate: null,
  noticePeriodValue: 3,
  noticePeriodUnit: 'months',
  maxEndDate: null,
  annualValuePence: 4_200_050,
  totalValuePence: null,
  lgrTreatment: 'novate',
  decisionDate: null,
  decisionNotes: null,
  extensionOptions: [
    { lengthMonths: 12, exercised: true },
    { lengthMonths: 12, exercised: false }
  ],
  systemNames: ['Financials', 'Payroll']
};

/** The CSV text of each named column for one contract. */
function cells(row: ContractExportRow, names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      csvCellText(
        CONTRACT_COLUMNS.find((c) => c.header === name)!,
        row
      )
    ])
  );
}

describe('contract columns', () => {
  it.each([
    [
      'an exercised option moves the current end; the latest end uses every option',
      base,
      {
        'End date (as let)': '2028-01-31',
        'Extension options': '1+1 years',
        'Options exercised': '1',
        'Current end': '2029-01-31',
        'Latest end': '2030-01-31',
        'Notice period': '3 months',
        'Notice deadline': '2028-10-31',
        'Annual value (£)': '42000.50',
        Decision: 'Novate',
        Systems: 'Financials; Payroll'
      }
    ],
    [
      'no end date: no derived dates, and nothing invented',
      { ...base, endDate: null, extensionOptions: [], systemNames: [], annualValuePence: null },
      {
        'Current end': '',
        'Latest end': '',
        'Notice deadline': '',
        'Extension options': '',
        'Options exercised': '0',
        'Annual value (£)': '',
        Systems: ''
      }
    ],
    [
      'a published maximum end wins over the derived one; one day of notice',
      {
        ...base,
        maxEndDate: '2031-03-31',
        noticePeriodValue: 1,
        noticePeriodUnit: 'days' as const
      },
      { 'Latest end': '2031-03-31', 'Notice period': '1 day', 'Notice deadline': '2029-01-30' }
    ]
  ])('%s', (_label, row, expected) => {
    expect(cells(row, Object.keys(expected))).toEqual(expected);
  });

  it('has unique headers', () => {
    const headers = CONTRACT_COLUMNS.map((c) => c.header);
    expect(new Set(headers).size).toBe(headers.length);
  });
});

describe('system columns', () => {
  const system: SystemExportRow = {
    councilName: 'Aldmoor District Council',
    name: 'Financials',
    product: null,
    vendor: 'Northgate Civic Ltd',
    serviceAreaName: null,
    hosting: 'saas',
    users: 120,
    annualCostPence: 650_000,
    lifecycle: null,
    timeDisposition: 'migrate',
    dayOneCritical: true,
    contractReferences: ['ADC-1', 'ADC-2']
  };
  it.each([
    ['Hosting', 'Software as a service'],
    ['TIME disposition', 'Migrate'],
    ['Critical on day one', 'Yes'],
    ['Users', '120'],
    ['Annual cost (£)', '6500.00'],
    ['Service area', ''],
    ['Contracts', 'ADC-1; ADC-2']
  ])('%s → %j', (header, expected) => {
    expect(
      csvCellText(
        SYSTEM_COLUMNS.find((c) => c.header === header)!,
        system
      )
    ).toBe(expected);
  });
});
