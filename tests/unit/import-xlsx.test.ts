import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes as random } from 'node:crypto';
import zlib from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cellText } from '#lib/domain/import/cells.ts';
import { readUploadedFile, type ReadFile } from '#lib/server/import/read-file.ts';
import {
  deflatedWithSpaces,
  rowGapXlsx,
  SHEET_HEAD,
  SHEET_TAIL,
  whitespaceBombXlsx,
  workbookXlsx,
  xmlEscape,
  zipArchive
} from '../fixtures/xlsx';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);
const MiB = 1024 * 1024;
const randomBytes = (n: number) => random(Math.round(n));

async function sheetsOf(bytes: Buffer, name = 'book.xlsx') {
  const read = await readUploadedFile(name, bytes);
  if (!read.ok) throw new Error(read.message);
  return read.sheets;
}

async function refusal(bytes: Buffer, name = 'book.xlsx'): Promise<string> {
  const read: ReadFile = await readUploadedFile(name, bytes);
  if (read.ok) throw new Error('The file was read, not refused');
  return read.message;
}

const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`;

describe('the streaming .xlsx reader reads what read-excel-file read', () => {
  const workbooks = [
    ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
    ...['only-headers.xlsx', 'duplicate-headers.xlsx', 'formula-cells.xlsx'].map(
      (f) => `malformed/${f}`
    )
  ];
  it.each(workbooks)('%s', async (file) => {
    const bytes = readFileSync(new URL(file, FIXTURES));
    const expected = (await readXlsxFile(bytes)) as { sheet: string; data: unknown[][] }[];
    const stored = (cell: unknown) =>
      cell instanceof Date ? cellText(cell) : (cell as string | number | boolean | null);
    const sheets = await sheetsOf(bytes);
    expect(sheets.map((s) => s.name)).toEqual(expected.map((s) => s.sheet));
    for (const [i, sheet] of sheets.entries()) {
      // read-excel-file pads every row to the widest; ours keeps rows as long as their values.
      const width = Math.max(0, ...sheet.rows.map((r) => r.length));
      const padded = sheet.rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
      expect(padded).toEqual(expected[i]!.data.map((row) => row.map(stored)));
    }
  });
});

describe('cells as Excel stores them', () => {
  it.each<[string, Parameters<typeof workbookXlsx>[0], unknown[][]]>([
    [
      'shared strings, trimmed; an empty one is an empty cell',
      {
        sheets: [
          {
            name: 'S',
            data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
          }
        ],
        sharedStrings: ['  Reference ', '   ']
      },
      [['Reference']]
    ],
    [
      'inline and rich inline strings, without phonetic guides',
      {
        sheets: [
          {
            name: 'S',
            data: `<row r="1">${inline('A1', 'Plain')}<c r="B1" t="inlineStr"><is><r><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></is></c></row>`
          }
        ]
      },
      [['Plain', 'Rich text']]
    ],
    [
      'numbers, booleans, an error value and a formula with and without its cached value',
      {
        sheets: [
          {
            name: 'S',
            data: '<row r="1"><c r="A1"><v>1200.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="str"><f>A1&amp;"x"</f><v>1200.5x</v></c><c r="F1"><f>A1*2</f><v>2401</v></c><c r="G1"><f>A1*3</f></c><c r="H1" t="str"><f>B1</f></c></row>'
          }
        ]
      },
      [[1200.5, true, false, null, '1200.5x', 2401]]
    ],
    [
      'dates by built-in and custom style, a plain number beside them, and an ISO date cell',
      {
        sheets: [
          {
            name: 'S',
            data: '<row r="1"><c r="A1" s="1"><v>45383</v></c><c r="B1" s="2"><v>45383.75</v></c><c r="C1" s="3"><v>45383</v></c><c r="D1" t="d"><v>2024-04-01T00:00:00Z</v></c><c r="E1" s="4"><v>45383</v></c></row>'
          }
        ],
        styles: [
          { numFmtId: 14 },
          { numFmtId: 164, formatCode: '[$-809]dd/mm/yyyy;@' },
          { numFmtId: 4 },
          { numFmtId: 165, formatCode: '"£"#,##0.00' }
        ]
      },
      [['2024-04-01', '2024-04-01', 45383, '2024-04-01', 45383]]
    ],
    [
      'the 1904 date system of old Mac workbooks',
      {
        sheets: [{ name: 'S', data: '<row r="1"><c r="A1" s="1"><v>43921</v></c></row>' }],
        styles: [{ numFmtId: 14 }],
        date1904: true
      },
      [['2024-04-01']]
    ],
    [
      'gaps: an empty row is kept as a blank row, an empty column as a blank cell',
      {
        sheets: [
          {
            name: 'S',
            data: `<row r="1">${inline('A1', 'a')}</row><row r="3">${inline('C3', 'c')}</row>`
          }
        ]
      },
      [['a'], [], [null, null, 'c']]
    ],
    [
      'escaped characters (_x000D_) and XML entities',
      { sheets: [{ name: 'S', data: `<row r="1">${inline('A1', 'R&D_x000D_ team')}</row>` }] },
      [['R&D\r team']]
    ],
    [
      'styled cells with no value make no rows or columns, even at the last row Excel has',
      {
        sheets: [
          {
            name: 'S',
            data: `<row r="1">${inline('A1', 'a')}<c r="XFD1" s="1"/></row><row r="1048576" s="1"><c r="A1048576" s="1"/></row>`
          }
        ],
        styles: [{ numFmtId: 14 }]
      },
      [['a']]
    ]
  ])('%s', async (_, spec, rows) => {
    const [sheet] = await sheetsOf(workbookXlsx(spec));
    expect(sheet!.rows).toEqual(rows);
  });

  it('reads every sheet in the workbook’s order, with its name', async () => {
    const sheets = await sheetsOf(
      workbookXlsx({
        sheets: [
          { name: 'Notes & sources', data: `<row r="1">${inline('A1', 'n')}</row>` },
          { name: 'Register', data: `<row r="1">${inline('A1', 'r')}</row>` }
        ]
      })
    );
    expect(sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Notes & sources', [['n']]],
      ['Register', [['r']]]
    ]);
  });

  it('reads tags written with a namespace prefix (<x:row>)', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const [sheet] = await sheetsOf(
      workbookXlsx({ sheets: [{ name: 'S', data: { data: Buffer.from(xml) } }] })
    );
    expect(sheet!.rows).toEqual([['p']]);
  });
});

/** Words from a small vocabulary: text that compresses like real text (about 4 times). */
function wordyText(characters: number): string {
  const words = Array.from({ length: 4096 }, (_, i) => (i * 2654435761).toString(36).slice(-6));
  let seed = 7;
  const parts: string[] = [];
  for (let length = 0; length < characters;) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const word = words[seed % words.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}

describe('limits, checked before the work they would cause', () => {
  const sharedStringsOf = (texts: string[]) => {
    const xml = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
    return { data: Buffer.from(xml) };
  };
  const header = `<row r="1">${inline('A1', 'Reference')}</row>`;

  it.each<[string, () => Buffer, RegExp]>([
    [
      'a row numbered 30,000,000',
      () => rowGapXlsx(30_000_000),
      /has a value in row 30,000,000; we read at most 100,000 rows/
    ],
    ['a row numbered 100,051', () => rowGapXlsx(100_051), /has a value in row 100,051/],
    [
      'more rows than we read, one after another',
      () =>
        workbookXlsx({
          sheets: [
            {
              name: 'S',
              data: Array.from(
                { length: 100_051 },
                (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
              ).join('')
            }
          ]
        }),
      /has a value in row 100,051/
    ],
    [
      'a value in column 251',
      () =>
        workbookXlsx({ sheets: [{ name: 'S', data: `<row r="1">${inline('IQ1', 'x')}</row>` }] }),
      /has 251 columns; we read at most 250/
    ],
    [
      'a cell longer than Excel allows',
      () =>
        workbookXlsx({
          sheets: [{ name: 'S', data: `<row r="1">${inline('A1', 'x'.repeat(40_000))}</row>` }]
        }),
      /holds more than 32,767 characters/
    ],
    [
      'a shared string longer than Excel allows, used by a cell',
      () =>
        workbookXlsx({
          sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
          sharedStrings: sharedStringsOf(['y'.repeat(33_000)])
        }),
      /holds more than 32,767 characters/
    ],
    [
      // Random bytes do not compress: 1.6 MB stored for 300 MB is a ratio real sheets reach.
      'a part that declares it unpacks to 300 MB',
      () =>
        workbookXlsx({
          sheets: [{ name: 'S', data: { data: randomBytes(1.6 * MiB), declaredSize: 300 * MiB } }]
        }),
      /unpacks to 300 MB, more than the 512 MB we read \(a part may be at most 256 MB\)/
    ],
    [
      'parts that together declare more than 512 MB',
      () =>
        workbookXlsx({
          sheets: [1, 2, 3].map((i) => ({
            name: `S${i}`,
            data: { data: randomBytes(1.1 * MiB), declaredSize: 200 * MiB }
          }))
        }),
      /unpacks to 600 MB/
    ],
    [
      'a zip bomb: 300 MB of whitespace stored in 300 KB',
      () => whitespaceBombXlsx(300 * MiB),
      /would unpack to [\d,]+ times its stored size/
    ],
    ['a zip bomb of 1.2 GB', () => whitespaceBombXlsx(1200 * MiB), /would unpack to [\d,]+ times/],
    [
      'a part that lies: declares 2 KB, unpacks to 5 MB',
      () =>
        workbookXlsx({
          sheets: [
            {
              name: 'S',
              data: {
                deflated: deflatedWithSpaces(SHEET_HEAD, 5 * MiB, SHEET_TAIL),
                declaredSize: 2048
              }
            }
          ]
        }),
      /could not be read as an Excel workbook/
    ],
    [
      'whitespace that compresses no more than real sheets do, with no tag in it',
      () =>
        workbookXlsx({
          sheets: [
            {
              name: 'S',
              data: `<row r="1">${inline('A1', 'a')}</row>${wordyText(300_000).replace(/\S/g, ' ')}`
            }
          ]
        }),
      /could not be read as an Excel workbook/
    ],
    [
      'not a ZIP at all',
      () => Buffer.from('PK\u0003\u0004 but nothing after'),
      /could not be read as an Excel workbook/
    ],
    [
      'a ZIP cut in half',
      () => {
        const whole = workbookXlsx({ sheets: [{ name: 'S', data: header }] });
        return whole.subarray(0, Math.floor(whole.length / 2));
      },
      /could not be read as an Excel workbook/
    ],
    [
      'a ZIP with no workbook inside',
      () => zipArchive([{ name: 'notes.txt', data: Buffer.from('hello') }]),
      /could not be read as an Excel workbook/
    ],
    [
      'an encrypted part',
      () =>
        workbookXlsx({
          sheets: [
            { name: 'S', data: { data: Buffer.from(SHEET_HEAD + SHEET_TAIL), encrypted: true } }
          ]
        }),
      /password-protected \(encrypted\)/
    ],
    [
      'a password-protected workbook (Excel wraps it in an OLE2 container)',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /password-protected \(encrypted\)/
    ],
    [
      'a shared-strings bomb: 300 MB of repeated strings in a few hundred KB',
      () =>
        workbookXlsx({
          sheets: [{ name: 'S', data: header }],
          sharedStrings: {
            deflated: deflatedWithSpaces('<sst><si><t>', 300 * MiB, '</t></si></sst>')
          }
        }),
      /would unpack to [\d,]+ times its stored size/
    ],
    [
      'shared strings with more text than any register (70 million characters of words)',
      () => {
        const words = wordyText(70_000_000);
        const texts: string[] = [];
        for (let i = 0; i < words.length; i += 30_000) texts.push(words.slice(i, i + 30_000));
        const xml = Buffer.from(`<sst>${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);
        return workbookXlsx({
          sheets: [{ name: 'S', data: header }],
          sharedStrings: {
            deflated: {
              bytes: zlib.deflateRawSync(xml, { level: 1 }),
              size: xml.length,
              crc: zlib.crc32(xml)
            }
          }
        });
      },
      /text table is larger than any register needs/
    ]
  ])(
    '%s',
    async (_, make, message) => {
      expect(await refusal(make())).toMatch(message);
    },
    60_000
  );
});

describe('CSV limits while reading', () => {
  it.each<[string, string, RegExp]>([
    [
      'ten million commas in one row',
      `Reference,Title\n${','.repeat(10_000_000)}\n`,
      /more than 250 columns; we read at most 250/
    ],
    [
      '251 columns',
      `${Array.from({ length: 251 }, (_, i) => `c${i}`).join(',')}\n`,
      /more than 250 columns/
    ],
    [
      '100,051 rows',
      `Reference\n${Array.from({ length: 100_050 }, (_, i) => `R${i}`).join('\n')}\n`,
      /more than 100,000 rows/
    ]
  ])('%s', async (_, text, message) => {
    expect(await refusal(Buffer.from(text), 'register.csv')).toMatch(message);
  });

  it('still reads 250 columns', async () => {
    const row = Array.from({ length: 250 }, (_, i) => `c${i}`).join(',');
    const [sheet] = await sheetsOf(Buffer.from(`${row}\n${row}\n`), 'wide.csv');
    expect(sheet!.rows[1]).toHaveLength(250);
  });
});
