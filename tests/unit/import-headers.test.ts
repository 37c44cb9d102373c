import { describe, expect, it } from 'vitest';
import {
  CONTRACT_FIELDS,
  normaliseHeader,
  proposeMapping,
  type ContractField
} from '#lib/domain/import/headers.ts';

/** The fields proposed for each column, in column order. */
function fieldsOf(headers: string[]): (ContractField | null)[] {
  const { columns } = proposeMapping(headers);
  return headers.map((_, index) => columns[index] ?? null);
}

describe('proposeMapping: real register layouts', () => {
  it.each<[string, [string, ContractField | null][]]>([
    [
      '(a) contract number, title of agreement, contract value',
      [
        ['Contract number', 'reference'],
        ['Title of agreement', 'title'],
        ['Contract value', 'totalValue'],
        ['Start date', 'startDate'],
        ['End date', 'endDate'],
        ['Supplier name', 'supplierName']
      ]
    ],
    [
      '(b) vendor, validity period, original and extended values',
      [
        ['Contract Id', 'reference'],
        ['Vendor', 'supplierName'],
        ['Validity Period Start', 'startDate'],
        ['Validity Period End', 'endDate'],
        // Neither is a yearly figure: the extended value (with extensions) is the total.
        ['Original Contract Value', null],
        ['Extended Contract Value', 'totalValue']
      ]
    ],
    [
      '(c) upper snake case export',
      [
        ['CONTRACT_REFERENCE', 'reference'],
        ['CONTRACT_TITLE', 'title'],
        ['SUPPLIER_NAME', 'supplierName'],
        ['CONTRACT_START_DATE', 'startDate'],
        ['CONTRACT_CURRENT_END_DATE', 'endDate'],
        ['MAXIMUM_CONTRACT_END_DATE', 'maxEndDate'],
        ['CONTRACT_EXTENDABLE', 'extensionOptions'],
        ['ANNUAL_VALUE', 'annualValue']
      ]
    ],
    [
      '(d) Local Government Transparency Code 2015',
      [
        ['Reference Number', 'reference'],
        ['Title of Agreement', 'title'],
        ['Department', 'department'],
        ['Description of the goods and/or services', 'description'],
        ['Supplier Name and Details', 'supplierName'],
        [
          'Sum to be paid over the length of the contract or the estimated annual spending or budget for the contract',
          'totalValue'
        ],
        ['Value Added Tax that cannot be recovered', null],
        ['Start Date', 'startDate'],
        ['End Date', 'endDate'],
        ['Review Date', 'reviewDate'],
        ['Company registration number', 'supplierCompanyNumber'],
        [
          'Whether or not the supplier is a small or medium sized enterprise and/or a voluntary or community sector organisation',
          null
        ],
        ['Procurement process', null]
      ]
    ]
  ])('%s', (_, layout) => {
    const headers = layout.map(([header]) => header);
    expect(fieldsOf(headers)).toEqual(layout.map(([, field]) => field));
    const mapped = new Set(layout.map(([, field]) => field));
    expect(proposeMapping(headers).missing).toEqual(
      CONTRACT_FIELDS.filter((field) => !mapped.has(field))
    );
  });

  it('takes the original value as the total when there is no extended value', () => {
    expect(fieldsOf(['Contract Id', 'Original Contract Value'])).toEqual([
      'reference',
      'totalValue'
    ]);
  });

  it('keeps an annual column and the Transparency Code sum apart', () => {
    expect(
      fieldsOf(['Annual value', 'Sum to be paid over the length of the contract']).sort()
    ).toEqual(['annualValue', 'totalValue']);
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['Contract Start Date', 'contract start date'],
    ['CONTRACT_START_DATE', 'contract start date'],
    ['\uFEFFcontract start date', 'contract start date'],
    ['Contract\u00a0start\u00a0date', 'contract start date'],
    ['  Contract   start-date: ', 'contract start date'],
    ['contractStartDate', 'contract start date'],
    ['Contract start date (dd/mm/yyyy)', 'contract start date dd mm yyyy'],
    ['Goods & services', 'goods and services'],
    ['Ref.', 'ref'],
    ['', '']
  ])('%j → %j', (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });
});

describe('proposeMapping: normalisation', () => {
  it.each<[string, ContractField]>([
    ['\uFEFFContract Reference', 'reference'],
    ['contract\u00a0reference', 'reference'],
    ['  CONTRACT REFERENCE  ', 'reference'],
    ['contract_reference', 'reference'],
    ['Contract-Reference', 'reference'],
    ['contractReference', 'reference'],
    ['Contract Ref.', 'reference'],
    ['Supplier:', 'supplierName'],
    ['Supplier / Vendor', 'supplierName'],
    ['End Date (incl. extensions)', 'maxEndDate'],
    ['Expiry date', 'endDate'],
    ['Notice period (months)', 'noticePeriod'],
    ['Estimated annual value (£)', 'annualValue'],
    ['Total contract value £', 'totalValue'],
    ['Value (£)', 'totalValue'],
    ['Extension options', 'extensionOptions'],
    ['Council name', 'councilName'],
    ['Organisation', 'councilName'],
    ['Companies House number', 'supplierCompanyNumber'],
    ['Directorate', 'department']
  ])('%j → %s', (header, field) => {
    expect(fieldsOf([header])).toEqual([field]);
  });

  it.each([
    'Supplier postcode',
    'VAT',
    'SME (Y/N)',
    'Procurement route',
    'Charity registration number',
    '',
    '   ',
    '\uFEFF'
  ])('leaves %j unmapped', (header) => {
    expect(fieldsOf([header])).toEqual([null]);
  });
});

describe('proposeMapping: never two columns for one field', () => {
  it.each<[string[], (ContractField | null)[]]>([
    // Equal scores: the leftmost column wins.
    [
      ['Start date', 'Start date'],
      ['startDate', null]
    ],
    [
      ['Supplier', 'Vendor'],
      ['supplierName', null]
    ],
    // A better match wins even when it is further right.
    [
      ['Contract start (planned)', 'Start date'],
      [null, 'startDate']
    ],
    [
      ['Original Contract Value', 'Contract value'],
      [null, 'totalValue']
    ],
    [
      ['Reference', 'Contract reference', 'Ref'],
      ['reference', null, null]
    ],
    [
      ['Supplier name', 'Supplier details', 'Title', 'Contract title'],
      ['supplierName', null, 'title', null]
    ]
  ])('%j → %j', (headers, expected) => {
    expect(fieldsOf(headers)).toEqual(expected);
  });

  it('maps each field at most once in a long, repetitive header row', () => {
    const headers = [
      ...CONTRACT_FIELDS.map((field) => field.replace(/([A-Z])/g, ' $1')),
      'Start date',
      'End date',
      'Value',
      'Supplier',
      'Annual spend'
    ];
    const { columns, missing } = proposeMapping(headers);
    const fields = Object.values(columns).filter((field) => field !== null);
    expect(new Set(fields).size).toBe(fields.length);
    expect(Object.keys(columns)).toHaveLength(headers.length);
    expect(fields.length + missing.length).toBe(CONTRACT_FIELDS.length);
  });

  it('returns every field as missing for no headers', () => {
    expect(proposeMapping([])).toEqual({ columns: {}, missing: [...CONTRACT_FIELDS] });
  });
});
