import type { Locator, Page } from '@playwright/test';
import { operatorApi } from './api.ts';
import { DEMO_ADMIN } from './demo.ts';
import { expect, login, test } from './fixtures.ts';

// A block of its own, so the spec runs beside the other specs on one server (fresh data dir).
const BLOCK = '0341 5566';
const BLOCK_LABEL = /^0341 5566-00 … 99/;

/** The operator hands a DDI block to the company; it lands in the default group. */
async function handOutBlock(baseURL: string, companyId: string): Promise<void> {
  const api = await operatorApi(baseURL);
  const me = await api.get('/api/v1/auth/me');
  const headers = { 'x-csrf-token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const created = await api.post(`/api/v1/companies/${companyId}/number-blocks`, {
    headers,
    data: { kind: 'block', number: BLOCK, extensionLength: 2 },
  });
  expect(created.status()).toBe(201);
  await api.dispose();
}

async function csrfOf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

async function companyOfAdmin(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  const session = (await me.json()) as { user: { companies: { id: string }[] } };
  return session.user.companies[0]?.id ?? '';
}

/** One accordion item of the wizard. */
const section = (page: Page, name: string): Locator => page.locator(`[data-section="${name}"]`);

/** Opens a wizard section by its heading button unless it is open already. */
async function open(page: Page, name: string, title: RegExp): Promise<Locator> {
  const item = section(page, name);
  const control = item.getByRole('button', { name: title });
  if ((await control.getAttribute('aria-expanded')) !== 'true') {
    await control.click();
  }
  await expect(control).toHaveAttribute('aria-expanded', 'true');
  return item;
}

/** "Weiter" in a section; the section gets its check mark. */
async function next(page: Page, name: string, title: RegExp): Promise<void> {
  const item = section(page, name);
  await item.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(item.getByRole('button', { name: title })).toContainText('(abgeschlossen)');
}

/** Block → decade 1x → the only length → the number 0341 5566-1<digit>. */
async function chooseNumber(item: Locator, digit: number): Promise<void> {
  await item.getByRole('button', { name: BLOCK_LABEL }).click();
  await item
    .getByRole('list', { name: 'Dekaden von 0341 5566-00 … 99' })
    .getByRole('button', { name: '1x' })
    .click();
  await item
    .getByRole('list', { name: 'Rufnummernlängen der Dekade 1x' })
    .getByRole('button')
    .first()
    .click();
  await item.getByRole('button', { name: new RegExp(`^0341 5566-1${digit} frei`) }).click();
  await expect(item.getByRole('textbox', { name: 'Rufnummer', exact: true })).toHaveValue(
    `0341 5566-1${digit}`,
  );
}

// Needs a fresh server (the e2e server gets a new data directory per run): the block and the
// usernames can exist only once.
test('workplaces: the wizard section by section, a template, and a second workplace from it', async ({
  page,
  checkA11y,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await login(page, DEMO_ADMIN);
  await handOutBlock(baseURL ?? '', await companyOfAdmin(page));

  // "Arbeitsplätze verwalten": quota, no workplaces yet, the way into the wizard.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Arbeitsplätze verwalten' }).click();
  await expect(page).toHaveURL(/\/unternehmen\/arbeitsplaetze$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Arbeitsplätze verwalten' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
    'href',
    '/hilfe/arbeitsplaetze',
  );
  // Other specs may have set up workplaces on the same server: count from what is there.
  const quotaText = page.getByText(/^Kontingent: \d+ von 25 Arbeitsplätzen konfiguriert/);
  await expect(quotaText).toBeVisible();
  const before = Number(/Kontingent: (\d+)/.exec((await quotaText.textContent()) ?? '')?.[1]);
  const quota = (added: number) =>
    page.getByText(new RegExp(`^Kontingent: ${before + added} von 25 Arbeitsplätzen konfiguriert`));
  await expect(page.getByRole('combobox', { name: 'Zeilen pro Seite' })).toHaveValue('15');
  await checkA11y('workplaces list, empty');

  await page.getByRole('link', { name: 'Arbeitsplatz einrichten' }).click();
  await expect(page).toHaveURL(/\/unternehmen\/arbeitsplaetze\/neu$/);
  await expect(page.getByRole('heading', { name: 'Einrichtung mit Mustervorlage' })).toBeVisible();
  await expect(page.getByText('Es sind noch keine Mustervorlagen gespeichert.')).toBeVisible();
  await checkA11y('wizard start options');
  await page.getByRole('button', { name: 'Manuell einrichten' }).click();
  await expect(page).toHaveURL(/\/unternehmen\/arbeitsplaetze\/entwurf\/[0-9a-f-]+$/);

  // 1. Gruppe/Standort: the default group is preselected, German the only language.
  const group = await open(page, 'group', /^1\. Gruppe\/Standort/);
  await expect(group.getByRole('combobox', { name: 'Gruppe/Standort' })).toContainText(
    'Standard-Gruppe',
  );
  await expect(group.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  await checkA11y('wizard: group section');
  await next(page, 'group', /^1\. Gruppe\/Standort/);

  // 2. Benutzerdaten: required fields are announced when missing.
  const user = section(page, 'user');
  await expect(user.getByRole('button', { name: /^2\. Benutzerdaten/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await user.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(user.getByText('Bitte geben Sie den Vornamen ein.')).toBeVisible();
  await user.getByRole('textbox', { name: 'Vorname' }).fill('Anna');
  await user.getByRole('textbox', { name: 'Nachname' }).fill('Berger');
  await user.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill('anna.berger@muster.example');
  await user.getByRole('textbox', { name: 'Ort' }).fill('Leipzig');
  await expect(user.getByText('Bitte geben Sie den Vornamen ein.')).toBeHidden();
  await next(page, 'user', /^2\. Benutzerdaten/);

  // 3. Benutzeranmeldung: a bad username gets a clear message, live and from the server.
  const loginSection = section(page, 'login');
  const username = loginSection.getByRole('textbox', { name: 'Benutzername' });
  await username.fill('Ab');
  await username.blur();
  await expect(
    loginSection.getByText('Der Benutzername muss mindestens 5 Zeichen lang sein.'),
  ).toBeVisible();
  await loginSection
    .getByRole('button', { name: /^E-Mail-Adresse aus den Benutzerdaten übernehmen/ })
    .click();
  await expect(
    loginSection.getByRole('textbox', { name: 'E-Mail-Adresse wiederholen' }),
  ).toHaveValue('anna.berger@muster.example');
  await loginSection
    .getByRole('checkbox', { name: 'Authentifizierung ohne Mobilfunknummer' })
    .check();
  await expect(loginSection.getByText(/sollten Sie zusätzlich zur E-Mail-Adresse/)).toBeVisible();
  await loginSection.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(
    loginSection.getByText(/Der Benutzername darf nur Kleinbuchstaben enthalten/),
  ).toBeVisible();
  await checkA11y('wizard: username refused');
  await username.fill('anna.berger');
  await expect(loginSection.getByText(/muss mindestens 5 Zeichen lang sein/)).toBeHidden();
  await next(page, 'login', /^3\. Benutzeranmeldung/);

  // 4. Rufnummer zuweisen: the group's numbers; the internal number 7712 is refused.
  const number = section(page, 'number');
  await chooseNumber(number, 0);
  const internal = number.getByRole('textbox', { name: 'Interne Rufnummer' });
  await expect(internal).toHaveValue('10');
  await internal.fill('7712');
  await internal.blur();
  const refused = 'Interne Rufnummern dürfen nicht mit 77 oder 78 beginnen';
  await expect(number.getByText(new RegExp(refused)).first()).toBeVisible();
  await number.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(internal).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('wizard: internal number refused');
  await internal.fill('2010');
  await expect(number.getByText(new RegExp(refused))).toHaveCount(0);
  await number.getByRole('radio', { name: /^Nutzung beschränken auf:/ }).check();
  await expect(number.getByText(/Eine Rufnummernänderung bei beschränkter Nutzung/)).toBeVisible();
  await number.getByRole('radio', { name: 'Erlaubt' }).check();
  await next(page, 'number', /^4\. Rufnummer zuweisen/);

  // 5. Sperrprofil: keep the group's.
  const profile = section(page, 'profile');
  await expect(profile.getByRole('combobox', { name: 'Sperrprofil auswählen' })).toContainText(
    'Sperrprofil der Gruppe übernehmen',
  );
  await next(page, 'profile', /^5\. Sperrprofil zuweisen/);

  // 6. Endgeräte: category → series → model, "Hinzufügen".
  const devices = section(page, 'devices');
  await expect(devices.getByText(/Doppelanmeldung|gleichen Anmeldedaten/).first()).toBeVisible();
  await expect(
    devices.getByRole('table', { name: 'Erläuterung zu den Desktop-Clients' }),
  ).toBeVisible();
  const catalog = devices.getByRole('list', { name: 'Endgeräte-Katalog' });
  await catalog.getByRole('button', { name: 'Telekom' }).click();
  await catalog.getByRole('button', { name: 'Desktop-Client', exact: true }).click();
  await catalog.getByRole('button', { name: 'Desktop-Client: Vollversion' }).click();
  await devices.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(devices.getByText('1 von 6 Endgeräten zugewiesen')).toBeVisible();
  await expect(
    devices.getByRole('checkbox', { name: '1. Desktop-Client: Vollversion' }),
  ).toBeVisible();
  await checkA11y('wizard: devices');
  await next(page, 'devices', /^6\. Endgeräte zuweisen/);

  // 7. Mobile Integration: a Telekom number outside the framework contract (mobile-framework.spec
  // puts 0170 123… into it on the same server) asks for the customer
  // account number in a dialog; this workplace then goes without.
  const mobile = section(page, 'mobile');
  await expect(mobile.getByRole('radio', { name: 'Keine' })).toBeChecked();
  await mobile.getByRole('radio', { name: /^Mobile Integration/ }).check();
  await expect(mobile.getByText(/Mindestlaufzeit .* beträgt 30 Tage/)).toBeVisible();
  await mobile.getByRole('textbox', { name: 'Mobilfunknummer', exact: true }).fill('0175 9876543');
  await mobile.getByRole('button', { name: 'Mobilfunknummer prüfen' }).click();
  const account = page.getByRole('dialog', { name: 'Authentifizierung der Mobilfunknummer' });
  await account.getByRole('textbox', { name: 'Kundenkontonummer' }).fill('1234567890');
  await checkA11y('wizard: customer account dialog');
  await account.getByRole('button', { name: 'Fortfahren' }).click();
  await expect(account).toBeHidden();
  await expect(mobile.getByText(/mit der Kundenkontonummer authentifiziert/)).toBeVisible();
  await expect(
    mobile.getByRole('textbox', { name: 'Mobilfunknummer Adressbuch (optional)' }),
  ).toHaveValue('0175 9876543');
  await mobile.getByRole('radio', { name: 'Keine' }).check();
  await next(page, 'mobile', /^7\. Mobile Integration/);

  // 8. Zusatz-Pakete: the conference add-on with its price.
  const addons = section(page, 'addons');
  await addons.getByRole('radio', { name: /^Zusatz-Paket Konferenz \(4,00 €/ }).check();
  await next(page, 'addons', /^8\. Zusatz-Pakete hinzufügen/);

  // 9. Aktivieren: "so schnell wie möglich", live prices, "Auftrag hinzufügen".
  const activation = section(page, 'activation');
  await expect(activation.getByRole('radio', { name: 'So schnell wie möglich' })).toBeChecked();
  await expect(activation.getByText(/30 Tage ab Aktivierung/)).toBeVisible();
  await expect(activation.getByRole('table')).toContainText('Konferenz');
  await checkA11y('wizard: activation');
  await activation.getByRole('button', { name: 'Auftrag hinzufügen' }).click();
  await expect(activation.getByText('Auftrag hinzugefügt', { exact: true })).toBeVisible();
  await expect(activation.getByRole('link', { name: 'Zum Warenkorb' })).toBeVisible();

  // "Arbeitsplatz als Mustervorlage speichern".
  const template = page.getByRole('form', { name: 'Arbeitsplatz als Mustervorlage speichern' });
  await template.getByRole('textbox', { name: 'Name der Vorlage' }).fill('Vertrieb');
  await template.getByRole('button', { name: 'Speichern' }).click();
  await expect(template.getByText('Die Mustervorlage „Vertrieb“ wurde gespeichert.')).toBeVisible();
  await checkA11y('wizard: added to the cart, template saved');

  // The list shows the workplace in the cart and the template.
  await activation.getByRole('link', { name: 'Zu Arbeitsplätze verwalten' }).click();
  const table = page.getByRole('table', { name: 'Arbeitsplätze' });
  await expect(table.getByRole('row', { name: /Anna Berger/ })).toContainText('im Warenkorb');
  await expect(quota(1)).toBeVisible();
  const templates = page.getByRole('table', { name: 'Mustervorlagen' });
  await expect(templates.getByRole('row', { name: /Vertrieb/ })).toContainText('Konferenz');
  await checkA11y('workplaces list with a workplace and a template');

  // A second workplace from the template: only name, e-mail, number and username.
  await templates
    .getByRole('button', { name: 'Arbeitsplatz aus Mustervorlage Vertrieb einrichten' })
    .click();
  await expect(page).toHaveURL(/\/unternehmen\/arbeitsplaetze\/entwurf\/[0-9a-f-]+$/);
  const secondUser = await open(page, 'user', /^2\. Benutzerdaten/);
  await secondUser.getByRole('textbox', { name: 'Vorname' }).fill('Bernd');
  await secondUser.getByRole('textbox', { name: 'Nachname' }).fill('Claasen');
  await secondUser
    .getByRole('textbox', { name: 'E-Mail-Adresse' })
    .fill('bernd.claasen@muster.example');
  // Typing is saved to the server draft: a reload loses nothing.
  await expect(page.getByText('Entwurf gespeichert', { exact: true })).toBeVisible();
  await page.reload();
  const reloaded = await open(page, 'user', /^2\. Benutzerdaten/);
  await expect(reloaded.getByRole('textbox', { name: 'Vorname' })).toHaveValue('Bernd');
  await expect(reloaded.getByRole('textbox', { name: 'E-Mail-Adresse' })).toHaveValue(
    'bernd.claasen@muster.example',
  );
  const secondLogin = await open(page, 'login', /^3\. Benutzeranmeldung/);
  await secondLogin.getByRole('textbox', { name: 'Benutzername' }).fill('bernd.claasen');
  await secondLogin
    .getByRole('textbox', { name: 'E-Mail-Adresse zur Authentifizierung' })
    .fill('bernd.claasen@muster.example');
  await secondLogin
    .getByRole('textbox', { name: 'E-Mail-Adresse wiederholen' })
    .fill('bernd.claasen@muster.example');
  await secondLogin
    .getByRole('checkbox', { name: 'Authentifizierung ohne Mobilfunknummer' })
    .check();
  const secondNumber = await open(page, 'number', /^4\. Rufnummer zuweisen/);
  await chooseNumber(secondNumber, 1);
  await expect(secondNumber.getByRole('textbox', { name: 'Interne Rufnummer' })).toHaveValue('11');
  // The template brought the desktop client and the conference add-on.
  const secondDevices = await open(page, 'devices', /^6\. Endgeräte zuweisen/);
  await expect(
    secondDevices.getByRole('checkbox', { name: '1. Desktop-Client: Vollversion' }),
  ).toBeVisible();
  const secondAddons = await open(page, 'addons', /^8\. Zusatz-Pakete hinzufügen/);
  await expect(secondAddons.getByRole('radio', { name: /^Zusatz-Paket Konferenz/ })).toBeChecked();
  const secondActivation = await open(page, 'activation', /^9\. Arbeitsplatz aktivieren/);
  await checkA11y('second workplace from the template');
  await secondActivation.getByRole('button', { name: 'Auftrag hinzufügen' }).click();
  await expect(secondActivation.getByText('Auftrag hinzugefügt', { exact: true })).toBeVisible();

  // Both are in the list now; the detail page shows the settings by section.
  await secondActivation.getByRole('link', { name: 'Zu Arbeitsplätze verwalten' }).click();
  await expect(table.getByRole('row', { name: /Bernd Claasen/ })).toContainText('im Warenkorb');
  await expect(quota(2)).toBeVisible();
  await table.getByRole('link', { name: 'Bernd Claasen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Arbeitsplatz Bernd Claasen' }),
  ).toBeVisible();
  await expect(page.getByText('bernd.claasen', { exact: true })).toBeVisible();
  await expect(page.getByText(/Arbeitsplatz löschen und neu einrichten/)).toBeVisible();
  await checkA11y('workplace detail');

  // Ordered (through the cart's API) and executed, the workplace is active: free changes apply at
  // once, deletion is refused before the minimum term, deactivation keeps the base data.
  const headers = { 'x-csrf-token': await csrfOf(page) };
  const cart = (await (await page.request.get('/api/v1/cart')).json()) as { priceToken: string };
  const ordered = await page.request.post('/api/v1/cart/order', {
    headers,
    data: { priceToken: cart.priceToken },
  });
  expect(ordered.status()).toBe(201);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByText('Noch nicht aktiviert.').count();
      },
      { timeout: 30_000 },
    )
    .toBe(0);
  await expect(page.getByText(/^Aktiviert am /)).toBeVisible();
  const userCard = page.locator('[data-section="user"]');
  await userCard.getByRole('button', { name: 'Benutzerdaten bearbeiten' }).click();
  await userCard.getByRole('textbox', { name: 'Abteilung' }).fill('Vertrieb Ost');
  await userCard.getByRole('textbox', { name: 'Vorname' }).fill('');
  await userCard.getByRole('button', { name: 'Speichern' }).click();
  await expect(userCard.getByText('Bitte geben Sie den Vornamen ein.')).toBeVisible();
  await userCard.getByRole('textbox', { name: 'Vorname' }).fill('Bernd');
  await userCard.getByRole('button', { name: 'Speichern' }).click();
  await expect(userCard.getByText('Die Änderung wurde gespeichert.')).toBeVisible();
  await expect(userCard).toContainText('Vertrieb Ost');
  await expect(
    page.locator('[data-section="group"]').getByRole('button', { name: /bearbeiten/ }),
  ).toHaveCount(0);
  await checkA11y('active workplace detail');

  await page.getByRole('button', { name: 'Arbeitsplatz löschen' }).click();
  const removal = page.getByRole('dialog', { name: 'Arbeitsplatz löschen' });
  await removal.getByRole('button', { name: 'Löschen' }).click();
  await expect(removal.getByRole('alert')).toContainText(
    'erst nach Ablauf der Mindestvertragslaufzeit gelöscht werden, also frühestens ab dem',
  );
  await removal.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('button', { name: 'Deaktivieren' }).click();
  await page
    .getByRole('dialog', { name: 'Arbeitsplatz deaktivieren' })
    .getByRole('button', { name: 'Deaktivieren' })
    .click();
  await expect(
    page.getByText(/wurde deaktiviert; seine Basisdaten bleiben erhalten/),
  ).toBeVisible();
  await expect(page.getByText('deaktiviert', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Reaktivieren' }).click();
  await page
    .getByRole('dialog', { name: 'Arbeitsplatz reaktivieren' })
    .getByRole('button', { name: 'Reaktivieren' })
    .click();
  await expect(page.getByText('Der Arbeitsplatz wurde reaktiviert.')).toBeVisible();
});
