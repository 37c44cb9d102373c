import { expect, test, type Page } from '@playwright/test';
import { dragThrough, openTimeline } from './drag';
import { expectNoAxeViolations, signIn } from './axe';

const ROADMAP = '/programmes/thornshire-demo/roadmap';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

/** "1 April 2030" plus some months, written the same way (the roadmap plans in months). */
function laterBy(date: string, months: number): string {
  const [day, month, year] = date.trim().split(' ');
  const index = Number(year) * 12 + MONTHS.indexOf(month!) + months;
  return `${day} ${MONTHS[index % 12]} ${Math.floor(index / 12)}`;
}

/** "1 April 2030" as a month picker takes it: "2030-04". */
function isoMonth(date: string): string {
  const [, month, year] = date.trim().split(' ');
  return `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}`;
}

const row = (page: Page, title: string) => page.getByRole('row', { name: new RegExp(title) });
/** The "Discovery starts" cell of an item in the table. */
const discoveryStart = (page: Page, title: string) => row(page, title).getByRole('cell').nth(2);
const bar = (page: Page, title: string) => page.locator(`a[data-item][aria-label^="${title},"]`);
const capacityWarning = (page: Page) =>
  page.locator('#warnings + ul').getByText(/redesigns in flight in/);

test('drag a redesign two quarters later: saved, the capacity warning clears, undo restores it', async ({
  page
}) => {
  await signIn(page);
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  await expect(page).toHaveTitle(/^Roadmap – /);
  const title = 'Customer contact redesign';
  const before = (await discoveryStart(page, title).textContent())!.trim();
  await expect(capacityWarning(page)).toBeVisible();

  const target = bar(page, title);
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const y = box.y + box.height / 2;
  const x = box.x + Math.min(40, box.width / 2);
  // Decade zoom draws a month as 7 pixels: two quarters are 42.
  await dragThrough(
    page,
    { x, y },
    [10, 20, 30, 42].map((dx) => ({ dx }))
  );

  await expect(page.getByText(`Moved ${title}`)).toBeVisible();
  await expect(discoveryStart(page, title)).toHaveText(laterBy(before, 6));
  await expect(capacityWarning(page)).toHaveCount(0);
  await page.reload();
  await expect(discoveryStart(page, title)).toHaveText(laterBy(before, 6));

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Change undone')).toBeVisible();
  await expect(discoveryStart(page, title)).toHaveText(before);
  await expect(capacityWarning(page)).toBeVisible();
});

test('drag the end of a bar a quarter later: only that edge moves, and undo restores it', async ({
  page
}) => {
  await signIn(page);
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  const title = 'Housing and homelessness redesign';
  const start = (await discoveryStart(page, title).textContent())!.trim();
  const handedOver = row(page, title).getByRole('cell').nth(4);
  const before = (await handedOver.textContent())!.trim();

  // A bar's phase edges get their handles once the pointer is on it.
  const target = bar(page, title);
  await target.scrollIntoViewIfNeeded();
  const handle = page.locator('g.vd-bar', { has: target }).locator('rect[data-edge="endDate"]');
  await expect(handle).toHaveCount(0);
  await target.hover();
  await expect(handle).toHaveCount(1);

  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // Decade zoom draws a month as 7 pixels: a quarter is 21.
  await dragThrough(
    page,
    { x, y },
    [7, 14, 21].map((dx) => ({ dx }))
  );

  await expect(page.getByText(`Moved ${title}`)).toBeVisible();
  await expect(handedOver).toHaveText(laterBy(before, 3));
  await expect(discoveryStart(page, title)).toHaveText(start);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Change undone')).toBeVisible();
  await expect(handedOver).toHaveText(before);
});

test('move a bar with the keyboard, undo it, and open its form with Enter', async ({ page }) => {
  await signIn(page);
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  const title = 'Planning and building control redesign';
  const before = (await discoveryStart(page, title).textContent())!.trim();

  await bar(page, title).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByText(`Moved ${title}`)).toBeVisible();
  await expect(discoveryStart(page, title)).toHaveText(laterBy(before, 3));
  await expect(bar(page, title)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(discoveryStart(page, title)).toHaveText(laterBy(before, 2));

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Change undone')).toBeVisible();
  await expect(discoveryStart(page, title)).toHaveText(laterBy(before, 3));

  await bar(page, title).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByLabel('Discovery starts')).toBeVisible();
  // Put it back by the form, the way that always works.
  await page.getByLabel('Discovery starts').fill(isoMonth(before));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  await expect(discoveryStart(page, title)).toHaveText(before);
});

test('the roadmap pages are accessible', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  for (const path of [
    `${ROADMAP}`,
    `${ROADMAP}?zoom=month&lanes=status`,
    `${ROADMAP}/items/new`,
    `${ROADMAP}/scenarios`
  ]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  await page.goto(ROADMAP);
  await page.getByRole('link', { name: 'Customer contact redesign' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer contact redesign');
  await expectNoAxeViolations(page);
});

test('up and down arrows go from bar to bar, to every bar', async ({ page }) => {
  await signIn(page);
  await openTimeline(page, `${ROADMAP}?zoom=month`);
  const rows = await page.locator('#roadmap-table tbody tr').count();
  // At this zoom the first bars are off screen, so not drawn: the scroller leads to them.
  await page.locator('.vd-timeline__scroller').focus();
  await page.keyboard.press('Enter');
  const seen = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-item'));
    expect(id).toBeTruthy();
    seen.add(id!);
    await page.keyboard.press('ArrowDown');
  }
  // Every item was reached, even those drawn only once they scrolled into view.
  expect(seen.size).toBe(rows);
  await page.keyboard.press('ArrowUp');
  const back = await page.evaluate(() => document.activeElement?.getAttribute('data-item'));
  expect(seen.has(back!)).toBe(true);
});

test('drag a bar into another service area’s lane, undo it, and do the same by keyboard', async ({
  page
}) => {
  await signIn(page);
  await openTimeline(page, `${ROADMAP}?zoom=decade`);
  const title = 'Customer contact redesign';
  const area = (t: string) => row(page, t).getByRole('cell').nth(0);
  const before = (await area(title).textContent())!.trim();
  const finance = 'Single finance system';
  await expect(area(finance)).toHaveText('Finance');

  const source = bar(page, title);
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await bar(page, finance).boundingBox())!;
  const x = from.x + Math.min(40, from.width / 2);
  const y = from.y + from.height / 2;
  const targetY = to.y + to.height / 2;
  const steps = [0.25, 0.5, 0.75, 1].map((step) => ({ dy: (targetY - y) * step }));
  await dragThrough(page, { x, y }, steps, { hold: true });
  await expect(page.locator('.vd-timeline__drop')).toHaveCount(1);
  await page.mouse.up();

  await expect(page.getByText(`Moved to another lane: ${title}`)).toBeVisible();
  await expect(area(title)).toHaveText('Finance');
  await page.reload();
  await expect(area(title)).toHaveText('Finance');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Change undone')).toBeVisible();
  await expect(area(title)).toHaveText(before);

  await bar(page, title).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByText(`Moved to another lane: ${title}`)).toBeVisible();
  await expect(area(title)).not.toHaveText(before);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(area(title)).toHaveText(before);
});

test('delete an item from its page, through an accessible confirmation', async ({ page }) => {
  await signIn(page);
  await page.goto(`${ROADMAP}/items/new`);
  const title = 'Short-lived pilot';
  await page.getByLabel('Title').fill(title);
  for (const [label, month] of [
    ['Discovery starts', '2031-04'],
    ['Alpha starts', '2031-07'],
    ['Beta starts', '2032-01'],
    ['Goes live', '2032-04'],
    ['Handed over', '2032-10']
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(month);
  }
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.getByRole('link', { name: /^Delete this item/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Are you sure you want to delete ${title}?`
  );
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Delete item' }).click();
  await expect(page).toHaveURL(new RegExp(`${ROADMAP}$`));
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});
