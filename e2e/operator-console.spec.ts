import { DEMO_COMPANY, OPERATOR } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

test('operator console: company tabs, contract change, invitation, new letter, outbox', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(90_000);
  await login(page, OPERATOR);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav).toContainText('Betreiber-Konsole');
  await expect(nav.getByRole('link')).toHaveText([
    'Unternehmen',
    'Aufträge',
    'Postausgang',
    'Katalog',
    'Anbieter',
    'Mein Profil',
  ]);

  // Search and open the demo company.
  await page.getByRole('searchbox', { name: 'Suche' }).fill('Muster');
  const table = page.getByRole('table', { name: 'Unternehmen' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: DEMO_COMPANY }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_COMPANY })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Übersicht' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
    'href',
    '/hilfe/unternehmen-details',
  );
  await checkA11y('operator: company overview');

  // Raise the parallel calls.
  await page.getByRole('button', { name: 'Vertrag bearbeiten' }).click();
  const parallelCalls = page.getByRole('textbox', { name: 'Parallele Gespräche' });
  await expect(parallelCalls).toHaveValue('10');
  await checkA11y('operator: contract form');
  await parallelCalls.fill('12');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Der Vertrag ist gespeichert.')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('12');

  // The company's groups and blocking profiles are reachable for the operator as well.
  await page.getByRole('tab', { name: 'Gruppen / Standorte' }).click();
  await expect(page.getByRole('main')).toContainText('Standard-Gruppe');
  await checkA11y('operator: company groups');
  await page.getByRole('tab', { name: 'Sperrprofile' }).click();
  await expect(page.getByRole('main')).toContainText('Systemsperrprofil');
  await checkA11y('operator: company blocking profiles');

  // The company's workplaces, read-only (set-up and changes are the admin's).
  await page.getByRole('tab', { name: 'Arbeitsplätze' }).click();
  await expect(page).toHaveURL(/tab=arbeitsplaetze$/);
  await expect(page.getByRole('status').filter({ hasText: 'Kontingent:' })).toContainText(
    /Kontingent: \d+ von \d+ Arbeitsplätzen konfiguriert/,
  );
  await expect(page.getByRole('link', { name: 'Arbeitsplatz einrichten' })).toHaveCount(0);
  await checkA11y('operator: company workplaces');

  // Administrators: the demo admin is listed; invite another one.
  await page.getByRole('tab', { name: 'Administratoren' }).click();
  await expect(page).toHaveURL(/tab=administratoren$/);
  await expect(page.getByRole('table', { name: 'Administratoren' })).toContainText('demo-admin');
  await page.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill('zweit-admin@e2e.example');
  await page.getByRole('button', { name: 'Administrator einladen' }).click();
  await expect(
    page.getByText(/Die Einladung an zweit-admin@e2e.example ist versandt/),
  ).toBeVisible();
  await checkA11y('operator: administrators');

  // A new welcome letter, after the warning that the old code stops working.
  await page.getByRole('tab', { name: 'Willkommensbrief' }).click();
  await page.getByRole('button', { name: 'Neuen Willkommensbrief erstellen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuen Willkommensbrief erstellen?' });
  await expect(dialog).toContainText('funktioniert danach nicht mehr');
  await checkA11y('operator: confirm new letter');
  await dialog.getByRole('button', { name: 'Neuen Willkommensbrief erstellen' }).click();
  await expect(dialog).toBeHidden();
  const download = page.getByRole('link', { name: 'Willkommensbrief herunterladen (PDF)' });
  await expect(download).toBeVisible();
  const letter = await page.request.get((await download.getAttribute('href')) ?? '');
  expect(letter.headers()['content-type']).toContain('application/pdf');
  await checkA11y('operator: welcome letter');

  // The audit log shows the contract change; filter by entity.
  await page.getByRole('tab', { name: 'Protokoll' }).click();
  const log = page.getByRole('table', { name: 'Protokolleinträge' });
  await expect(log).toContainText('Vertrag');
  await page.getByRole('combobox', { name: 'Objekt' }).selectOption('contract');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(log.getByRole('row').nth(1)).toContainText('parallelCalls');
  await expect(log).not.toContainText('Willkommensbrief');
  await checkA11y('operator: audit log');

  // The outbox holds the invitation (no mail gateway in the tests).
  await nav.getByRole('link', { name: 'Postausgang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postausgang' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('no_gateway');
  const messages = page.getByRole('table', { name: 'Nachrichten' });
  const invitation = messages.getByRole('row').filter({ hasText: 'zweit-admin@e2e.example' });
  await expect(invitation).toHaveCount(1);
  await checkA11y('operator: outbox');
  await invitation.getByRole('button').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('admin_invitation');
  await expect(drawer).toContainText('Einladungscode');
  await checkA11y('operator: outbox message');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Admin pages are not part of the operator console.
  await page.goto('/unternehmen');
  await expect(page).toHaveURL(/\/betreiber\/unternehmen$/);
  await logout(page);
});
