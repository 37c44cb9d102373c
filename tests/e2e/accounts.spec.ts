import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn, submitSignIn } from './axe';

/** Adds a person through the administrator's Users page; returns their one-time password. */
async function addUserAsAdmin(page: Page, name: string) {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@council.example`;
  await page.goto('/admin/users');
  await expect(page).toHaveTitle('Users – Vesting Day');
  await expectNoAxeViolations(page);
  await page.getByLabel('Name').fill(`Person ${name}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add user' }).click();
  const banner = page.locator('.govuk-notification-banner');
  await expect(banner).toContainText('User added');
  const password = (await banner.locator('strong').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[a-z2-7]{20}$/);
  await expectNoAxeViolations(page);
  return { email, password };
}

async function signInAs(browser: Browser, email: string, password: string, userAgent?: string) {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await page.goto('/login');
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/programmes$/);
  return { context, page };
}

test('a viewer sees no edit controls, and a forged POST from a viewer is refused', async ({
  page,
  browser,
  baseURL
}) => {
  await signIn(page);
  const viewer = await addUserAsAdmin(page, 'viewer');

  await page.goto('/programmes/thornshire-demo/members');
  await expect(page).toHaveTitle(/^Members – /);
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(viewer.email);
  await page.getByLabel('Viewer').check();
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Member added');
  await expect(
    page.getByRole('row', { name: new RegExp(viewer.email.replace(/[.+]/g, '\\$&')) })
  ).toContainText('Viewer');

  const asViewer = await signInAs(browser, viewer.email, viewer.password);
  await asViewer.page.getByRole('link', { name: 'Thornshire reorganisation (demo)' }).click();
  await asViewer.page.getByRole('link', { name: 'Members' }).click();
  await expect(asViewer.page.getByRole('heading', { level: 1 })).toHaveText('Members');
  await expect(asViewer.page.getByRole('button', { name: /Add member|Remove|Save/ })).toHaveCount(
    0
  );
  await expect(asViewer.page.getByRole('heading', { name: 'Add a member' })).toHaveCount(0);
  await expectNoAxeViolations(asViewer.page);

  // The same form post an owner's browser would send, from the viewer's session.
  const forged = await asViewer.page.request.post('/programmes/thornshire-demo/members?/add', {
    form: { email: viewer.email, role: 'owner' },
    headers: { origin: baseURL!, accept: 'text/html' },
    maxRedirects: 0
  });
  expect(forged.status()).toBe(403);
  await asViewer.page.reload();
  await expect(
    asViewer.page.getByRole('row', { name: new RegExp(viewer.email.replace(/[.+]/g, '\\$&')) })
  ).toContainText('Viewer');
  await asViewer.context.close();
});

test('a session can be seen and ended from another browser', async ({ page, browser }) => {
  await signIn(page);
  const person = await addUserAsAdmin(page, 'sessions');
  const marker = `E2E-second-browser-${Date.now()}`;
  const first = await signInAs(browser, person.email, person.password);
  const second = await signInAs(browser, person.email, person.password, marker);

  await first.page.goto('/account');
  await expect(first.page).toHaveTitle('Your account – Vesting Day');
  await expectNoAxeViolations(first.page);
  const rows = first.page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(first.page.getByText('This session')).toHaveCount(1);
  const secondRow = first.page.getByRole('row', { name: new RegExp(marker) });
  await secondRow.getByRole('button', { name: /Sign out/ }).click();
  await expect(first.page.locator('.govuk-notification-banner')).toContainText('Session ended');
  await expect(rows).toHaveCount(1);

  await second.page.goto('/programmes');
  await expect(second.page).toHaveURL(/\/login\?redirectTo=/);
  await first.page.goto('/programmes');
  await expect(first.page).toHaveURL(/\/programmes$/);
  await first.context.close();
  await second.context.close();
});

test('repeated wrong passwords lock the account, with a clear message', async ({
  page,
  browser
}) => {
  await signIn(page);
  const person = await addUserAsAdmin(page, 'lockout');
  const context = await browser.newContext();
  const attacker = await context.newPage();
  await attacker.goto('/login');
  for (let i = 0; i < 5; i++) {
    await submitSignIn(attacker, person.email, `wrong password ${i}`);
    await expect(attacker.getByRole('alert')).toContainText(
      'Enter a correct email address and password'
    );
  }
  const [response] = await Promise.all([
    attacker.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
    submitSignIn(attacker, person.email, person.password)
  ]);
  expect(response.status()).toBe(429);
  await expect(attacker.getByRole('alert')).toContainText('Too many failed attempts to sign in');
  await expect(attacker).toHaveURL(/\/login/);
  await expectNoAxeViolations(attacker);
  await context.close();
});
