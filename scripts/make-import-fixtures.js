// Writes the import test fixtures in tests/fixtures/import/: registers in the three council
// layouts named in issue 5 (CSV and XLSX), a list of systems, and the corpus of malformed files
// in malformed/. Run `node scripts/make-import-fixtures.js` after changing it; the output is
// committed so the tests read exactly the bytes a council would upload.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';

const root = new URL('../tests/fixtures/import/', import.meta.url);
const malformed = new URL('malformed/', root);
rmSync(malformed, { recursive: true, force: true });
mkdirSync(malformed, { recursive: true });

const utf8 = (text) => Buffer.from(text, 'utf8');
const bom = (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
/** Windows-1252 for the characters we use: ASCII, "£" (0xA3) and "’" (0x92). */
const cp1252 = (text) =>
  Buffer.from([...text].map((ch) => (ch === '£' ? 0xa3 : ch === '’' ? 0x92 : ch.charCodeAt(0))));
const csv = (rows, delimiter = ',') =>
  rows
    .map((row) =>
      row
        .map((cell) => {
          const text = String(cell ?? '');
          return text.includes(delimiter) || /["\r\n]/.test(text)
            ? `"${text.replace(/"/g, '""')}"`
            : text;
        })
        .join(delimiter)
    )
    .join('\r\n') + '\r\n';

const write = (name, bytes) => writeFileSync(new URL(name, root), bytes);
const bad = (name, bytes) => writeFileSync(new URL(name, malformed), bytes);

// Layout A: "Contract number / Title of agreement / Contract value / Start date", a title row
// above the header, a Total row below, UK dates and pounds with commas; Excel "CSV UTF-8".
const layoutA = [
  ['Thornbury District Council: contracts over £5,000'],
  [],
  [
    'Contract number',
    'Title of agreement',
    'Supplier name',
    'Department',
    'Contract value',
    'Start date',
    'End date'
  ],
  [
    'TDC-001',
    'Waste collection',
    'Binco Ltd',
    'Environment',
    '£1,234,567.89',
    '01/04/2021',
    '31/03/2028'
  ],
  [
    'TDC-002',
    'Grounds maintenance',
    'Greenways Ltd',
    'Environment',
    '£250k',
    '04/05/2022',
    '03/05/2027'
  ],
  [
    'TDC-003',
    'Revenues and benefits system',
    'Tally Software Ltd',
    'Finance',
    '1234',
    '1 April 2020',
    '31 March 2026'
  ],
  [
    'TDC-004',
    'Leisure centre management',
    'Active Trust',
    'Communities',
    '£1.2m',
    '2019-10-01',
    '2029-09-30'
  ],
  ['TDC-005', 'Legal services framework', 'Counsel & Co LLP', 'Legal', '', '01/01/2024', ''],
  ['', 'Total', '', '', '£2,735,801.89', '', '']
];
write('layout-a-contract-number.csv', bom(csv(layoutA)));
// The same register saved by older Excel as plain "CSV": Windows-1252, where "£" is one byte.
write('layout-a-windows-1252.csv', cp1252(csv(layoutA)));
// One bad row among good ones: nothing may be written.
const badRow = layoutA.map((row) => [...row]);
badRow[5][5] = '31/02/2022';
write('layout-a-one-bad-row.csv', bom(csv(badRow)));

// Layout B: "Contract Id / Vendor / Validity Period Start / Validity Period End / Original
// Contract Value / Extended Contract Value", as an Excel workbook with real dates and numbers.
const d = (y, m, day) => new Date(Date.UTC(y, m - 1, day));
const layoutB = [
  [
    'Contract Id',
    'Title',
    'Vendor',
    'Validity Period Start',
    'Validity Period End',
    'Original Contract Value',
    'Extended Contract Value'
  ],
  [
    'NCC/0001',
    'Highways maintenance',
    'Roadworks plc',
    d(2020, 4, 1),
    d(2027, 3, 31),
    12000000,
    15000000.5
  ],
  [
    'NCC/0002',
    'Adult social care case management',
    'CareSoft Ltd',
    d(2018, 7, 1),
    d(2026, 6, 30),
    2400000,
    3000000
  ],
  [
    'NCC/0003',
    'Library management system',
    'Shelf Systems Ltd',
    d(2022, 1, 1),
    d(2025, 12, 31),
    90000,
    120000
  ],
  [
    'NCC/0004',
    'Microsoft enterprise agreement',
    'Reseller Ltd',
    d(2023, 7, 1),
    d(2026, 6, 30),
    1800000,
    1800000
  ]
];
write(
  'layout-b-validity-period.xlsx',
  await writeXlsxFile(layoutB, { dateFormat: 'dd/mm/yyyy' }).toBuffer()
);
write(
  'layout-b-validity-period.csv',
  bom(
    csv(
      layoutB.map((row) => row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c))),
      ';'
    )
  )
);

// Layout C: "CONTRACT_CURRENT_END_DATE / MAXIMUM_CONTRACT_END_DATE / CONTRACT_EXTENDABLE", a
// tab-separated export from a finance system.
const layoutC = [
  [
    'CONTRACT_REFERENCE',
    'CONTRACT_TITLE',
    'SUPPLIER_NAME',
    'COMPANY_NUMBER',
    'CONTRACT_START_DATE',
    'CONTRACT_CURRENT_END_DATE',
    'MAXIMUM_CONTRACT_END_DATE',
    'CONTRACT_EXTENDABLE',
    'NOTICE_PERIOD',
    'ANNUAL_VALUE'
  ],
  [
    'SCC-10',
    'Network services',
    'Netco Ltd',
    '1234567',
    '2021-04-01',
    '2026-03-31',
    '2028-03-31',
    '1+1 years',
    '6 months',
    '£400,000'
  ],
  [
    'SCC-11',
    'Payroll bureau',
    'Pay Ltd',
    'SC123456',
    '2022-09-01',
    '2025-08-31',
    '2025-08-31',
    'No',
    '90 days',
    '85000'
  ],
  [
    'SCC-12',
    'Website hosting',
    'Webhost Ltd',
    '',
    '2023-01-01',
    '2025-12-31',
    '2027-12-31',
    '2 x 12 months',
    '3',
    '£12k'
  ]
];
write('layout-c-upper-snake.tsv', utf8(csv(layoutC, '\t')));
write('layout-c-upper-snake.xlsx', await writeXlsxFile(layoutC).toBuffer());

// A list of systems.
write(
  'systems-list.csv',
  bom(
    csv([
      [
        'Application',
        'Supplier',
        'Product',
        'Hosting model',
        'Number of users',
        'Licence cost',
        'TIME',
        'Day one critical'
      ],
      [
        'Revenues and benefits',
        'Tally Software Ltd',
        'Tally Revs',
        'Hosted',
        '120',
        '£95,000',
        'Migrate',
        'Yes'
      ],
      [
        'Email and collaboration',
        'Microsoft',
        'Microsoft 365',
        'SaaS',
        '1,450',
        '£310k',
        'Invest',
        'Y'
      ],
      ['Planning', 'PlanIt Ltd', 'PlanIt', 'On-prem', '40', '30000', 'Tolerate', 'No']
    ])
  )
);

// The malformed corpus: each file must be refused with a clear message and write nothing.
const header = ['Reference', 'Title', 'Supplier', 'Start date', 'End date', 'Total value'];
const good = ['M-1', 'A contract', 'A supplier', '01/04/2024', '31/03/2026', '£1,000'];
/** A good row, a row with one bad cell, and another good row. */
const withCell = (column, value) => {
  const row = ['M-2', 'Another', 'B supplier', '', '', ''];
  row[header.indexOf(column)] = value;
  return csv([header, good, row, ['M-3', 'Third', 'C supplier', '', '', '']]);
};
const validXlsx = await writeXlsxFile([header, good]).toBuffer();
let seed = 42;
const random = (n) =>
  Buffer.from(
    Array.from({ length: n }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    })
  );

bad('empty.csv', Buffer.alloc(0));
bad('only-bom.csv', Buffer.from([0xef, 0xbb, 0xbf]));
bad('only-blank-lines.csv', utf8('\r\n\r\n  \r\n,,,\r\n'));
bad('only-headers.csv', bom(csv([header])));
bad('only-headers.xlsx', await writeXlsxFile([header]).toBuffer());
bad('only-headers-and-total.csv', utf8(csv([header, ['Total', '', '', '', '', '£0']])));
bad(
  'no-header-numbers.csv',
  utf8(
    csv([
      [1, 2, 3],
      [4, 5, 6]
    ])
  )
);
bad('no-header-words.csv', utf8('lorem,ipsum,dolor\nsit,amet,consectetur\n'));
bad('only-title-rows.csv', utf8('Contract register\r\nPublished April 2024\r\n'));
bad(
  'header-below-row-20.csv',
  utf8(csv([...Array.from({ length: 21 }, (_, i) => [`Note ${i}`]), header, good]))
);
bad(
  'duplicate-headers.csv',
  utf8(
    csv([
      [...header, 'Start date'],
      [...good, '01/05/2024']
    ])
  )
);
bad(
  'duplicate-headers-case.csv',
  utf8(
    csv([
      ['Reference', 'REFERENCE', 'Title', 'Supplier'],
      ['A', 'B', 'C', 'D']
    ])
  )
);
bad(
  'duplicate-headers.xlsx',
  await writeXlsxFile([
    [...header, 'Title'],
    [...good, 'Again']
  ]).toBuffer()
);
bad('binary-garbage.bin', random(4096));
bad('binary-garbage.csv', random(512));
bad(
  'png-image.csv',
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    random(200)
  ])
);
bad('pdf-document.csv', Buffer.concat([utf8('%PDF-1.7\n'), random(300)]));
bad(
  'old-excel.xls',
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random(1000)])
);
bad('truncated-half.xlsx', validXlsx.subarray(0, Math.floor(validXlsx.length / 2)));
bad('truncated-tiny.xlsx', validXlsx.subarray(0, 100));
const corrupted = Buffer.from(validXlsx);
for (let i = 200; i < corrupted.length - 200; i += 7) corrupted[i] ^= 0x5a;
bad('corrupted.xlsx', corrupted);
bad('csv-named-xlsx.xlsx', utf8(csv([header, good])));
bad(
  'zip-of-text.xlsx',
  Buffer.from('504b0304140000000000000000000000000000000000000000000000', 'hex')
);
bad(
  'utf32-le.csv',
  Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('R\0\0\0e\0\0\0f\0\0\0', 'latin1')])
);
bad(
  'utf32-be.csv',
  Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.from('\0\0\0R', 'latin1')])
);
bad('utf7.csv', utf8('+/v8-Reference,Title\n'));
bad('utf-ebcdic.csv', Buffer.concat([Buffer.from([0xdd, 0x73, 0x66, 0x73]), random(50)]));
bad(
  'gb18030.csv',
  Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), utf8('Reference,Title\n')])
);
bad(
  'utf8-bom-invalid-bytes.csv',
  Buffer.concat([bom(csv([header])), Buffer.from([0xc3, 0x28, 0xff]), utf8(',x\n')])
);
bad(
  'control-characters.csv',
  Buffer.concat([
    utf8('Reference,Title\n'),
    Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 8) + 1))
  ])
);
bad('nul-bytes.csv', Buffer.concat([utf8(csv([header])), Buffer.from([0]), utf8(csv([good]))]));
bad(
  'html-page.csv',
  utf8(
    '<!DOCTYPE html><html><body><table><tr><td>Reference</td><td>Title</td></tr></table></body></html>'
  )
);
bad(
  'html-table.xls',
  utf8('<table><tr><td>Reference</td><td>Title</td><td>Supplier</td></tr></table>')
);
bad('xml-spreadsheet.csv', utf8('<?xml version="1.0"?><Workbook><Worksheet/></Workbook>'));
bad(
  'unclosed-quote.csv',
  utf8(csv([header, good]) + 'M-3,"Never closed,A supplier,01/04/2024,,\r\nM-4,x,y,,,\r\n')
);
bad('huge-row.csv', utf8(`${csv([header])}M-5,${'x'.repeat(250_000)},A supplier,,,\r\n`));
bad(
  'too-many-columns.csv',
  utf8(csv([[...header, ...Array.from({ length: 300 }, (_, i) => `Extra ${i}`)], good]))
);
bad('formula-in-value.csv', utf8(withCell('Total value', '=SUM(F2:F9)')));
bad('formula-in-title.csv', utf8(withCell('Title', '=HYPERLINK("http://evil.example","Click")')));
bad('formula-at-sign.csv', utf8(withCell('Supplier', '@SUM(1+1)*cmd|x')));
bad(
  'formula-cells.xlsx',
  await writeXlsxFile([
    header,
    [
      { type: 'Formula', value: '=CONCAT("M","-1")' },
      'T',
      'S',
      null,
      null,
      { type: 'Formula', value: '=1000*2' }
    ]
  ]).toBuffer()
);
bad('impossible-date.csv', utf8(withCell('Start date', '31/02/2024')));
bad('date-in-words.csv', utf8(withCell('End date', 'next spring')));
bad('american-date.csv', utf8(withCell('Start date', '12/25/2024')));
bad('year-only-date.csv', utf8(withCell('End date', '2026')));
bad(
  'end-before-start.csv',
  utf8(csv([header, good, ['M-2', 'Another', 'B', '01/04/2024', '01/01/2020', '']]))
);
bad('negative-money.csv', utf8(withCell('Total value', '-£500')));
bad('money-in-words.csv', utf8(withCell('Total value', 'about five grand')));
bad('money-three-decimals.csv', utf8(withCell('Total value', '12.345')));
bad('money-too-large.csv', utf8(withCell('Total value', '£20bn')));
bad('missing-reference.csv', utf8(withCell('Reference', '')));
bad('missing-supplier.csv', utf8(withCell('Supplier', '   ')));
bad('duplicate-references.csv', utf8(csv([header, good, good])));
bad('title-too-long.csv', utf8(withCell('Title', 'T'.repeat(301))));
bad(
  'bad-company-number.csv',
  utf8(
    csv([
      [...header, 'Company number'],
      [...good, 'ABC']
    ])
  )
);
bad(
  'bad-notice-period.csv',
  utf8(
    csv([
      [...header, 'Notice period'],
      [...good, 'soon']
    ])
  )
);
bad(
  'bad-extension-options.csv',
  utf8(
    csv([
      [...header, 'Extension options'],
      [...good, 'maybe later']
    ])
  )
);
bad(
  'unknown-council.csv',
  utf8(
    csv([
      [...header, 'Council'],
      [...good, 'Nowhere Borough Council']
    ])
  )
);
bad(
  'no-supplier-column.csv',
  utf8(
    csv([
      ['Reference', 'Title', 'End date'],
      ['M-1', 'A', '01/01/2026']
    ])
  )
);
bad('windows-1252-bad-date.csv', cp1252(withCell('Start date', '32/01/2024')));
bad(
  'systems-bad-hosting.csv',
  utf8(
    csv([
      ['Application', 'Vendor', 'Hosting'],
      ['Payroll', 'Pay Ltd', 'mainframe in the basement']
    ])
  )
);
bad(
  'systems-missing-name.csv',
  utf8(
    csv([
      ['Application', 'Vendor', 'Users'],
      ['', 'Pay Ltd', '10']
    ])
  )
);
bad(
  'systems-bad-users.csv',
  utf8(
    csv([
      ['Application', 'Vendor', 'Users'],
      ['Payroll', 'Pay Ltd', 'lots']
    ])
  )
);

console.log('Import fixtures written to tests/fixtures/import/');
