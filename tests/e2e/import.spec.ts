import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

test('import a register: fix a mapping, see the preview errors, commit, find the contracts', async ({
  page
}) => {
  const stamp = Date.now();
  const register = [
    'Eastwold District Council contract register',
    '',
    'Contract number,Title of agreement,Supplier name,Contract value,Review,End date',
    `IMP-${stamp}-1,Street cleansing,Clean Streets Ltd,"£1,200,000",Annually,31/03/2029`,
    `IMP-${stamp}-2,Parking enforcement,Park Ltd,£250k,01/10/2027,04/05/2028`,
    ',Total,,"£1,450,000",,'
  ].join('\r\n');

  await signIn(page);
  await page.goto('/programmes/thornshire-demo');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page).toHaveTitle(/^Import a register – /);
  await expectNoAxeViolations(page);
  await page
    .getByLabel('Council the register belongs to')
    .selectOption({ label: 'Eastwold District Council' });
  await page.getByLabel('File').setInputFiles({
    name: 'eastwold-contracts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(register, 'utf8')
  });
  await page.getByRole('button', { name: 'Upload and check columns' }).click();

  await expect(page).toHaveTitle(/^Check the columns – /);
  await expect(page.locator('.govuk-summary-list')).toContainText('Row 3');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save and preview' }).click();

  // "Annually" is not a review date: the row is listed and nothing can be imported yet.
  await expect(page).toHaveTitle(/^Error: Check before importing – /);
  await expect(page.getByRole('alert')).toContainText('1 row needs fixing');
  await expect(page.getByRole('table').first()).toContainText('Column E (Review)');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Fix the mapping: the Review column holds words, so it is left out.
  await page.getByRole('link', { name: 'change the columns' }).click();
  await page.getByLabel('Import column E (Review) as').selectOption({ label: 'Do not import' });
  await page.getByRole('button', { name: 'Save and preview' }).click();
  await expect(page).toHaveTitle(/^Check before importing – /);
  // 04/05/2028 is read the UK way: 4 May.
  await expect(page.locator('main')).toContainText('4 May 2028');
  await expectNoAxeViolations(page);
  // The commit is held back until the page has shown its progress, so the check never races
  // a fast import; the page asks the progress endpoint while it waits.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/import\/[^/]+\/preview(\?.*)?$/, async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  const polled = page.waitForResponse(/\/import\/[^/]+\/progress$/);
  await page.getByRole('button', { name: 'Import 2 contracts' }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  const answer = await polled;
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual({ stage: 'waiting', done: 0, total: 2 });
  await expect(progress).toContainText('Importing 2 rows');
  await expect(page.getByRole('button', { name: 'Import 2 contracts' })).toBeDisabled();
  await expectNoAxeViolations(page);
  release();

  await expect(page).toHaveTitle(/^Import complete – /);
  await expect(page.locator('.govuk-summary-list')).toContainText('Added');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'See the contracts' }).click();
  await page.goto(`/programmes/thornshire-demo/contracts?q=IMP-${stamp}`);
  await expect(page.locator('main')).toContainText('Street cleansing');
  await expect(page.locator('main')).toContainText('Parking enforcement');

  await page.goto('/programmes/thornshire-demo/import/formats');
  await expect(page).toHaveTitle(/^Columns and formats we accept – /);
  await expectNoAxeViolations(page);
});
