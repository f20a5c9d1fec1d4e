import { OPERATOR } from './demo.ts';
import { expect, login, test } from './fixtures.ts';

test('operator changes the white-label product name; the header shows it', async ({
  page,
  checkA11y,
}) => {
  await login(page, OPERATOR);
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Anbieter' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Anbieter-Einstellungen' }),
  ).toBeVisible();
  await checkA11y('operator: provider settings');

  const productName = page.getByRole('textbox', { name: 'Produktname' });
  await expect(productName).toHaveValue('Zentrale');
  await productName.fill('CloudTel Portal');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Anbieter-Einstellungen sind gespeichert.')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('CloudTel Portal');

  // A help address that is no http(s) URL nor a path is refused next to its field.
  const help = page.getByRole('textbox', { name: 'Adresse der Direkthilfe' });
  await help.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(help).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('operator: provider settings with an error');

  // Restore for the other tests on this server.
  await help.fill('/hilfe');
  await productName.fill('Zentrale');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('banner')).toContainText('Zentrale');
});
