import { describe, expect, it } from 'vitest';
import { detectDelimiter, type Delimiter } from '#lib/domain/import/delimiter.ts';
import { decodeText } from '#lib/domain/import/encoding.ts';
import { headerScore } from '#lib/domain/import/kinds.ts';
import { columnLetter, shapeSheet, type Cell } from '#lib/domain/import/table.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const utf16le = (text: string, bom: boolean) =>
  new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) =>
  new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

describe('decodeText: the encodings Excel and finance systems save in', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['UTF-8 without a mark', new TextEncoder().encode('Value\n£1,200'), 'utf-8', 'Value\n£1,200'],
    ['UTF-8 with a mark (Excel “CSV UTF-8”)', bytes([0xef, 0xbb, 0xbf], 'Ref'), 'utf-8', 'Ref'],
    [
      'Windows-1252 “£” (0xA3), plain Excel CSV',
      bytes('Value\n', [0xa3], '5'),
      'windows-1252',
      'Value\n£5'
    ],
    ['Windows-1252 curly quote (0x92)', bytes('Council', [0x92], 's'), 'windows-1252', 'Council’s'],
    ['UTF-16 LE with a mark (“Unicode text”)', utf16le('Ref\t£1', true), 'utf-16le', 'Ref\t£1'],
    ['UTF-16 BE with a mark', utf16be('Ref,£1'), 'utf-16be', 'Ref,£1'],
    [
      'UTF-16 LE without a mark',
      utf16le('Reference,Title\nA,B', false),
      'utf-16le',
      'Reference,Title\nA,B'
    ]
  ])('%s', (_, input, encoding, text) => {
    const result = decodeText(input);
    expect(result).toMatchObject({ ok: true, encoding, text });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['UTF-32', new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32/],
    ['UTF-7', bytes('+/v8-abc'), /UTF-7/],
    [
      'a UTF-8 mark with bytes that are not UTF-8',
      bytes([0xef, 0xbb, 0xbf], 'A', [0xff]),
      /not UTF-8/
    ],
    [
      'binary garbage (a PNG)',
      bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /neither CSV/
    ],
    ['control characters', bytes([1, 2, 3, 4, 5, 6, 7, 8], 'abc'), /neither CSV/]
  ])('refuses %s with a message', (_, input, message) => {
    const result = decodeText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string, Delimiter]>([
    ['commas', 'Reference,Title,Value\nA,B,1\n', ','],
    ['semicolons (European Excel)', 'Reference;Title;Value\nA;B;1,5\n', ';'],
    ['tabs', 'Reference\tTitle\tValue\nA\tB,C\t1\n', '\t'],
    ['pipes', 'Reference|Title|Value\nA|B, C|1\n', '|'],
    ['commas inside quotes do not count', 'Ref;Title\n1;"a, b, c, d"\n2;"e, f, g"\n', ';'],
    [
      'a title row above the header',
      'Contract register 2024\nRef,Title,Value\nA,B,1\nC,D,2\n',
      ','
    ],
    ['one column', 'Reference\nA\nB\n', ','],
    ['CRLF line ends', 'Ref\tTitle\r\nA\tB\r\n', '\t'],
    ['empty', '', ',']
  ])('%s', (_, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('shapeSheet: header row, data rows and summary rows', () => {
  const score = (headers: string[]) => headerScore('contracts', headers);
  const header: Cell[] = ['Reference', 'Title', 'Supplier', 'Value'];

  it.each<[string, Cell[][], { headerIndex: number; rows: number[]; summaryRows: number }]>([
    [
      'header on the first row',
      [header, ['A', 'B', 'C', 1]],
      { headerIndex: 0, rows: [2], summaryRows: 0 }
    ],
    [
      'title and blank rows above the header',
      [['Contracts register'], ['Published 1 April 2024'], [], header, ['A', 'B', 'C', 1]],
      { headerIndex: 3, rows: [5], summaryRows: 0 }
    ],
    [
      'blank rows in the data are skipped',
      [header, ['A', 'B', 'C', 1], ['', null, ' ', null], ['D', 'E', 'F', 2]],
      { headerIndex: 0, rows: [2, 4], summaryRows: 0 }
    ],
    [
      'trailing Total and Grand total rows are dropped',
      [header, ['A', 'B', 'C', 1], [null, 'Total', null, 1], ['Grand total', null, null, 1]],
      { headerIndex: 0, rows: [2], summaryRows: 2 }
    ],
    [
      'a "Total" in the middle stays (it is a row to check)',
      [header, ['Total', 'B', 'C', 1], ['D', 'E', 'F', 2]],
      { headerIndex: 0, rows: [2, 3], summaryRows: 0 }
    ]
  ])('%s', (_, sheet, expected) => {
    const result = shapeSheet(sheet, score);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shape.headerIndex).toBe(expected.headerIndex);
    expect(result.shape.rows.map((r) => r.rowNumber)).toEqual(expected.rows);
    expect(result.shape.summaryRows).toBe(expected.summaryRows);
  });

  it.each<[string, Cell[][], RegExp]>([
    ['zero rows', [], /empty/],
    ['only blank rows', [[], ['', null]], /empty/],
    [
      'no recognisable header',
      [
        ['a', 'b'],
        ['c', 'd']
      ],
      /No header row/
    ],
    ['only headers', [header], /no rows of data/],
    ['only headers and a total', [header, ['Total', null, null, 5]], /no rows of data/],
    [
      'duplicate headers',
      [
        ['Reference', 'Title', 'Supplier', 'title'],
        ['A', 'B', 'C', 'D']
      ],
      /Columns B and D have the same heading/
    ]
  ])('refuses %s', (_, sheet, message) => {
    const result = shapeSheet(sheet, score);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA']
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
