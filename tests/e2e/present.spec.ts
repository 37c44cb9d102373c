import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

const ROADMAP = '/programmes/thornshire-demo/roadmap';

test('present the roadmap, share it signed out, print it on A3 landscape, then revoke the link', async ({
  page,
  browser
}) => {
  await signIn(page);
  await page.goto(ROADMAP);
  await page.getByRole('link', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The roadmap at a glance');
  await expect(page.getByRole('heading', { name: 'Day one' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'The plan as a table' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Share it with a link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Share the roadmap');
  await expectNoAxeViolations(page);
  const label = `Cabinet briefing ${Date.now()}`;
  await page.getByLabel('Who or what is it for?').fill(label);
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('heading', { name: 'Link created' })).toBeVisible();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/\/share\/[a-z2-7]{32}$/);

  // Someone without an account: a fresh browser context has no session cookie.
  const outsider = await browser.newContext();
  const shared = await outsider.newPage();
  const response = await shared.goto(link);
  expect(response!.status()).toBe(200);
  expect(response!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(shared.getByRole('heading', { level: 1 })).toHaveText('The roadmap at a glance');
  await expect(shared.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(shared.locator(`a[href^="/programmes"]`)).toHaveCount(0);
  await expectNoAxeViolations(shared);

  // On paper: the static drawing replaces the scrolling timeline, on an A3 landscape sheet.
  await shared.emulateMedia({ media: 'print' });
  await expect(shared.locator('.vd-present__paper svg')).toBeVisible();
  await expect(shared.locator('.vd-present__screen')).toBeHidden();
  await expect(shared.locator('.vd-header')).toBeHidden();
  const pdf = (await shared.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  expect(box, 'the PDF has a page size').not.toBeNull();
  // A3 landscape is 420 × 297 mm: 1190.55 × 841.89 points.
  expect(Math.round(Number(box![1]))).toBe(1191);
  expect(Math.round(Number(box![2]))).toBe(842);
  await shared.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: `Revoke the link for ${label}` }).click();
  await expect(page.getByRole('alert')).toContainText('Link revoked');

  const gone = await shared.goto(link);
  expect(gone!.status()).toBe(410);
  await expect(shared.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');
  await expectNoAxeViolations(shared);
  await outsider.close();
});
