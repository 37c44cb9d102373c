import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn, submitSignIn } from './axe';
import { dragThrough, openTimeline } from './drag';

const PROGRAMME = '/programmes/thornshire-demo';
const ROADMAP = `${PROGRAMME}/roadmap`;

const bar = (page: Page, title: string) => page.locator(`a[data-item][aria-label^="${title},"]`);

/** Adds a person as administrator and makes them a member with a role; returns their sign-in. */
async function addMember(page: Page, name: string, role: 'Viewer' | 'Editor') {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@council.example`;
  await page.goto('/admin/users');
  await page.getByLabel('Name').fill(`Person ${name}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add user' }).click();
  const banner = page.locator('.govuk-notification-banner');
  await expect(banner).toContainText('User added');
  const password = (await banner.locator('strong').textContent())?.trim() ?? '';
  await page.goto(`${PROGRAMME}/members`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Member added');
  return { email, password };
}

async function signInAs(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/programmes$/);
  return { context, page };
}

test('approve the plan, move an item a quarter later, and see the ghost bar and what changed', async ({
  page
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.goto(`${ROADMAP}/approvals`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Approvals of the roadmap');
  await expectNoAxeViolations(page);
  await page.getByLabel('Approved by').fill('the shadow executive');
  await page.getByRole('button', { name: 'Record approval' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    'approved by the shadow executive'
  );
  await expectNoAxeViolations(page);
  const timelineLink = page.getByRole('link', { name: /^On the timeline/ }).first();
  const comparePath = (await timelineLink.getAttribute('href'))!;
  expect(comparePath).toMatch(/\?baseline=[0-9a-f-]{36}$/);

  const title = 'Libraries redesign';
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  // Drag the bar a quarter later: decade zoom draws a month as 7 pixels. Grab it in the
  // middle of its widest phase, away from the phase edges (which change only that edge).
  const target = bar(page, title);
  await target.scrollIntoViewIfNeeded();
  const phases = await target.locator('.vd-bar__phase').all();
  const boxes = await Promise.all(phases.map(async (phase) => (await phase.boundingBox())!));
  const box = boxes.reduce((widest, b) => (b.width > widest.width ? b : widest));
  const y = box.y + box.height / 2;
  const x = box.x + box.width / 2;
  await dragThrough(
    page,
    { x, y },
    [7, 14, 21].map((dx) => ({ dx }))
  );
  await expect(page.getByText(`Moved ${title}`)).toBeVisible();

  await page.goto(`${comparePath}&zoom=decade`);
  await expect(page.locator('[data-ghost="moved"]').first()).toBeAttached();
  const changes = page.getByTestId('baseline-changes');
  await expect(changes).toContainText(`${title} starts 3 months later`);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'What changed since approval' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What changed since approval');
  await expect(page.getByTestId('what-changed')).toContainText(
    /Since the plan was approved by the shadow executive on .*, \d+ items? ha(s|ve) changed/
  );
  await expect(page.getByTestId('what-changed')).toContainText(`${title} starts 3 months later`);
  await expect(page.getByLabel('The same as plain text, to paste into a report')).toHaveValue(
    new RegExp(`${title} starts 3 months later`)
  );
  await expectNoAxeViolations(page);

  // Put the item back for the other tests.
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  await bar(page, title).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByText(`Moved ${title}`)).toBeVisible();
});

test('share the approved plan: after a move on the compared timeline the link still shows the approved dates', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const body = `the cabinet ${Date.now()}`;
  await page.goto(`${ROADMAP}/approvals`);
  await page.getByLabel('Approved by').fill(body);
  await page.getByRole('button', { name: 'Record approval' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(`approved by ${body}`);

  await page.goto(`${ROADMAP}/share`);
  const choice = page.getByLabel('What to share');
  const option = choice.locator('option', { hasText: `Approved by ${body}` });
  await choice.selectOption((await option.getAttribute('value'))!);
  await page.getByLabel('Who or what is it for?').fill(`Cabinet pack ${body}`);
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('heading', { name: 'Link created' })).toBeVisible();
  const link = await page.getByLabel('Share link').inputValue();
  await expect(page.getByRole('row', { name: new RegExp(`Cabinet pack ${body}`) })).toContainText(
    `Plan as approved by ${body}`
  );
  await expectNoAxeViolations(page);

  // Signed out, before the move: the approved row.
  const outsider = await browser.newContext();
  const shared = await outsider.newPage();
  await shared.goto(link);
  await expect(shared.getByTestId('approved-plan')).toContainText(`Plan as approved by ${body} on`);
  const title = 'Waste and recycling redesign';
  const row = shared.getByRole('row', { name: new RegExp(`^${title}`) });
  const approvedRow = (await row.textContent())!;

  // Move the item on the timeline compared with this approval: the comparison stays.
  const approvalId = /approval:([0-9a-f-]{36})/.exec((await option.getAttribute('value'))!)![1]!;
  await openTimeline(page, `${ROADMAP}?baseline=${approvalId}&zoom=decade`);
  await bar(page, title).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByText(`Moved ${title}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`baseline=${approvalId}`));
  await expect(page).toHaveURL(/zoom=decade/);
  await expect(page.getByTestId('baseline-changes')).toContainText(
    `${title} starts 3 months later`
  );

  // The shared plan has not moved; the live present view has.
  await shared.reload();
  await expect(shared.getByTestId('approved-plan')).toBeVisible();
  expect(await row.textContent()).toBe(approvedRow);
  await expectNoAxeViolations(shared);
  await page.goto(`${ROADMAP}/present`);
  const liveRow = page.getByRole('row', { name: new RegExp(`^${title}`) });
  expect(await liveRow.textContent()).not.toBe(approvedRow);

  // The present view against the approval: ghost bars and the changes in words.
  await page.goto(`${ROADMAP}/present?baseline=${approvalId}`);
  await expect(page.locator('[data-ghost="moved"]').first()).toBeAttached();
  await expect(page.getByTestId('baseline-changes')).toContainText(
    `${title} starts 3 months later`
  );
  await expectNoAxeViolations(page);
  await outsider.close();

  // Put the item back for the other tests.
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  await bar(page, title).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByText(`Moved ${title}`)).toBeVisible();
});

test('a viewer asks a question on a check, and an editor resolves it', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const viewer = await addMember(page, 'commenter', 'Viewer');
  const editor = await addMember(page, 'resolver', 'Editor');

  const asViewer = await signInAs(browser, viewer);
  await asViewer.page.goto(`${PROGRAMME}/checks/contracts`);
  const question = `Who decides the <b>waste</b> contract? See https://example.org/q${Date.now()}`;
  await asViewer.page.getByLabel('Add a comment').fill(question);
  await asViewer.page.getByRole('button', { name: 'Add comment' }).click();
  const thread = asViewer.page.getByRole('article', { name: 'Thread started by Person commenter' });
  await expect(thread).toContainText('Who decides the <b>waste</b> contract?');
  await expect(thread.getByRole('link', { name: /^https:\/\/example\.org\/q/ })).toHaveAttribute(
    'rel',
    'noopener noreferrer'
  );
  await expect(thread.getByRole('button', { name: /^Resolve/ })).toHaveCount(0);
  await expectNoAxeViolations(asViewer.page);
  await asViewer.page.goto(`${PROGRAMME}/questions`);
  await expect(asViewer.page.getByRole('heading', { level: 1 })).toHaveText('Open questions');
  await expect(asViewer.page.getByRole('table')).toContainText('Who decides the <b>waste</b>');
  await expectNoAxeViolations(asViewer.page);

  const asEditor = await signInAs(browser, editor);
  await asEditor.page.goto(`${PROGRAMME}/questions`);
  await asEditor.page
    .getByRole('row', { name: /Who decides the <b>waste<\/b>/ })
    .getByRole('link', { name: 'No contract lapses around vesting day' })
    .click();
  const editorThread = asEditor.page.getByRole('article', {
    name: 'Thread started by Person commenter'
  });
  await editorThread.getByRole('button', { name: /^Resolve/ }).click();
  await expect(editorThread).toContainText('Resolved');
  await expect(editorThread).toContainText('by Person resolver');
  await asEditor.page.goto(`${PROGRAMME}/questions`);
  await expect(asEditor.page.getByText('Who decides the <b>waste</b>')).toHaveCount(0);

  await asViewer.context.close();
  await asEditor.context.close();
});
