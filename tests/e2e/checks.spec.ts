import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

const DEMO = '/programmes/thornshire-demo';

function checkItem(page: Page, title: string) {
  return page.locator('.govuk-task-list__item').filter({ hasText: title });
}

test('the demo readiness page and a check’s detail are accessible', async ({ page }) => {
  await signIn(page);
  await page.goto(DEMO);
  await page.getByRole('navigation').getByRole('link', { name: 'Readiness' }).click();
  await expect(page).toHaveTitle(/^Day-one readiness – /);
  await expect(page.locator('.govuk-inset-text')).toContainText('Not ready');
  await expect(page.getByRole('table', { name: 'By successor council' })).toContainText(
    'South Thornshire Council'
  );
  for (const status of ['Passed', 'Warning', 'Failed', 'Not known']) {
    await expect(
      page.locator('.govuk-task-list__status').filter({ hasText: status })
    ).not.toHaveCount(0);
  }
  await expect(page.getByRole('img', { name: /passed$/ }).first()).toBeAttached();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'No contract lapses around vesting day' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'No contract lapses around vesting day'
  );
  await expect(page.getByRole('link', { name: /ADC\/2019\/014/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the day-one facts and council form are accessible, with clear errors', async ({ page }) => {
  await signIn(page);
  await page.goto(`${DEMO}/checks/facts`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Change facts of Castlebridge City Council' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Day-one facts: Castlebridge City Council'
  );
  await page.getByLabel('Migration planned').check();
  await page.getByRole('button', { name: 'Save facts' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the planned migration date');
  await expectNoAxeViolations(page);
});

test('the security, savings and threshold forms are accessible', async ({ page }) => {
  await signIn(page);
  await page.goto(`${DEMO}/checks/facts/security`);
  await expectNoAxeViolations(page);
  await page
    .getByRole('link', { name: 'Record security controls of Aldmoor District Council' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Security controls: Aldmoor District Council'
  );
  await expectNoAxeViolations(page);

  await page.goto(`${DEMO}/checks/facts/savings`);
  await expectNoAxeViolations(page);
  await page.goto(`${DEMO}/checks/settings`);
  await expectNoAxeViolations(page);
});

test('deciding to extend a contract moves the contracts check from failed to passed', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/new/blank');
  await page.getByLabel('Programme name').fill(`Checks ${Date.now()}`);
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('4');
  await page.getByLabel('Year').fill('2028');
  await page.getByRole('button', { name: 'Create programme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checks');
  const base = new URL(page.url()).pathname;

  await page.goto(`${base}/councils/new`);
  await page.getByLabel('Name').fill('Westmarch District Council');
  await page.getByRole('button', { name: 'Add council' }).click();
  await page.goto(`${base}/contracts/new`);
  await page
    .getByLabel('Council that holds the contract')
    .selectOption({ label: 'Westmarch District Council' });
  await page.getByLabel('Contract reference').fill('WDC-1');
  await page.getByLabel('Title', { exact: true }).fill('Payroll service');
  await page.getByLabel('Supplier', { exact: true }).fill('Paywell Ltd');
  const end = page.getByRole('group', { name: 'End date (optional)', exact: true });
  await end.getByLabel('Day').fill('31');
  await end.getByLabel('Month').fill('12');
  await end.getByLabel('Year').fill('2027');
  await page.locator('#option-0-months').fill('24');
  await page.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payroll service');
  const contract = new URL(page.url()).pathname;

  await page.goto(`${base}/checks`);
  const item = checkItem(page, 'No contract lapses around vesting day');
  await expect(item.locator('.govuk-task-list__status')).toHaveText('Failed');
  await expect(item).toContainText('1 contract without a decision');

  await page.goto(contract);
  await page.getByLabel('What happens to the contract').selectOption('extend');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contract saved');

  await page.goto(`${base}/checks`);
  await expect(item.locator('.govuk-task-list__status')).toHaveText('Passed');
  await expect(item).toContainText('all with a decision');
  await expectNoAxeViolations(page);
});
