import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn, submitSignIn } from './axe';

const DEMO_PROGRAMME = 'Thornshire reorganisation (demo)';

test.describe('programmes', () => {
  test('the demo account sees its programme and the councils in it', async ({ page }) => {
    await signIn(page);
    await expect(page).toHaveURL(/\/programmes$/);
    await expect(page).toHaveTitle('Your programmes – Vesting Day');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your programmes');
    const link = page.getByRole('table').getByRole('link', { name: DEMO_PROGRAMME });
    await expect(link).toHaveAttribute('href', '/programmes/thornshire-demo');
    await expectNoAxeViolations(page);

    await link.click();
    await expect(page).toHaveURL(/\/programmes\/thornshire-demo$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_PROGRAMME);
    await expect(page).toHaveTitle(/ – Vesting Day$/);
    const tables = page.getByRole('table');
    await expect(tables.getByText('Thornshire County Council', { exact: true })).toBeVisible();
    await expect(tables.getByText('Aldmoor District Council', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('no page breaks its content security policy, and the route announcer stays hidden', async ({
    page
  }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await signIn(page);
    await page.goto('/programmes/thornshire-demo/roadmap');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roadmap');
    // A navigation in the browser: SvelteKit's announcer reads out the new page's title.
    await page.getByRole('link', { name: 'Contracts', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Contracts/);
    const announcer = page.locator('#svelte-announcer');
    await expect(announcer).toHaveText(/Contracts/);
    const box = await announcer.boundingBox();
    expect(box && box.width <= 1 && box.height <= 1).toBe(true);
    expect(refused).toEqual([]);
  });

  test('the about page is public and accessible', async ({ page }) => {
    const response = await page.goto('/about');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/about$/);
    await expect(page).toHaveTitle(/ – Vesting Day$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an unknown programme gives an accessible "Page not found"', async ({ page }) => {
    await signIn(page);
    const response = await page.goto('/programmes/does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found – Vesting Day');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expectNoAxeViolations(page);
  });
});

test('every page has its own title', async ({ page }) => {
  const titles = new Map<string, string>();
  const record = async (label: string, p: Page) => {
    const title = await p.title();
    expect(title, `${label} has a title ending " – Vesting Day"`).toMatch(/\S – Vesting Day$/);
    titles.set(label, title);
    await expectNoAxeViolations(p);
  };

  await page.goto('/login');
  await record('sign in', page);

  // An unknown address, so this failure does not count towards the demo account's throttle.
  await submitSignIn(page, 'nobody@vesting-day.example', 'not-a-password');
  await expect(page.getByRole('alert')).toBeVisible();
  await record('sign in with an error', page);

  await page.goto('/about');
  await record('about', page);

  await signIn(page);
  await page.goto('/programmes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your programmes');
  await record('programmes', page);

  await page.goto('/programmes/thornshire-demo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_PROGRAMME);
  await record('programme overview', page);

  await page.goto('/programmes/does-not-exist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await record('not found', page);

  await page.goto('/logout');
  await expect(page.getByRole('main').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await record('sign out', page);

  const byTitle = new Map<string, string[]>();
  for (const [label, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), label]);
  const duplicates = [...byTitle].filter(([, labels]) => labels.length > 1);
  expect(duplicates, `pages sharing a title: ${JSON.stringify(duplicates)}`).toEqual([]);
  expect(titles.size).toBe(7);
});
