import { expect, test } from '@playwright/test';
import { demoAccount, expectNoAxeViolations, signIn, submitSignIn } from './axe';

test.describe('signing in', () => {
  test('the sign-in page renders and is accessible', async ({ page }) => {
    const response = await page.goto('/login');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('Sign in – Vesting Day');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Vesting Day');
    await expect(page.getByLabel('Email address', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the skip link is the first thing the keyboard reaches', async ({ page }) => {
    await page.goto('/login');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveText('Skip to main content');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await expect(focused).toHaveAttribute('href', '#main-content');
    await expect(page.locator('#main-content')).toHaveCount(1);
  });

  test('a wrong password shows an accessible error summary', async ({ page }) => {
    const { email } = demoAccount();
    await page.goto('/login');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
      submitSignIn(page, email, 'not-the-demo-password')
    ]);
    expect(response.status()).toBe(400);

    await expect(page).toHaveTitle(/^Error: /);
    await expect(page).toHaveTitle('Error: Sign in – Vesting Day');
    await expect(page).toHaveURL(/\/login(\?|$)/);
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary).toContainText('Enter a correct email address and password');
    // The email is kept; the password is not echoed back.
    await expect(page.getByLabel('Email address', { exact: true })).toHaveValue(email);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    await expectNoAxeViolations(page);
  });

  test('after signing in from a redirect you land on the page you asked for', async ({ page }) => {
    await page.goto('/programmes/thornshire-demo');
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprogrammes%2Fthornshire-demo$/);
    await expect(page).toHaveTitle('Sign in – Vesting Day');

    const { email, password } = demoAccount();
    await submitSignIn(page, email, password);
    await expect(page).toHaveURL(/\/programmes\/thornshire-demo$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Thornshire reorganisation (demo)'
    );
    await expectNoAxeViolations(page);
  });

  test('signing out from the header ends the session', async ({ page }) => {
    await signIn(page);
    await expect(page).toHaveURL(/\/programmes$/);

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/login');
    await expect(page).toHaveTitle('Sign in – Vesting Day');
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto('/programmes');
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprogrammes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Vesting Day');
  });
});
