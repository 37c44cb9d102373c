import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

test('start a programme from a county in the register, splitting it between two new councils', async ({
  page
}) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Start a programme' }).click();
  await expect(page).toHaveTitle('Start a programme – Vesting Day');
  await expectNoAxeViolations(page);

  // Continuing without a choice is refused with an accessible error.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose how to start the programme');
  await expectNoAxeViolations(page);

  await page.getByLabel('From a county in the register of councils').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle('Start from a county – Vesting Day');
  await page.getByLabel('County council').selectOption({ label: 'Kent County Council' });
  await page.getByRole('button', { name: 'Show its councils' }).click();
  await expect(
    page.getByRole('group', { name: 'Kent County Council becomes part of' })
  ).toBeVisible();
  await expectNoAxeViolations(page);

  const name = `Kent split ${Date.now()}`;
  await page.getByLabel('Programme name').fill(name);
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('4');
  await page.getByLabel('Year').fill('2029');
  await page.getByLabel('First new council').first().fill('West Kent Council');
  await page.getByLabel('Second new council (if the area is split)').fill('East Kent Council');
  // The county goes to both; Canterbury to the east; everyone else stays with the first.
  await page
    .getByRole('group', { name: 'Kent County Council becomes part of' })
    .getByLabel('Second new council')
    .check();
  const canterbury = page.getByRole('group', { name: 'Canterbury City Council becomes part of' });
  await canterbury.getByLabel('First new council').uncheck();
  await canterbury.getByLabel('Second new council').check();
  await page.getByRole('button', { name: 'Create programme' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('row', { name: /Kent County Council/ })).toContainText(
    'West Kent Council, East Kent Council'
  );
  await expect(page.getByRole('row', { name: /Canterbury City Council/ })).toContainText(
    'East Kent Council'
  );
  await expect(page.getByRole('row', { name: /Maidstone Borough Council/ })).toContainText(
    'West Kent Council'
  );
  await expectNoAxeViolations(page);
});

test('a wrong vesting date is refused with a clear message and nothing is created', async ({
  page
}) => {
  await signIn(page);
  await page.goto('/programmes/new/blank');
  await expect(page).toHaveTitle('New blank programme – Vesting Day');
  await expectNoAxeViolations(page);
  const name = `Blank ${Date.now()}`;
  await page.getByLabel('Programme name').fill(name);
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Create programme' }).click();
  await expect(page.getByRole('alert')).toContainText('Vesting date must be a real date');
  await expect(page.getByLabel('Programme name')).toHaveValue(name);
  await expectNoAxeViolations(page);
  await page.goto('/programmes');
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});

test('start from a past reorganisation as a worked example', async ({ page }) => {
  await signIn(page);
  await page.goto('/programmes/new/example');
  await expect(page).toHaveTitle('Start from a past reorganisation – Vesting Day');
  await expectNoAxeViolations(page);
  await page.getByLabel('Somerset 2023').check();
  await page.getByRole('button', { name: 'Create programme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Somerset 2023 (worked example)'
  );
  for (const council of [
    'Somerset County Council',
    'Mendip District Council',
    'Somerset West and Taunton Council'
  ]) {
    await expect(page.getByRole('row', { name: new RegExp(council) })).toContainText(
      'Somerset Council'
    );
  }
  await expectNoAxeViolations(page);
});
