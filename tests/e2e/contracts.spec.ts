import { expect, test, type Browser } from '@playwright/test';
import { demoAccount, expectNoAxeViolations, signIn, submitSignIn } from './axe';

async function signedInContext(browser: Browser) {
  const { email, password } = demoAccount();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/programmes$/);
  return { context, page };
}

test('add a contract, then two people edit it: the second save gets the conflict page', async ({
  page,
  browser
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo/contracts');
  await expect(page).toHaveTitle(/^Contracts – /);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add a contract' }).click();
  await expect(page).toHaveTitle(/^Add a contract – /);
  await expectNoAxeViolations(page);

  const reference = `E2E-${Date.now()}`;
  await page
    .getByLabel('Council that holds the contract')
    .selectOption({ label: 'Eastwold District Council' });
  await page.getByLabel('Contract reference').fill(reference);
  await page.getByLabel('Title', { exact: true }).fill('Housing management system');
  await page.getByLabel('Supplier', { exact: true }).fill('Keystone Housing Ltd');
  const end = page.getByRole('group', { name: 'End date (optional)', exact: true });
  await end.getByLabel('Day').fill('31');
  await end.getByLabel('Month').fill('2');
  await end.getByLabel('Year').fill('2028');
  await page.getByLabel('Annual value (optional)').fill('£85,000');
  await page.getByRole('button', { name: 'Add contract' }).click();

  // 31 February is refused, with what was typed kept.
  await expect(page.getByRole('alert')).toContainText('End date must be a real date');
  await expect(page.getByLabel('Contract reference')).toHaveValue(reference);
  await expectNoAxeViolations(page);
  await end.getByLabel('Day').fill('28');
  await page.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Housing management system');
  await expect(page.locator('.govuk-summary-list')).toContainText('28 February 2028');
  await expectNoAxeViolations(page);

  const url = page.url().replace(/\?.*$/, '');
  const alice = await signedInContext(browser);
  const bob = await signedInContext(browser);
  await alice.page.goto(url);
  await bob.page.goto(url);
  await alice.page.getByLabel('Supplier', { exact: true }).fill('Keystone Housing Group Ltd');
  await alice.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(alice.page.locator('.govuk-notification-banner')).toContainText('Contract saved');

  await bob.page.getByLabel('Supplier', { exact: true }).fill('Someone Else Ltd');
  await bob.page.getByRole('button', { name: 'Save changes' }).click();
  const notice = bob.page
    .getByRole('alert')
    .filter({ hasText: 'Someone else changed this contract' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('row', { name: /Supplier/ })).toContainText('Someone Else Ltd');
  await expect(notice.getByRole('row', { name: /Supplier/ })).toContainText(
    'Keystone Housing Group Ltd'
  );
  await expect(bob.page.getByLabel('Supplier', { exact: true })).toHaveValue(
    'Keystone Housing Group Ltd'
  );
  await expectNoAxeViolations(bob.page);
  await alice.context.close();
  await bob.context.close();
});

test('filter contracts ending around day one, preview a bulk decision, apply it', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/thornshire-demo/contracts');
  await page.getByLabel('Ends around vesting day').selectOption({ label: 'Within 6 months' });
  await page.getByLabel('Undecided only').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/endsWithin=6/);
  await expect(page).toHaveURL(/undecided=yes/);
  const count = Number((await page.getByRole('status').textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  await page.getByLabel(/Decide for all/).selectOption({ label: 'Extend' });
  await page.getByRole('button', { name: 'Preview the change' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`set “Extend” on ${count}`);
  await expect(page.locator('tbody tr')).toHaveCount(count);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Apply to/ }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    `${count} ${count === 1 ? 'contract was' : 'contracts were'} updated`
  );

  await page.goto('/programmes/thornshire-demo/contracts?endsWithin=6&undecided=yes');
  await expect(page.getByText('No contracts match these filters.')).toBeVisible();
});
