import { expect, test } from '@playwright/test';
import { demoAccount, expectNoAxeViolations, submitSignIn } from './axe';

test('two people edit one council: the second save is refused with what changed', async ({
  browser
}) => {
  const { email, password } = demoAccount();
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/login');
    await submitSignIn(page, email, password);
    await expect(page).toHaveURL(/\/programmes$/);
    return { context, page };
  };
  const alice = await open();
  const bob = await open();

  await alice.page.goto('/programmes/thornshire-demo/councils');
  await expect(alice.page).toHaveTitle(/^Councils – /);
  await expect(alice.page.getByRole('img', { name: /Who becomes whom/ })).toBeVisible();
  await expectNoAxeViolations(alice.page);
  await alice.page.getByRole('link', { name: 'Change Dunmere District Council' }).click();
  await expectNoAxeViolations(alice.page);
  await bob.page.goto(alice.page.url());

  const website = `https://www.dunmere-${Date.now()}.gov.example`;
  await alice.page.getByLabel('Website (optional)').fill(website);
  await alice.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(alice.page).toHaveURL(/\/councils$/);

  await bob.page.getByLabel('Website (optional)').fill('https://www.bob.gov.example');
  await bob.page.getByRole('button', { name: 'Save changes' }).click();
  const notice = bob.page.getByRole('alert');
  await expect(notice).toContainText('Someone else changed this council while you were editing it');
  await expect(notice.getByRole('row', { name: /Website/ })).toContainText(
    'https://www.bob.gov.example'
  );
  await expect(notice.getByRole('row', { name: /Website/ })).toContainText(website);
  // The form now holds what is saved, so a second save is deliberate.
  await expect(bob.page.getByLabel('Website (optional)')).toHaveValue(website);
  await expectNoAxeViolations(bob.page);

  await alice.context.close();
  await bob.context.close();
});
