import { OPERATOR } from './demo.ts';
import { expect, login, test } from './fixtures.ts';

// Changes the catalogue of the run's fresh server (price of the Cloud PBX workplace, a device,
// a tariff); no other spec reads those values.
test('catalogue: operator edits prices and tiers, devices and mobile tariffs', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  await login(page, OPERATOR);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Katalog' }).click();
  await expect(page).toHaveURL(/\/betreiber\/katalog$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Katalog' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Produkte & Preise' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const workplaces = page.getByRole('table', { name: 'Arbeitsplätze', exact: true });
  const pbxRow = workplaces.getByRole('row', { name: /Cloud PBX Arbeitsplatz/ });
  await expect(pbxRow).toContainText('12,90 €');
  await expect(pbxRow).toContainText('ab 11: 11,90 €');
  await expect(pbxRow).toContainText('30 Tage');
  await checkA11y('catalog: products');

  // Rules are shown in words, and the server's refusal of a rule appears next to the rules.
  await page.getByRole('button', { name: 'Bearbeiten: Call Analytics pro Arbeitsplatz' }).click();
  let drawer = page.getByRole('dialog', { name: 'Produkt bearbeiten: Call Analytics pro' });
  await expect(drawer).toContainText('erfordert: Call Analytics Service Basic im Unternehmen');
  await expect(drawer).toContainText('buchbar für: Arbeitsplatz');
  const rules = drawer.getByRole('textbox', { name: 'Regeln (JSON)' });
  await rules.fill((await rules.inputValue()).replace('call_analytics_basic', 'gibt_es_nicht'));
  await drawer.getByRole('button', { name: 'Speichern' }).click();
  await expect(drawer.getByText('Regel 1: Das Produkt „gibt_es_nicht“ gibt es')).toBeVisible();
  await expect(rules).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('catalog: rule refused by the server');
  await drawer.getByRole('button', { name: 'Schließen' }).click();
  await expect(drawer).toBeHidden();

  await page.getByRole('button', { name: 'Bearbeiten: Zusatz-Paket Assistenzfunktion' }).click();
  drawer = page.getByRole('dialog', { name: /Assistenzfunktion/ });
  await expect(drawer).toContainText('mindestens 2 Arbeitsplätze mit Zusatz-Paket Assistenz');
  await drawer.getByRole('button', { name: 'Schließen' }).click();

  // The first tier of the Cloud PBX workplace gets a new monthly price.
  await page.getByRole('button', { name: 'Bearbeiten: Cloud PBX Arbeitsplatz' }).click();
  drawer = page.getByRole('dialog', { name: 'Produkt bearbeiten: Cloud PBX Arbeitsplatz' });
  const preview = drawer.getByRole('status').filter({ hasText: 'Preis für' });
  await expect(preview).toHaveText('Preis für 1 Stück: 12,90 € monatlich (12,90 € je Stück)');
  await checkA11y('catalog: product drawer');
  await drawer.getByRole('textbox', { name: 'Monatlich in € (Staffel 1)' }).fill('13,90');
  await drawer.getByRole('button', { name: 'Speichern' }).click();
  await expect(drawer.getByText('Die Änderungen sind gespeichert.')).toBeVisible();
  await drawer.getByRole('textbox', { name: 'Anzahl' }).fill('5');
  await expect(preview).toHaveText('Preis für 5 Stück: 69,50 € monatlich (13,90 € je Stück)');
  await drawer.getByRole('textbox', { name: 'Anzahl' }).fill('12');
  await expect(preview).toHaveText('Preis für 12 Stück: 142,80 € monatlich (11,90 € je Stück)');

  // A tier list that is not ascending is refused with a message at the tier.
  const thirdFrom = drawer.getByRole('textbox', { name: 'Ab Stück (Staffel 3)' });
  await thirdFrom.fill('5');
  await drawer.getByRole('button', { name: 'Speichern' }).click();
  await expect(
    drawer.getByText('Die Preisstaffeln müssen aufsteigend sein (jede beginnt nach der vorigen).'),
  ).toBeVisible();
  await expect(thirdFrom).toHaveAttribute('aria-invalid', 'true');
  await expect(thirdFrom).toBeFocused();
  await checkA11y('catalog: tiers not ascending');
  await drawer.getByRole('button', { name: 'Schließen' }).click();
  await expect(drawer).toBeHidden();
  await expect(pbxRow.getByRole('cell').first()).toHaveText('13,90 €');
  await expect(pbxRow).toContainText('ab 1: 13,90 €');
  await expect(pbxRow).toContainText('ab 51: 10,90 €');

  // Devices: the extended profiles appear only on request.
  await page.getByRole('tab', { name: 'Endgeräte' }).click();
  await expect(page).toHaveURL(/tab=endgeraete$/);
  await expect(page.getByText('Desktop-Client: Vollversion')).toBeVisible();
  await expect(page.getByText('Universelles Basisprofil')).toBeVisible();
  await expect(page.getByText('Leiter', { exact: true })).toHaveCount(0);
  await checkA11y('catalog: devices');
  await page.getByRole('switch', { name: 'Erweiterte Endgeräte Profile anzeigen' }).check();
  await expect(page.getByText('Leiter', { exact: true })).toBeVisible();
  await expect(page.getByText('Agent', { exact: true })).toBeVisible();
  await checkA11y('catalog: devices with extended profiles');

  // A new model, then deactivated.
  await page.getByRole('button', { name: 'Endgerät hinzufügen' }).click();
  const addForm = page.getByRole('form', { name: 'Endgerät hinzufügen' });
  await addForm.getByRole('textbox', { name: 'Kategorie' }).fill('Hersteller');
  await addForm.getByRole('textbox', { name: 'Hersteller' }).fill('Snom');
  await addForm.getByRole('textbox', { name: 'Serie' }).fill('D8xx-Serie');
  await addForm.getByRole('textbox', { name: 'Modell / Profil' }).fill('D865');
  await expect(addForm.getByRole('textbox', { name: 'Schlüssel' })).toHaveValue('snom-d865');
  await checkA11y('catalog: add device');
  await addForm.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.getByText('D865 ist hinzugefügt.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Endgerät suchen' }).fill('D865');
  await expect(page.getByText('Snom › D8xx-Serie')).toBeVisible();
  await expect(page.getByText('Leiter', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Bearbeiten: D865' }).click();
  const editForm = page.getByRole('form', { name: 'Endgerät bearbeiten: D865' });
  await editForm.getByRole('textbox', { name: 'Modell / Profil' }).fill('D865 Pro');
  await checkA11y('catalog: edit device');
  await editForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(editForm).toBeHidden();
  await page.getByRole('button', { name: 'Deaktivieren: D865 Pro' }).click();
  await expect(page.getByRole('button', { name: 'Aktivieren: D865 Pro' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'D865 Pro' })).toContainText('inaktiv');

  // Mobile tariffs: add one and save the list.
  await page.getByRole('tab', { name: 'Mobilfunktarife' }).click();
  const tariffs = page.getByRole('table', { name: 'Berechtigte Mobilfunktarife' });
  await expect(
    tariffs.getByRole('textbox', { name: 'Name des Tarifs business_mobil_s' }),
  ).toHaveValue('Business Mobil S');
  await checkA11y('catalog: mobile tariffs');
  await page.getByRole('textbox', { name: 'Name des neuen Tarifs' }).fill('Business Mobil XXL');
  await page.getByRole('button', { name: 'Tarif hinzufügen' }).click();
  await page.getByRole('button', { name: 'Entfernen: Privat Mobil M' }).click();
  await expect(page.getByText('Ungespeicherte Änderungen')).toBeVisible();
  await page.getByRole('button', { name: 'Tarifliste speichern' }).click();
  await expect(page.getByText('Die Tarifliste ist gespeichert.')).toBeVisible();
  await page.reload();
  await expect(tariffs).toContainText('business_mobil_xxl');
  await expect(tariffs).not.toContainText('privat_mobil_m');
  await checkA11y('catalog: mobile tariffs saved');
});
