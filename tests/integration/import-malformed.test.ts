import { readdirSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contracts, pendingImports, systems } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';
import { fixture, importEvents, uploadFile } from './factories/imports';

/**
 * The corpus of malformed files: each is refused, either at upload (the file cannot be read
 * as a register) or at the preview (rows or columns need fixing), with a message that says
 * what is wrong; never a 500, and nothing is written.
 */
const CORPUS: [file: string, message: string][] = [
  ['empty.csv', 'The file is empty'],
  ['only-bom.csv', 'The file is empty'],
  ['only-blank-lines.csv', 'The file is empty'],
  ['only-headers.csv', 'no rows of data under it'],
  ['only-headers.xlsx', 'no rows of data under it'],
  ['only-headers-and-total.csv', 'no rows of data under it'],
  ['no-header-numbers.csv', 'No header row found'],
  ['no-header-words.csv', 'No header row found'],
  ['only-title-rows.csv', 'No header row found'],
  ['header-below-row-20.csv', 'No header row found in the first 20 rows'],
  ['duplicate-headers.csv', 'Columns D and G have the same heading'],
  ['duplicate-headers-case.csv', 'Columns A and B have the same heading'],
  ['duplicate-headers.xlsx', 'Columns B and G have the same heading'],
  ['binary-garbage.bin', 'neither CSV text nor an Excel workbook'],
  ['binary-garbage.csv', 'neither CSV text nor an Excel workbook'],
  ['png-image.csv', 'neither CSV text nor an Excel workbook'],
  ['pdf-document.csv', 'This is a PDF'],
  ['old-excel.xls', 'old Excel 97–2003 workbook'],
  ['truncated-half.xlsx', 'could not be read as an Excel workbook'],
  ['truncated-tiny.xlsx', 'could not be read as an Excel workbook'],
  ['corrupted.xlsx', 'could not be read as an Excel workbook'],
  ['csv-named-xlsx.xlsx', 'could not be read as an Excel workbook'],
  ['zip-of-text.xlsx', 'could not be read as an Excel workbook'],
  ['utf32-le.csv', 'The file is in UTF-32'],
  ['utf32-be.csv', 'The file is in UTF-32'],
  ['utf7.csv', 'The file is in UTF-7'],
  ['utf-ebcdic.csv', 'The file is in UTF-EBCDIC'],
  ['gb18030.csv', 'The file is in GB-18030'],
  ['utf8-bom-invalid-bytes.csv', 'contains characters that are not UTF-8'],
  ['control-characters.csv', 'neither CSV text nor an Excel workbook'],
  ['nul-bytes.csv', 'neither CSV text nor an Excel workbook'],
  ['html-page.csv', 'This is a web page or XML file'],
  ['html-table.xls', 'This is a web page or XML file'],
  ['xml-spreadsheet.csv', 'This is a web page or XML file'],
  ['unclosed-quote.csv', 'is never closed'],
  ['huge-row.csv', 'longer than 200,000 characters'],
  ['too-many-columns.csv', 'we read at most 250'],
  ['formula-in-value.csv', 'is a formula, not a value'],
  ['formula-in-title.csv', 'is a formula, not a value'],
  ['formula-at-sign.csv', 'is a formula, not a value'],
  // A formula Excel never calculated has no value to read: the reference is missing.
  ['formula-cells.xlsx', 'Enter the contract reference'],
  ['impossible-date.csv', 'is not a real date'],
  ['date-in-words.csv', 'Use a date like 01/04/2024'],
  ['american-date.csv', 'the month must be between 1 and 12'],
  ['year-only-date.csv', 'is only a year'],
  ['end-before-start.csv', 'End date must be the same as or after the start date'],
  ['negative-money.csv', 'Total value cannot be negative'],
  ['money-in-words.csv', 'Enter total value in pounds'],
  ['money-three-decimals.csv', 'no more than 2 decimal places'],
  ['money-too-large.csv', 'must be £10 billion or less'],
  ['missing-reference.csv', 'Enter the contract reference'],
  ['missing-supplier.csv', 'Enter the supplier’s name'],
  ['duplicate-references.csv', 'is also on row 2'],
  ['title-too-long.csv', 'must be 300 characters or fewer'],
  ['bad-company-number.csv', 'is not a Companies House number'],
  ['bad-notice-period.csv', 'is not a notice period'],
  ['bad-extension-options.csv', 'is not understood: write extension options like'],
  ['unknown-council.csv', 'There is no council called “Nowhere Borough Council”'],
  ['no-supplier-column.csv', 'Choose the column that holds the supplier name'],
  ['windows-1252-bad-date.csv', 'is not a real date'],
  ['systems-bad-hosting.csv', 'use one of On premises, Hosted or SaaS'],
  ['systems-missing-name.csv', 'Enter the system’s name'],
  ['systems-bad-users.csv', 'is not a whole number']
];

/** The page text with HTML's escapes of quotes undone, as a reader sees it. */
const text = async (response: Response) =>
  (await response.text())
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the malformed corpus', () => {
  it('has at least 50 files, each in the table', () => {
    const files = readdirSync(new URL('../fixtures/import/malformed/', import.meta.url)).sort();
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.map(([file]) => file).sort()).toEqual(files);
  });
});

describeEachDriver('malformed imports', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  it.each(CORPUS)('%s is refused: %s', async (file, message) => {
    const f = await createAccessFixtures(ctx.db);
    const s = {
      app,
      cookie: (await f.cookieFor('editor'))!,
      slug: f.programmeSlug,
      councilId: f.councilId
    };
    const totals = async () => ({
      contracts: (await ctx.db.select({ n: count() }).from(contracts))[0]!.n,
      systems: (await ctx.db.select({ n: count() }).from(systems))[0]!.n
    });
    const before = await totals();
    const kind = file.startsWith('systems-') ? 'systems' : 'contracts';
    const uploaded = await uploadFile(s, file, fixture(`malformed/${file}`), kind);
    if (uploaded.status !== 303) {
      expect(uploaded.status).toBeGreaterThanOrEqual(400);
      expect(uploaded.status).toBeLessThan(500);
      expect(await text(uploaded)).toContain(message);
      expect(
        await ctx.db.select().from(pendingImports).where(eq(pendingImports.fileName, file))
      ).toEqual([]);
    } else {
      const id = uploaded.headers.get('location')!.split('/').at(-1)!;
      const preview = await app.get(`/programmes/${s.slug}/import/${id}/preview`, {
        cookie: s.cookie
      });
      expect(preview.status).toBe(200);
      expect(await text(preview)).toContain(message);
      const commit = await app.post(
        `/programmes/${s.slug}/import/${id}/preview`,
        {},
        { cookie: s.cookie }
      );
      expect(commit.status).toBe(400);
      expect(await text(commit)).toContain('Nothing was imported');
    }
    expect(await totals()).toEqual(before);
    expect(await importEvents(ctx.db)).toEqual([]);
  });
});
