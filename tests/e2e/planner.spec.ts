import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './axe';

const ROADMAP = '/programmes/thornshire-demo/roadmap';

test('propose a roadmap, change an input, accept it as a scenario and see it on the timeline', async ({
  page
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  await page.goto(ROADMAP);
  await page.getByRole('link', { name: 'Propose a roadmap' }).first().click();
  await expect(page).toHaveTitle(/^Propose a roadmap – /);
  await expect(page.getByRole('table', { name: 'Cost of the plans' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The inputs: one more redesign at once in the first year the programme may start them.
  await page.getByText(/^Change the inputs/).click();
  const firstYear = page
    .getByRole('group', { name: /Redesigns the programme can run at once/ })
    .getByRole('textbox')
    .first();
  const capacity = Number(await firstYear.inputValue());
  await firstYear.fill(String(capacity + 1));
  await page.getByRole('button', { name: 'Propose again' }).click();
  await expect(page).toHaveURL(/planned=1/);
  await expect(
    page
      .getByRole('group', { name: /Redesigns the programme/ })
      .getByRole('textbox')
      .first()
  ).toHaveValue(String(capacity + 1));
  await expectNoAxeViolations(page);

  const why = page.getByRole('table', { name: 'Why each redesign sits where it does' });
  const firstRow = why.getByRole('row').nth(1);
  const area = (await firstRow.getByRole('rowheader').innerText()).replace(
    /\s*\(priority \d\)$/,
    ''
  );
  // A bar of the proposal leads to its row in the table.
  await page.locator(`a[data-item][aria-label^="${area} redesign,"]`).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#why-/);

  const name = `Planner proposal ${test.info().workerIndex}-${test.info().repeatEachIndex}`;
  await page.getByLabel('Name of the new scenario').fill(name);
  await page.getByRole('button', { name: 'Accept as a new scenario' }).click();

  await expect(page.getByText('Proposal saved as a new scenario')).toBeVisible();
  await expect(page).toHaveTitle(/^Roadmap – /);
  await expect(page.getByText(`Scenario: ${name}`)).toBeVisible();
  await expect(page.locator(`a[data-item][aria-label^="${area} redesign,"]`)).toBeVisible();
  await expect(
    page.getByRole('row', { name: new RegExp(`${area} redesign`) }).first()
  ).toContainText('Proposed');
  await expectNoAxeViolations(page);
});
