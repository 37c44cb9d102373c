import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

test('add a system, find it by filter, and see it in the service area × council matrix', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo/systems');
  await expect(page).toHaveTitle(/^Systems – /);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add a system' }).click();
  await expectNoAxeViolations(page);

  const name = `Housing register ${Date.now()}`;
  await page
    .getByLabel('Council that runs it')
    .selectOption({ label: 'Brackenford Borough Council' });
  await page
    .getByLabel('Service area (optional)')
    .selectOption({ label: 'Housing and homelessness' });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Product (optional)').fill('Keyholder');
  await page.getByLabel('Vendor (optional)').fill('Keystone Housing Ltd');
  await page.getByLabel(/Annual cost/).fill('£42,500');
  await page.getByRole('button', { name: /Add system/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expectNoAxeViolations(page);

  await page.goto('/programmes/thornshire-demo/systems');
  await page.getByLabel('Search').fill('Keyholder');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=Keyholder/);
  await expect(page.getByRole('link', { name })).toBeVisible();

  await page.goto('/programmes/thornshire-demo/systems/matrix');
  // Ten service areas a page: the services come first, the foundations after them.
  await expect(page).toHaveTitle(/^Systems matrix \(page 1 of \d+\) – /);
  const housing = page.getByRole('row', { name: /Housing and homelessness/ });
  await expect(housing).toContainText('Keyholder');
  await expectNoAxeViolations(page);
  await page
    .getByRole('navigation', { name: 'Systems matrix pages' })
    .getByRole('link', { name: /Next/ })
    .click();
  await expect(page).toHaveURL(/\/systems\/matrix\?page=2$/);
  await expect(page).toHaveTitle(/^Systems matrix \(page 2 of \d+\) – /);
  const finance = page.getByRole('row', { name: /^Finance/ });
  await expect(finance).toContainText('Civic Ledger');
  await expect(finance).toContainText('Abacus Finance');
  await expectNoAxeViolations(page);
});

test('every inventory page is accessible and has its own title', async ({ page }) => {
  // Eighteen pages, each checked by axe: more than the default 30 seconds on a 2-core machine.
  test.setTimeout(180_000);
  await signIn(page);
  const base = '/programmes/thornshire-demo';
  const titles = new Set<string>();
  for (const path of [
    '',
    '/councils',
    '/councils/new',
    '/service-areas',
    '/systems',
    '/systems/new',
    '/systems/matrix',
    '/contracts',
    '/contracts/new',
    '/members',
    '/audit',
    '/../new',
    '/../new/blank',
    '/../new/county?county=KEN',
    '/../new/example'
  ]) {
    const url = path.startsWith('/..') ? `/programmes${path.slice(3)}` : `${base}${path}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const title = await page.title();
    expect(titles.has(title), `${url} repeats the title "${title}"`).toBe(false);
    titles.add(title);
    await expectNoAxeViolations(page);
  }
  for (const [list, link] of [
    ['councils', 'Change Dunmere District Council'],
    ['service-areas', 'Change Finance']
  ]) {
    await page.goto(`${base}/${list}`);
    await page.getByRole('link', { name: link }).click();
    await expectNoAxeViolations(page);
  }
  await page.goto('/account');
  await expectNoAxeViolations(page);
  await page.goto('/admin/users');
  await expectNoAxeViolations(page);
});
