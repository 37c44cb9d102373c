import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { contracts, pendingImports, programmes } from '#lib/server/db/schema/index.ts';
import {
  deflatedWithSpaces,
  rowGapXlsx,
  SHEET_HEAD,
  SHEET_TAIL,
  whitespaceBombXlsx,
  workbookXlsx,
  zipArchive
} from '../fixtures/xlsx';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';
import { uploadFile } from './factories/imports';

/**
 * Files made to exhaust the server (issue 20), through the real upload form: each is refused
 * on the import page with a sentence that says what is wrong, nothing is stored, and the
 * page is a 4xx, never a 500. The unit tests (tests/unit/import-xlsx.test.ts) hold the
 * reader's edge cases; these check the person sees the message.
 */
const MiB = 1024 * 1024;
const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${inline('A1', 'Reference')}${inline('B1', 'Title')}</row>`;
/** Random bytes do not compress: stored at 1.6 MB, 300 MB is a ratio real sheets reach. */
const incompressible = (bytes: number) => randomBytes(Math.round(bytes));

const HOSTILE: [name: string, file: string, make: () => Buffer, message: string][] = [
  [
    'a row numbered 30,000,000',
    'gap.xlsx',
    () => rowGapXlsx(30_000_000),
    'Sheet “Register” has a value in row 30,000,000; we read at most 100,000 rows.'
  ],
  [
    'a value in column 251',
    'wide.xlsx',
    () =>
      workbookXlsx({
        sheets: [{ name: 'S', data: `${header}<row r="2">${inline('IQ2', 'x')}</row>` }]
      }),
    'The file has 251 columns; we read at most 250.'
  ],
  [
    'a cell of 40,000 characters',
    'long-cell.xlsx',
    () =>
      workbookXlsx({
        sheets: [
          { name: 'S', data: `${header}<row r="2">${inline('A2', 'x'.repeat(40_000))}</row>` }
        ]
      }),
    'A cell in sheet “S” holds more than 32,767 characters'
  ],
  [
    'a part declaring 300 MB',
    'declared.xlsx',
    () =>
      workbookXlsx({
        sheets: [{ name: 'S', data: { data: incompressible(1.6 * MiB), declaredSize: 300 * MiB } }]
      }),
    'The workbook unpacks to 300 MB, more than the 512 MB we read'
  ],
  [
    'a 300 MB zip bomb',
    'bomb.xlsx',
    () => whitespaceBombXlsx(300 * MiB),
    'times its stored size, which no real spreadsheet does'
  ],
  [
    'a part that lies about its size',
    'lying.xlsx',
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
    'The file could not be read as an Excel workbook'
  ],
  [
    'a ZIP cut short',
    'truncated.xlsx',
    () => workbookXlsx({ sheets: [{ name: 'S', data: header }] }).subarray(0, 300),
    'The file could not be read as an Excel workbook'
  ],
  [
    'a ZIP with no workbook inside',
    'not-a-workbook.xlsx',
    () => zipArchive([{ name: 'readme.txt', data: Buffer.from('hello') }]),
    'The file could not be read as an Excel workbook'
  ],
  [
    'an encrypted part',
    'encrypted.xlsx',
    () =>
      workbookXlsx({
        sheets: [
          { name: 'S', data: { data: Buffer.from(SHEET_HEAD + SHEET_TAIL), encrypted: true } }
        ]
      }),
    'The workbook is password-protected (encrypted)'
  ],
  [
    'a shared-strings bomb',
    'strings.xlsx',
    () =>
      workbookXlsx({
        sheets: [{ name: 'S', data: header }],
        sharedStrings: {
          deflated: deflatedWithSpaces('<sst><si><t>', 300 * MiB, '</t></si></sst>')
        }
      }),
    'times its stored size, which no real spreadsheet does'
  ],
  [
    'a CSV of ten million commas',
    'commas.csv',
    () => Buffer.from(`Reference,Title\n${','.repeat(10_000_000)}\n`),
    'The file has more than 250 columns; we read at most 250.'
  ]
];

describeEachDriver('hostile uploads', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  it.each(HOSTILE)(
    'refuses %s with a message on the import page',
    async (_, file, make, message) => {
      const f = await createAccessFixtures(ctx.db);
      const s = {
        app,
        cookie: (await f.cookieFor('editor'))!,
        slug: f.programmeSlug,
        councilId: f.councilId
      };
      const [before] = await ctx.db.select({ n: count() }).from(contracts);
      const uploaded = await uploadFile(s, file, make());
      expect(uploaded.status).toBe(422);
      const html = (await uploaded.text()).replace(/&amp;/g, '&');
      expect(html).toContain(message);
      // The message is shown in the error summary and against the file field.
      expect(html).toMatch(/govuk-error-summary/);
      expect(
        await ctx.db.select().from(pendingImports).where(eq(pendingImports.fileName, file))
      ).toEqual([]);
      const [after] = await ctx.db.select({ n: count() }).from(contracts);
      expect(after!.n).toBe(before!.n);
    }
  );

  it('refuses a backup that is not JSON, with nothing restored', async () => {
    const f = await createAccessFixtures(ctx.db);
    const cookie = (await f.cookieFor('editor'))!;
    const [before] = await ctx.db.select({ n: count() }).from(programmes);
    const form = new FormData();
    form.set(
      'backup',
      new File([`{"format": "vesting-day-backup", ${'['.repeat(100_000)}`], 'b.json')
    );
    const response = await app.post('/programmes/new/restore', form, { cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('It is not JSON');
    const [after] = await ctx.db.select({ n: count() }).from(programmes);
    expect(after!.n).toBe(before!.n);
  });
});
