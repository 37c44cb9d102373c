import { describe, expect, it } from 'vitest';
import {
  readCompanyNumber,
  readDate,
  readExtensionOptions,
  readMoney,
  readNoticePeriod,
  readText,
  readYesNo
} from '#lib/domain/import/cells.ts';
import { readContractRow } from '#lib/domain/import/contract-rows.ts';
import { checkMapping, proposeFor, readRow } from '#lib/domain/import/kinds.ts';
import { readSystemRow } from '#lib/domain/import/system-rows.ts';
import type { Cell } from '#lib/domain/import/table.ts';

const value = <T>(read: { ok: true; value: T } | { ok: false; message: string }) =>
  read.ok ? read.value : `error: ${read.message}`;

describe('cells from CSV text and from Excel values', () => {
  it.each<[Cell, string | null]>([
    ['01/04/2024', '2024-04-01'],
    // Ambiguous numeric dates are read day first, the UK way: 4 May, not 5 April.
    ['04/05/2024', '2024-05-04'],
    ['1 April 2024', '2024-04-01'],
    ['2024-04-01', '2024-04-01'],
    [45383, '2024-04-01'],
    ['45383', '2024-04-01'],
    [new Date(Date.UTC(2024, 3, 1)), '2024-04-01'],
    [null, null],
    ['', null]
  ])('date %j → %s', (cell, expected) => {
    expect(value(readDate(cell))).toBe(expected);
  });

  it.each<[Cell, string | number | null]>([
    ['£1,234.56', 123456],
    ['1234', 123400],
    ['£1.2m', 120_000_000],
    ['£250k', 25_000_000],
    [1234.56, 123456],
    [1200000, 120_000_000],
    [0.1 + 0.2, 30],
    ['', null],
    [null, null],
    [-5, 'error: Total value cannot be negative'],
    [1.234, 'error: Total value can have no more than 2 decimal places, like £1,234.56'],
    ['about £5', 'error: Enter total value in pounds, like £12,500, 1234.56 or 1.2m']
  ])('money %j → %j', (cell, expected) => {
    expect(value(readMoney(cell, 'Total value'))).toBe(expected);
  });

  it.each<[Cell, string | null]>([
    ['1234567', '01234567'],
    [1234567, '01234567'],
    ['sc123456', 'SC123456'],
    ['', null],
    ['N/A', null]
  ])('company number %j → %s', (cell, expected) => {
    expect(value(readCompanyNumber(cell))).toBe(expected);
  });

  it.each<[Cell, unknown]>([
    ['3 months', { value: 3, unit: 'months' }],
    ['90 days', { value: 90, unit: 'days' }],
    ['12 weeks', { value: 84, unit: 'days' }],
    ['1 year', { value: 12, unit: 'months' }],
    [6, { value: 6, unit: 'months' }],
    ['', null]
  ])('notice period %j', (cell, expected) => {
    expect(value(readNoticePeriod(cell))).toEqual(expected);
  });

  it.each<[Cell, unknown]>([
    ['2+1+1 years', [24, 12, 12]],
    ['2 x 12 months', [12, 12]],
    ['Yes', []],
    ['N', []],
    [true, []],
    [2, [24]],
    ['', []]
  ])('extension options %j', (cell, expected) => {
    expect(value(readExtensionOptions(cell))).toEqual(expected);
  });

  it.each<[Cell, unknown]>([
    ['Yes', true],
    ['Y', true],
    [true, true],
    ['No', false],
    ['FALSE', false],
    ['', null]
  ])('yes or no %j', (cell, expected) => {
    expect(value(readYesNo(cell))).toBe(expected);
  });

  // Control characters are removed (nobody can see one in a spreadsheet to fix it); one-line
  // fields take a line break as a space, a description keeps it; NFC throughout.
  it.each<[Cell, 'line' | 'multiline', string | null]>([
    ['Bad\u000b\u001b\u0001title', 'line', 'Badtitle'],
    ['\u0085Oracle\u007f ', 'line', 'Oracle'],
    ['Adult\nsocial\tcare\r\n', 'line', 'Adult social care'],
    ['First line\r\nsecond\u0007 line', 'multiline', 'First line\nsecond line'],
    ['Cafe\u0301', 'line', 'Caf\u00e9'],
    ['\u001b\u0001', 'line', null],
    ['bad\ud800surrogate', 'line', 'badsurrogate']
  ])('text %j as %s', (cell, kind, expected) => {
    expect(value(readText(cell, 300, kind))).toBe(expected);
  });

  it.each<[Cell, RegExp]>([
    ['\u0001=SUM(A1:A3)', /formula/],
    ['=SUM(A1:A3)', /formula/],
    ['=1+1', /formula/],
    ['@SUM(A1)', /formula/],
    ['x'.repeat(301), /300 characters or fewer/]
  ])('text %j is refused', (cell, message) => {
    const read = readText(cell, 300);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});

describe('readContractRow', () => {
  const base = { reference: 'C-1', title: 'Waste collection', supplierName: 'Binco Ltd' };

  it('reads a full row into what is stored', () => {
    const result = readContractRow({
      ...base,
      startDate: '01/04/2024',
      endDate: '31/03/2027',
      maxEndDate: '31/03/2029',
      extensionOptions: '1+1 years',
      noticePeriod: '3 months',
      totalValue: '£1.2m',
      supplierCompanyNumber: 1234567
    });
    expect(result).toEqual({
      ok: true,
      record: {
        ...base,
        startDate: '2024-04-01',
        endDate: '2027-03-31',
        maxEndDate: '2029-03-31',
        extensionOptions: [12, 12],
        noticePeriodValue: 3,
        noticePeriodUnit: 'months',
        totalValuePence: 120_000_000,
        supplierCompanyNumber: '01234567'
      }
    });
  });

  it.each<[string, Record<string, Cell>, { field: string; message: RegExp }[]]>([
    ['no reference', { ...base, reference: '' }, [{ field: 'reference', message: /reference/ }]],
    [
      'no supplier',
      { ...base, supplierName: null },
      [{ field: 'supplierName', message: /supplier/ }]
    ],
    [
      'end before start',
      { ...base, startDate: '01/04/2025', endDate: '01/04/2024' },
      [{ field: 'endDate', message: /after the start date/ }]
    ],
    [
      'two bad cells are both reported',
      { ...base, startDate: '31/02/2024', totalValue: 'lots' },
      [
        { field: 'startDate', message: /not a real date/ },
        { field: 'totalValue', message: /in pounds/ }
      ]
    ]
  ])('%s', (_, cells, problems) => {
    const result = readContractRow(cells);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => {
      expect(result.problems[i]!.field).toBe(p.field);
      expect(result.problems[i]!.message).toMatch(p.message);
    });
  });

  it('takes the title from the description when the title is blank', () => {
    const result = readContractRow({ ...base, title: '', description: 'Grounds maintenance' });
    expect(result.ok && result.record.title).toBe('Grounds maintenance');
  });

  it('takes a one-line title from a description of several lines, cut on whole characters', () => {
    const result = readContractRow({
      ...base,
      title: '',
      description: `Grounds\r\nmaintenance ${'x'.repeat(279)}🏛️ and more`
    });
    expect(result.ok && result.record.description).toMatch(/^Grounds\nmaintenance x/);
    // The 300th unit is the first half of 🏛: dropped rather than left as a lone surrogate.
    expect(result.ok && result.record.title).toBe(`Grounds maintenance ${'x'.repeat(279)}`);
  });
});

describe('readSystemRow', () => {
  it.each<[Record<string, Cell>, Record<string, unknown>]>([
    [
      { name: 'Revs', hosting: 'SaaS', timeDisposition: 'Invest' },
      { hosting: 'saas', timeDisposition: 'invest' }
    ],
    [
      { name: 'Revs', hosting: 'On-prem', users: '1,250' },
      { hosting: 'on_premises', users: 1250 }
    ],
    [
      { name: 'Revs', dayOneCritical: 'Y', annualCost: '£12k' },
      { dayOneCritical: true, annualCostPence: 1_200_000 }
    ]
  ])('%j', (cells, expected) => {
    const result = readSystemRow(cells);
    expect(result.ok && result.record).toMatchObject(expected);
  });

  it.each<[Record<string, Cell>, RegExp]>([
    [{ name: '' }, /system’s name/],
    [{ name: 'A', hosting: 'mainframe' }, /On premises, Hosted or SaaS/],
    [{ name: 'A', users: 'many' }, /whole number/]
  ])('refuses %j', (cells, message) => {
    const result = readSystemRow(cells);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(message);
  });
});

describe('mappings', () => {
  it.each<[string, string[], string[]]>([
    [
      'contracts without a supplier column',
      ['Reference', 'Title'],
      ['Choose the column that holds the supplier name']
    ],
    ['a description can stand in for the title', ['Ref', 'Description', 'Supplier'], []]
  ])('%s', (_, headers, problems) => {
    expect(checkMapping('contracts', headers, proposeFor('contracts', headers))).toEqual(problems);
  });

  it('refuses two columns set to one field', () => {
    expect(
      checkMapping(
        'contracts',
        ['A', 'B', 'C', 'D'],
        ['reference', 'title', 'supplierName', 'title']
      )
    ).toEqual(['Columns B (“B”) and D (“D”) are both set to Title: choose one']);
  });

  it('reads a row through a mapping, leaving unmapped columns out', () => {
    const read = readRow(
      'contracts',
      ['C-1', 'ignored', 'Title', 'Supplier'],
      ['reference', null, 'title', 'supplierName']
    );
    expect(read.result).toEqual({
      ok: true,
      record: { reference: 'C-1', title: 'Title', supplierName: 'Supplier' }
    });
  });

  it.each<[string[], (string | null)[]]>([
    [
      ['Application', 'Supplier', 'Hosting model', 'Licence cost', 'Service area'],
      ['name', 'vendor', 'hosting', 'annualCost', 'serviceArea']
    ],
    [
      ['System name', 'Product', 'Number of users', 'TIME', 'Day one critical'],
      ['name', 'product', 'users', 'timeDisposition', 'dayOneCritical']
    ]
  ])('systems headers %j', (headers, expected) => {
    expect(proposeFor('systems', headers)).toEqual(expected);
  });
});
