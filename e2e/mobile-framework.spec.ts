import { DEMO_COMPANY, OPERATOR } from './demo.ts';
import { expect, login, test } from './fixtures.ts';

// Seed 001 "MagentaEINS Business Integration": the operator keeps the company's framework contract
// (Rahmenvertrag), whose numbers the wizard integrates without a customer account number.
test('mobile framework contract: operator adds a range and a number, sees them, removes one', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(90_000);
  await login(page, OPERATOR);
  await page.getByRole('searchbox', { name: 'Suche' }).fill('Muster');
  await page
    .getByRole('table', { name: 'Unternehmen' })
    .getByRole('link', { name: DEMO_COMPANY })
    .click();
  await page.getByRole('tab', { name: 'Mobilfunk-Rahmenvertrag' }).click();
  await expect(page).toHaveURL(/tab=mobilfunk$/);
  await expect(page.getByRole('heading', { name: 'Mobilfunk-Rahmenvertrag' })).toBeVisible();
  await expect(page.getByText('Noch keine Rufnummern im Rahmenvertrag')).toBeVisible();
  await checkA11y('operator: mobile framework (empty)');

  const prefix = page.getByRole('textbox', { name: 'Mobilfunknummer oder Anfang eines Bereichs' });
  const tariff = page.getByRole('combobox', { name: 'Mobilfunktarif' });
  const add = page.getByRole('button', { name: 'Hinzufügen', exact: true });

  // Nothing chosen: both fields say so.
  await add.click();
  await expect(page.getByText('Dieses Feld ist ein Pflichtfeld.')).toHaveCount(2);

  // A landline number is refused next to its field, in the server's words.
  await prefix.fill('089 1234');
  await tariff.selectOption({ label: 'Business Mobil M' });
  await add.click();
  await expect(page.getByText('Das ist keine deutsche Mobilfunknummer')).toBeVisible();
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('operator: mobile framework (field error)');

  // A range as people write it, then a single number with another tariff.
  await prefix.fill('+49 170 123');
  await add.click();
  await expect(page.getByRole('status')).toContainText(
    '0170 123… ist mit dem Tarif Business Mobil M eingetragen.',
  );
  await prefix.fill('0151 1234 5678');
  await tariff.selectOption({ label: 'Privat Mobil L' });
  await add.click();
  await expect(page.getByRole('status')).toContainText('01511 2345678');

  const table = page.getByRole('table', { name: 'Mobilfunk-Rahmenvertrag' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('01511 2345678');
  await expect(rows.nth(1)).toContainText('Rufnummer');
  await expect(rows.nth(1)).toContainText('Privat Mobil L');
  await expect(rows.nth(2)).toContainText('0170 123…');
  await expect(rows.nth(2)).toContainText('Rufnummernbereich');
  await expect(rows.nth(2)).toContainText('Business Mobil M');

  // The same range again, written differently: refused as a duplicate.
  await prefix.fill('0170123');
  await add.click();
  await expect(page.getByText('bereits im Rahmenvertrag eingetragen')).toBeVisible();
  await checkA11y('operator: mobile framework (two entries)');

  // Remove the number, with confirmation; the list keeps the range.
  await page.getByRole('button', { name: '01511 2345678 entfernen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aus dem Rahmenvertrag entfernen' });
  await expect(dialog).toContainText('01511 2345678 (Privat Mobil L)');
  await checkA11y('operator: mobile framework (confirm removal)');
  await dialog.getByRole('button', { name: 'Entfernen' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(table).not.toContainText('01511 2345678');

  // The entries survive a reload (they are the server's).
  await page.reload();
  await expect(page.getByRole('table', { name: 'Mobilfunk-Rahmenvertrag' })).toContainText(
    '0170 123…',
  );
});
