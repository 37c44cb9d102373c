import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn, submitSignIn } from './axe';

const PROGRAMME = '/programmes/thornshire-demo';

/** A new account, added by the demo administrator and made an editor of the demo programme. */
async function addEditor(page: Page) {
  const name = `Leaver ${Date.now()}`;
  const email = `leaver-${Date.now()}-${Math.floor(Math.random() * 1e6)}@council.example`;
  await page.goto('/admin/users');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add user' }).click();
  const banner = page.locator('.govuk-notification-banner');
  await expect(banner).toContainText('User added');
  const password = (await banner.locator('strong').textContent())?.trim() ?? '';
  await page.goto(`${PROGRAMME}/members`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('radio', { name: 'Editor' }).check();
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Member added');
  return { name, email, password };
}

async function signInAs(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/programmes$/);
  return { context, page };
}

test('removing a member lists the share links they made and revokes them unless told not to', async ({
  page,
  browser
}) => {
  await signIn(page);
  const leaver = await addEditor(page);

  // The editor shares the roadmap.
  const asLeaver = await signInAs(browser, leaver);
  await asLeaver.page.goto(`${PROGRAMME}/roadmap/share`);
  const label = `Scrutiny committee ${Date.now()}`;
  await asLeaver.page.getByLabel('Who or what is it for?').fill(label);
  await asLeaver.page.getByRole('button', { name: 'Create link' }).click();
  const link = await asLeaver.page.getByLabel('Share link').inputValue();
  await asLeaver.context.close();

  // The owner sees who made it.
  await page.goto(`${PROGRAMME}/roadmap/share`);
  await expect(page.getByRole('row', { name: new RegExp(label) })).toContainText(leaver.name);

  await page.goto(`${PROGRAMME}/members`);
  await page.getByRole('link', { name: `Remove ${leaver.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Remove ${leaver.name} from this programme?`
  );
  await expect(
    page.getByRole('table', { name: `Share links made by ${leaver.name} that still work` })
  ).toContainText(label);
  const revoke = page.getByRole('checkbox', { name: 'Revoke the 1 share link they made' });
  await expect(revoke).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Remove member' }).click();

  await expect(page).toHaveURL(/\/members\?done=removed/);
  await expect(page.getByRole('alert')).toContainText('The 1 share link they made was revoked.');
  await expect(page.getByRole('row', { name: new RegExp(leaver.name) })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const outsider = await browser.newContext();
  const shared = await outsider.newPage();
  expect((await shared.goto(link))!.status()).toBe(410);
  await outsider.close();
});
