import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  column,
  csvField,
  neutraliseFormula,
  penceAsPounds,
  sheetCell,
  startsLikeFormula,
  tableToCsv,
  tableToSheet,
  UTF8_BOM,
  type ExportTable
} from '#lib/domain/export/index.ts';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+441632960000', "'+441632960000"],
    ['-2+3', "'-2+3"],
    ['@SUM(1,2)', "'@SUM(1,2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
    // Only the first character matters; these are ordinary text.
    ['', ''],
    ['Agilisys', 'Agilisys'],
    ['a=b', 'a=b'],
    [' =1+1', ' =1+1'],
    ['\n=1+1', '\n=1+1'],
    ["'already quoted", "'already quoted"],
    ['£1,234', '£1,234'],
    ['2028-03-31', '2028-03-31']
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(startsLikeFormula(input)).toBe(expected !== input);
  });
});

describe('csvField (RFC 4180 quoting)', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hello"', '"say ""hello"""'],
    ['"', '""""'],
    ['line one\nline two', '"line one\nline two"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['windows\r\nline', '"windows\r\nline"'],
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ['semi;colon', 'semi;colon'],
    ["it's", "it's"],
    ['£5,000', '"£5,000"'],
    ['Café Ltd', 'Café Ltd']
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each(['a,b', 'say "hello"', 'x\r\ny', ' pad ', '"', ',,,'])(
    '%j reads back unchanged with a CSV parser',
    (value) => {
      const text = `${csvField(value)},next\r\n`;
      expect(parse(text, { relax_column_count: false })).toEqual([[value, 'next']]);
    }
  );
});

describe('penceAsPounds', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [123_456, '1234.56'],
    [1_000_000_000_00, '1000000000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-1_250, '-12.50']
  ])('%i pence → %s', (pence, expected) => {
    expect(penceAsPounds(pence)).toBe(expected);
  });
});

interface Row {
  name: string | null;
  on: string | null;
  pence: number | null;
  n: number | null;
  yes: boolean | null;
}
const table: ExportTable<Row> = {
  sheet: 'Things',
  columns: [
    column.text<Row>('Name', (r) => r.name),
    column.date<Row>('On', (r) => r.on),
    column.money<Row>('Value (£)', (r) => r.pence),
    column.integer<Row>('Count', (r) => r.n),
    column.yesNo<Row>('Critical', (r) => r.yes)
  ],
  rows: [
    { name: 'Café, "Ltd"', on: '2028-02-29', pence: 123_456, n: 3, yes: true },
    { name: '=1+1', on: null, pence: null, n: null, yes: false },
    { name: null, on: '2027-04-01', pence: 0, n: 0, yes: null }
  ]
};

describe('tableToCsv', () => {
  it('writes a BOM, a header row, CRLF line ends and one line per row', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Name,On,Value (£),Count,Critical',
      '"Café, ""Ltd""",2028-02-29,1234.56,3,Yes',
      "'=1+1,,,,No",
      ',2027-04-01,0.00,0,',
      ''
    ]);
  });

  it('encodes £ as UTF-8, which Excel reads correctly because of the BOM', () => {
    const bytes = new TextEncoder().encode(tableToCsv(table));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes).includes(Buffer.from([0xc2, 0xa3]))).toBe(true);
  });

  it('drops control characters, before neutralising a formula they hid', () => {
    const rows = [
      { name: 'Bad\u000b\u001b\u0001title\u0085', on: null, pence: null, n: null, yes: null },
      { name: '\u0001=1+1', on: null, pence: null, n: null, yes: null },
      { name: 'two\r\nlines\ttab', on: null, pence: null, n: null, yes: null }
    ];
    expect(
      tableToCsv({ ...table, rows })
        .slice(1)
        .split('\r\n')
        .slice(1, 3)
    ).toEqual(['Badtitle,,,,', "'=1+1,,,,"]);
    // Tab and line breaks are the format's to quote, and survive.
    const parsed = parse(tableToCsv({ ...table, rows }), { bom: true, columns: true }) as {
      Name: string;
    }[];
    expect(parsed[2]!.Name).toBe('two\r\nlines\ttab');
  });

  it('writes only the header for no rows', () => {
    expect(tableToCsv({ ...table, rows: [] })).toBe(
      `${UTF8_BOM}Name,On,Value (£),Count,Critical\r\n`
    );
  });
});

describe('sheetCell (Excel)', () => {
  const [name, on, value, count, critical] = table.columns;
  it.each([
    ['text', name!, table.rows[0]!, { type: 'text', value: 'Café, "Ltd"' }],
    [
      'formula-like text as text format',
      name!,
      table.rows[1]!,
      { type: 'text', value: '=1+1', textFormat: true }
    ],
    ['missing text', name!, table.rows[2]!, null],
    [
      'date at UTC midnight',
      on!,
      table.rows[0]!,
      { type: 'date', value: new Date(Date.UTC(2028, 1, 29)), format: 'yyyy-mm-dd' }
    ],
    ['missing date', on!, table.rows[1]!, null],
    [
      'money as pounds',
      value!,
      table.rows[0]!,
      { type: 'number', value: 1234.56, format: '#,##0.00' }
    ],
    ['zero money', value!, table.rows[2]!, { type: 'number', value: 0, format: '#,##0.00' }],
    ['integer', count!, table.rows[0]!, { type: 'number', value: 3 }],
    ['yes', critical!, table.rows[0]!, { type: 'text', value: 'Yes' }],
    ['no', critical!, table.rows[1]!, { type: 'text', value: 'No' }]
  ])('%s', (_label, col, row, expected) => {
    expect(sheetCell(col, row)).toEqual(expected);
  });

  it.each(['=cmd|" /C calc"!A0', '+1', '-1', '@x', '\tx', '\rx'])(
    '%j is written as a text cell with the Text format, never as a formula',
    (text) => {
      expect(sheetCell(name!, { ...table.rows[0]!, name: text })).toEqual({
        type: 'text',
        value: text,
        textFormat: true
      });
    }
  );

  it('puts a bold header row first', () => {
    const sheet = tableToSheet(table);
    expect(sheet).toHaveLength(4);
    expect(sheet[0]![0]).toEqual({ type: 'text', value: 'Name', bold: true });
  });
});
