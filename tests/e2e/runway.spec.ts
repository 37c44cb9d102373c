import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

test('open the runway from the contracts list, tab to a bar and follow it to the contract', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo/contracts');
  await page.getByRole('link', { name: 'Contract runway' }).click();
  await expect(page).toHaveTitle(/^Contract runway – /);
  await expect(page.locator('a.vd-runway__row')).not.toHaveCount(0);
  await expectNoAxeViolations(page);

  // Keyboard: from the last filter control, Tab reaches the first bar.
  await page.getByRole('link', { name: 'Clear filters' }).focus();
  const bar = page.locator('a.vd-runway__row').first();
  for (let i = 0; i < 5 && !(await bar.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(bar).toBeFocused();
  const name = (await bar.getAttribute('aria-label')) ?? '';
  // "Reference, Decision: Title, Supplier, Council. …"
  const [, reference, title] = /^(.+?), [^:]+: (.+?), /.exec(name) ?? [];
  expect(reference).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
});

test('filter the runway by supplier lanes and a quarter of the cliff, with tables behind details', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo/contracts/runway');
  await page.getByLabel('Supplier').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/lanes=supplier/);
  await expect(page.locator('.vd-runway__lane-label', { hasText: 'Ledgerline Ltd' })).toHaveCount(
    1
  );

  await page.getByText('Show the cliff as a table').click();
  await expect(
    page.getByRole('table', { name: 'Contracts and annual value ending each quarter' })
  ).toBeVisible();
  await page.getByText('Show the runway as a table').click();
  await expect(page.getByRole('table', { name: 'Contracts on the runway' })).toBeVisible();
  await expectNoAxeViolations(page);

  const quarter = page.locator('a.vd-cliff__bar').first();
  const label = (await quarter.getAttribute('aria-label')) ?? '';
  const count = Number(/: (\d+) contract/.exec(label)?.[1]);
  await quarter.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&before=\d{4}-\d{2}-\d{2}/);
  await expect(page.locator('a.vd-runway__row')).toHaveCount(count);
});

test('create a calendar address, see it once, and turn it off', async ({ page }) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo');
  await page.getByRole('link', { name: 'Get the deadlines in your calendar' }).click();
  await expect(page).toHaveTitle(/^Deadlines in your calendar – /);
  await expectNoAxeViolations(page);
  const create = page.getByRole('button', { name: 'Create my calendar address' });
  if (await create.isVisible()) await create.click();
  else await page.getByRole('button', { name: 'Replace it with a new address' }).click();
  const address = await page.getByLabel('Calendar address').inputValue();
  expect(address).toMatch(/\/calendar\/[a-z2-7]{32}\.ics$/);
  await expectNoAxeViolations(page);

  const feed = await page.request.get(address);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');

  await page.getByRole('button', { name: 'Turn off this address' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    'Calendar address turned off'
  );
  expect((await page.request.get(address)).status()).toBe(404);
});
