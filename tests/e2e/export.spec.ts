import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

/** Clicks a link that downloads a file; saves it under its suggested name and returns the path. */
async function downloadFrom(page: Page, name: string | RegExp): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name, exact: typeof name === 'string' }).click();
  const download = await downloading;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('download the filtered contracts list as CSV: the file holds exactly the rows shown', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo/contracts');
  await page.getByLabel('Council').selectOption({ label: 'Thornshire County Council' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/council=/);
  const shown = await page.locator('tbody tr td:first-child a').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  await expect(page.getByText(/^\s*Download (these \d+ contracts|this contract) as/)).toBeVisible();
  await expectNoAxeViolations(page);

  const file = await downloadFrom(page, 'CSV');
  expect(file).toMatch(/thornshire-demo-contracts-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => `${r.Reference}: ${r.Title}`)).toEqual(shown.map((s) => s.trim()));
  expect(new Set(rows.map((r) => r.Council))).toEqual(new Set(['Thornshire County Council']));
});

test('download a backup from the Export page and restore it as a new programme', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo');
  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('link', { name: 'Export' })
    .click();
  await expect(page).toHaveTitle(/^Export – /);
  await expectNoAxeViolations(page);
  const backup = await downloadFrom(page, 'Download a backup');
  expect(backup).toMatch(/thornshire-demo-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(fs.readFileSync(backup, 'utf8'))).toMatchObject({
    format: 'vesting-day-backup',
    version: 1
  });
  const spreadsheet = await downloadFrom(page, 'systems as CSV');

  await page.goto('/programmes/new');
  await page.getByLabel('From a backup file').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle(/^Restore a backup as a new programme – /);
  await expectNoAxeViolations(page);

  // A spreadsheet is not a backup: a clear message, and nothing is made.
  await page.getByLabel('Backup file').setInputFiles(spreadsheet);
  await page.getByRole('button', { name: 'Restore as a new programme' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('not a Vesting Day backup');
  await expect(page.getByText('Nothing was saved.')).toBeVisible();
  await expectNoAxeViolations(page);

  const name = `Thornshire rehearsal ${Date.now()}`;
  await page.getByLabel('Backup file').setInputFiles(backup);
  await page.getByLabel('Name of the new programme (optional)').fill(name);
  await page.getByRole('button', { name: 'Restore as a new programme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Backup restored');
  await expect(page.getByText('Thornshire County Council', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
