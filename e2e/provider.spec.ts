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

test('operator adds a link to MyPortal\'s "Hilfe & Downloads"', async ({ page, checkA11y }) => {
  await login(page, OPERATOR);
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Anbieter' })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Hilfe & Downloads in MyPortal' }),
  ).toBeVisible();
  await expect(page.getByText('Keine eigenen Links')).toBeVisible();

  await page.getByRole('button', { name: 'Link hinzufügen' }).click();
  const link = page.getByRole('group', { name: 'Link 1' });
  const title = link.getByRole('textbox', { name: 'Titel' });
  await expect(title).toBeFocused();
  await title.fill('Desktop-Client für Windows');
  const url = link.getByRole('textbox', { name: 'Adresse (URL)' });
  // Only http(s) addresses: the server's refusal shows next to the field.
  await url.fill('ftp://downloads.example/desktop.msi');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('operator: provider settings with a bad download link');

  await url.fill('https://downloads.example/desktop.msi');
  await link.getByRole('textbox', { name: 'Beschreibung' }).fill('Installationspaket');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Anbieter-Einstellungen sind gespeichert.')).toBeVisible();

  await page.reload();
  await expect(title).toHaveValue('Desktop-Client für Windows');
  await expect(url).toHaveValue('https://downloads.example/desktop.msi');
  await checkA11y('operator: provider settings with a download link');

  // Restore for the other tests on this server: empty again, MyPortal shows the default.
  await link.getByRole('button', { name: 'Entfernen (Link 1)' }).click();
  await expect(page.getByRole('button', { name: 'Link hinzufügen' })).toBeFocused();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Anbieter-Einstellungen sind gespeichert.')).toBeVisible();
  await expect(page.getByText('Keine eigenen Links')).toBeVisible();
});
