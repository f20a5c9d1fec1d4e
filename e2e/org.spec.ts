import type { Page } from '@playwright/test';
import { operatorApi } from './api.ts';
import { DEMO_ADMIN } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

const GROUP = 'Niederlassung Köln';
const PROFILE = 'Keine Mehrwertdienste';
const COLOGNE_NUMBER = '0221 9876543';

/** The operator hands a single number to the admin's company (through the API). */
async function handOutNumber(baseURL: string, companyId: string): Promise<void> {
  const api = await operatorApi(baseURL);
  const me = await api.get('/api/v1/auth/me');
  const headers = { 'x-csrf-token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const created = await api.post(`/api/v1/companies/${companyId}/number-blocks`, {
    headers,
    data: { kind: 'single', number: COLOGNE_NUMBER },
  });
  expect(created.status()).toBe(201);
  await api.dispose();
}

async function companyOfAdmin(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  const session = (await me.json()) as { user: { companies: { id: string }[] } };
  return session.user.companies[0]?.id ?? '';
}

// Needs a fresh server (the e2e server gets a new data directory per run): the group name and
// the profile name can exist only once.
test('company structure: groups, areas, call information and blocking profiles', async ({
  page,
  checkA11y,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await login(page, DEMO_ADMIN);
  await handOutNumber(baseURL ?? '', await companyOfAdmin(page));
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Gruppen / Standorte' }).click();
  await expect(page).toHaveURL(/\/unternehmen\/gruppen$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Gruppen / Standorte verwalten' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
    'href',
    '/hilfe/gruppen',
  );
  await expect(page.getByText(/Planen Sie deshalb vor der Einrichtung/)).toBeVisible();
  const groups = page.getByRole('list', { name: 'Gruppen / Standorte', exact: true });
  const standard = groups.getByRole('listitem').filter({ hasText: 'Standard-Gruppe' }).first();
  await expect(standard).toContainText('Bonn');
  await expect(standard).toContainText(
    'wirksam: Systemsperrprofil — Standard-Sperrprofil des Unternehmens',
  );
  await checkA11y('groups');

  // The default group cannot be deleted: the server's refusal shows in the dialog.
  await standard.getByRole('button', { name: /^Löschen: / }).click();
  const removeDialog = page.getByRole('dialog', { name: 'Gruppe/Standort löschen' });
  await removeDialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(removeDialog.getByRole('alert')).toHaveText(
    'Die Standard-Gruppe kann nicht gelöscht werden.',
  );
  await checkA11y('default group refused');
  await removeDialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(removeDialog).toBeHidden();

  // Add "Niederlassung Köln"; the browser checks the fields first.
  await page.getByRole('button', { name: 'Gruppe/Standort hinzufügen' }).click();
  const add = page.getByRole('dialog', { name: 'Gruppe/Standort hinzufügen' });
  await add.getByRole('textbox', { name: 'Name' }).fill(GROUP);
  await add.getByRole('textbox', { name: 'Kürzel' }).fill('KOE');
  await add.getByRole('textbox', { name: 'Straße und Hausnummer' }).fill('Domkloster 4');
  await add.getByRole('textbox', { name: 'PLZ' }).fill('5066');
  await add.getByRole('textbox', { name: 'Ort' }).fill('Köln');
  await expect(add.getByRole('combobox', { name: 'Zeitzone' })).toHaveValue('Europe/Berlin');
  await add.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(add.getByText('Die PLZ besteht aus fünf Ziffern.')).toBeVisible();
  await expect(add.getByRole('textbox', { name: 'PLZ' })).toBeFocused();
  await checkA11y('add group with an error');
  await add.getByRole('textbox', { name: 'PLZ' }).fill('50667');
  await add.getByRole('textbox', { name: 'Durchwahl Code' }).fill('2');
  await add.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'wurde angelegt' })).toHaveText(
    `Die Gruppe/der Standort „${GROUP}“ wurde angelegt.`,
  );
  const cologne = groups.getByRole('listitem', { name: GROUP });
  await expect(cologne).toContainText('Domkloster 4, 50667 Köln');

  // An area "Vertrieb" inherits the group's call information.
  await cologne.getByRole('textbox', { name: 'Neuer Bereich' }).fill('Vertrieb');
  await cologne.getByRole('button', { name: 'Bereich hinzufügen' }).click();
  const areas = cologne.getByRole('list', { name: `Bereiche von ${GROUP}` });
  await expect(areas.getByRole('listitem')).toHaveCount(1);
  await expect(areas).toContainText('Vertrieb');
  await expect(areas).toContainText('Rufnummer des Arbeitsplatzes — Voreinstellung');

  await cologne.getByRole('button', { name: `Anrufinformationen ändern: ${GROUP}` }).click();
  const callInfo = page.getByRole('dialog', { name: `Anrufinformationen: ${GROUP}` });
  await callInfo.getByRole('radio', { name: 'Rufnummer des Unternehmens' }).check();
  await callInfo.getByRole('button', { name: 'Speichern' }).click();
  await expect(callInfo.getByText('Bitte geben Sie die Rufnummer ein.')).toBeVisible();
  await checkA11y('call information with an error');
  await callInfo.getByRole('textbox', { name: 'Rufnummer' }).fill('0221 1234-0');
  await callInfo.getByRole('textbox', { name: 'Anzeigename' }).fill('Muster Köln');
  await callInfo.getByRole('button', { name: 'Speichern' }).click();
  await expect(callInfo).toBeHidden();
  const effectiveCall = 'Rufnummer 0221 1234-0, Anzeigename „Muster Köln“ — aus der Gruppe';
  await expect(cologne.getByText(effectiveCall).first()).toBeVisible();
  await expect(areas).toContainText(effectiveCall);

  // "Rufnummern zuordnen": the single number moves to Köln; then Köln cannot be deleted.
  await cologne.getByRole('button', { name: `Rufnummern zuordnen: ${GROUP}` }).click();
  const assign = page.getByRole('dialog', { name: `Rufnummern zuordnen: ${GROUP}` });
  const blockSelect = assign.getByRole('combobox', { name: 'Rufnummernblock / Einzelrufnummer' });
  const option = blockSelect.getByRole('option', { name: new RegExp(`^${COLOGNE_NUMBER}`) });
  await blockSelect.selectOption({ label: (await option.textContent()) ?? '' });
  await checkA11y('assign numbers');
  await assign.getByRole('button', { name: 'Zuordnen' }).click();
  await expect(assign).toBeHidden();
  await expect(
    cologne.getByRole('list', { name: `Rufnummern von ${GROUP}` }).getByRole('listitem'),
  ).toHaveText([COLOGNE_NUMBER]);
  await expect(cologne).toContainText('1 Rufnummernblock / Einzelrufnummer');
  await cologne.getByRole('button', { name: `Löschen: ${GROUP}` }).click();
  await removeDialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(removeDialog.getByRole('alert')).toContainText('kann nicht gelöscht werden');
  await removeDialog.getByRole('button', { name: 'Abbrechen' }).click();
  await checkA11y('group with area, call information and numbers');

  // Sperrprofile: create "Keine Mehrwertdienste".
  await nav.getByRole('link', { name: 'Sperrprofile' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sperrprofile verwalten' }),
  ).toBeVisible();
  const profiles = page.getByRole('list', { name: 'Sperrprofile' });
  const system = profiles.getByRole('listitem', { name: 'Systemsperrprofil' });
  await expect(system).toContainText('Standard-Sperrprofil');
  await checkA11y('blocking profiles');

  await page.getByRole('button', { name: 'Sperrprofil erstellen' }).click();
  const form = page.getByRole('dialog', { name: 'Sperrprofil erstellen' });
  await form.getByRole('textbox', { name: 'Name' }).fill(PROFILE);
  const outgoing = form.getByRole('group', { name: 'Ausgehend', exact: true });
  await outgoing.getByRole('checkbox', { name: 'Ausland (00)' }).check();
  await outgoing.getByRole('checkbox', { name: 'Premium 0900' }).check();
  await expect(outgoing.getByRole('checkbox', { name: '09005' })).not.toBeChecked();
  await outgoing.getByRole('button', { name: 'Vorwahl hinzufügen: Ausgehend' }).click();
  const prefix = outgoing.getByRole('textbox', { name: 'Vorwahl 1 (Ausgehend)' });
  // A bar of "11" would bar 110 and 112: refused at once, and nothing is saved.
  await prefix.fill('11');
  await expect(
    outgoing.getByText('Die Notrufnummern 110 und 112 können nicht gesperrt werden.'),
  ).toBeVisible();
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(prefix).toBeFocused();
  await checkA11y('profile form: 110/112 refused');
  await prefix.fill('0043');
  await outgoing
    .getByRole('combobox', { name: 'Wirkung von Vorwahl 1 (Ausgehend)' })
    .selectOption({ label: 'Ausnahme erlauben' });
  await expect(outgoing.getByText(/110 und 112/)).toHaveCount(0);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'wurde erstellt' })).toHaveText(
    `Das Sperrprofil „${PROFILE}“ wurde erstellt.`,
  );
  const created = profiles.getByRole('listitem', { name: PROFILE });
  await expect(created).toContainText(
    'Ausgehend gesperrt: Ausland (00), Premium 0900 — erlaubt: 0043',
  );
  await expect(created).toContainText('Eingehend: keine Sperren');

  // "Details anzeigen" with "Prüfen".
  await created.getByRole('button', { name: `Details anzeigen: ${PROFILE}` }).click();
  const details = page.getByRole('dialog', { name: `Sperrprofil: ${PROFILE}` });
  const check = async (number: string, expected: string) => {
    await details.getByRole('textbox', { name: 'Gewählte Rufnummer' }).fill(number);
    await details.getByRole('button', { name: 'Prüfen' }).click();
    await expect(details.getByRole('status')).toHaveText(expected);
  };
  await check('0043 1 234567', '0043 1 234567 ist erlaubt (Ausnahme: 0043).');
  await check('0033 1 234567', '0033 1 234567 ist gesperrt (Ausland (00)).');
  await check('0900 5123456', '0900 5123456 ist gesperrt (Premium 0900).');
  await check('0228 123456', '0228 123456 ist erlaubt: Keine Regel sperrt diese Rufnummer.');
  await check(
    '112',
    '112 ist immer erreichbar: Die Notrufnummern 110 und 112 können nicht gesperrt werden.',
  );
  await checkA11y('profile details with check');
  await details.getByRole('button', { name: 'Schließen' }).first().click();
  await expect(details).toBeHidden();

  // The profile becomes Köln's; it is effective there "aus der Gruppe".
  await nav.getByRole('link', { name: 'Gruppen / Standorte' }).click();
  await cologne.getByRole('combobox', { name: 'Sperrprofil der Gruppe' }).selectOption({
    label: PROFILE,
  });
  await cologne.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(cologne).toContainText(`wirksam: ${PROFILE} — aus der Gruppe`);
  await expect(standard).toContainText(
    'wirksam: Systemsperrprofil — Standard-Sperrprofil des Unternehmens',
  );
  await cologne.getByRole('button', { name: `Details anzeigen: ${PROFILE}` }).click();
  await expect(details).toContainText(
    'Ausgehend gesperrt: Ausland (00), Premium 0900 — erlaubt: 0043',
  );
  await checkA11y('group profile details');
  await details.getByRole('button', { name: 'Schließen' }).first().click();

  // A profile in use cannot be deleted.
  await nav.getByRole('link', { name: 'Sperrprofile' }).click();
  await created.getByRole('button', { name: `Löschen: ${PROFILE}` }).click();
  const removeProfile = page.getByRole('dialog', { name: 'Sperrprofil löschen' });
  await removeProfile.getByRole('button', { name: 'Löschen' }).click();
  await expect(removeProfile.getByRole('alert')).toContainText('wird noch verwendet');
  await removeProfile.getByRole('button', { name: 'Abbrechen' }).click();
  await logout(page);
});
