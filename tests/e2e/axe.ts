import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One readable line per failing element: rule id, impact, help text and target. */
export function describeViolations(violations: AxeResults['violations']): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ');
      return `${violation.id} [${violation.impact ?? 'unknown impact'}] ${violation.help} — ${target} (${violation.helpUrl})`;
    })
  );
}

/**
 * Runs axe-core on the page as it stands and fails with a list of the violations, one line
 * per failing element. The full axe results are attached to the test report.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const lines = describeViolations(results.violations);
  if (lines.length > 0) {
    await test.info().attach(`axe violations on ${page.url()}`, {
      body: JSON.stringify(results.violations, null, 2),
      contentType: 'application/json'
    });
  }
  expect(
    lines,
    `axe found ${lines.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`
  ).toEqual([]);
}

/** The demo account that global set-up read from the server's start-up output. */
export function demoAccount(): { email: string; password: string } {
  const email = process.env.E2E_DEMO_EMAIL;
  const password = process.env.E2E_DEMO_PASSWORD;
  if (!email || !password) {
    throw new Error('E2E_DEMO_EMAIL/E2E_DEMO_PASSWORD are not set: did global set-up run?');
  }
  return { email, password };
}

/** Fills in and submits the sign-in form on the page that is open now. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in with the demo account and waits until the app has left the sign-in page. */
export async function signIn(page: Page): Promise<void> {
  const { email, password } = demoAccount();
  await page.goto('/login');
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}
