import { ONE_TIME_CODE, operatorApi, outboxBody, pdfText } from './api.ts';
import { OPERATOR } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

// Seed 003: a company is created by the operator, its first admin registers, unlocks the
// permission with the welcome letter's one-time code and the e-mailed Freischaltcode.
test('operator creates a company; its first admin registers, unlocks and activates', async ({
  page,
  checkA11y,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const companyName = `E2E Telefonbau ${stamp} GmbH`;
  const username = `admin${stamp}`;
  const email = `${username}@e2e.example`;
  const password = 'Sicher-Passwort-2026';

  // The operator creates the company.
  await login(page, OPERATOR);
  await expect(page).toHaveURL(/\/betreiber\/unternehmen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Unternehmen' })).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await checkA11y('operator: companies');
  await page.getByRole('link', { name: 'Unternehmen anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unternehmen anlegen' })).toBeVisible();
  await checkA11y('operator: create company');

  await page.getByRole('button', { name: 'Unternehmen anlegen' }).click();
  const nameField = page.getByRole('textbox', { name: 'Unternehmensname' });
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toBeFocused();
  await checkA11y('operator: create company with errors');

  await nameField.fill(companyName);
  await page.getByRole('textbox', { name: 'Kundennummer' }).fill(`E2E-${stamp}`);
  await page.getByRole('textbox', { name: 'Straße und Hausnummer' }).fill('Hauptstraße 1');
  await page.getByRole('textbox', { name: 'PLZ' }).fill('80331');
  await page.getByRole('textbox', { name: 'Ort' }).fill('München');
  await page.getByRole('checkbox', { name: 'SIP-Trunk' }).check();
  await expect(page.getByRole('textbox', { name: 'Lizenzen Zoom X Phone' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Zoom X Phone' }).check();
  await page.getByRole('textbox', { name: 'Lizenzen Zoom X Phone' }).fill('5');
  await page.getByRole('textbox', { name: 'Arbeitsplatz-Kontingent' }).fill('20');
  await page.getByRole('textbox', { name: 'Parallele Gespräche' }).fill('4');
  await page.getByRole('button', { name: 'Unternehmen anlegen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Unternehmen angelegt' })).toBeVisible();
  const letterLink = page.getByRole('link', { name: 'Willkommensbrief herunterladen (PDF)' });
  await expect(letterLink).toBeVisible();
  await checkA11y('operator: company created');
  const letterUrl = await letterLink.getAttribute('href');
  const letter = await page.request.get(letterUrl ?? '');
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-type']).toContain('application/pdf');
  const code = ONE_TIME_CODE.exec(await pdfText(await letter.body()))?.[0];
  expect(code, 'one-time code in the welcome letter').toBeDefined();
  await logout(page);

  // The first admin registers; a password containing the username is refused first.
  await page.getByRole('link', { name: 'Registrieren' }).click();
  await expect(page).toHaveURL(/\/registrieren$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();
  await checkA11y('register');
  await page.getByRole('textbox', { name: 'Benutzername' }).fill(username);
  await page.getByRole('textbox', { name: 'E-Mail' }).fill(email);
  const passwordField = page.getByRole('textbox', { name: 'Passwort', exact: true });
  const badPassword = `X${username}9`;
  await passwordField.fill(badPassword);
  await page.getByRole('textbox', { name: 'Passwort wiederholen' }).fill(badPassword);
  const usernameRule = page.getByRole('listitem').filter({ hasText: 'Benutzername darf nicht' });
  await expect(usernameRule).toContainText('nicht erfüllt');
  await page.getByRole('button', { name: 'Registrieren' }).click();
  await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordField).toBeFocused();
  await expect(
    page.getByText('Der Benutzername darf nicht Teil des Passwortes sein.', { exact: true }),
  ).toBeVisible();
  await checkA11y('register with refused password');
  await passwordField.fill(password);
  await expect(usernameRule).toContainText('(erfüllt)');
  await page.getByRole('textbox', { name: 'Passwort wiederholen' }).fill(password);
  await page.getByRole('button', { name: 'Registrieren' }).click();

  // Step 1: the one-time code; a wrong one is answered next to the field.
  await expect(page).toHaveURL(/\/freischalten$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Freischalten der Berechtigung' }),
  ).toBeVisible();
  await checkA11y('onboarding step 1');
  const oneTimeField = page.getByRole('textbox', {
    name: 'Einmal-Passwort aus dem Willkommensbrief',
  });
  await oneTimeField.fill('AAAA-BBBB-CCCC-DDDD');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(oneTimeField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Der Code ist falsch.', { exact: false })).toBeVisible();
  await checkA11y('onboarding with wrong code');
  await oneTimeField.fill(code ?? '');
  await page.getByRole('button', { name: 'Weiter' }).click();

  // Step 2: the Freischaltcode from the e-mail (read from the operator's outbox).
  await expect(page.getByText(/Wir haben einen Freischaltcode an .+ gesendet/)).toBeVisible();
  await checkA11y('onboarding step 2');
  const api = await operatorApi(baseURL ?? '');
  const body = await outboxBody(api, 'admin_activation_code', email);
  await api.dispose();
  const activationCode = /\b\d{8}\b/.exec(body)?.[0];
  expect(activationCode, 'Freischaltcode in the e-mail').toBeDefined();
  await page.getByRole('textbox', { name: 'Freischaltcode' }).fill(activationCode ?? '');
  await page.getByRole('button', { name: 'Freischalten' }).click();
  await expect(page.getByText(`Sie sind jetzt Administrator von ${companyName}.`)).toBeVisible();
  await checkA11y('onboarding done');

  // The admin view of the new company.
  await page.getByRole('button', { name: 'Zur Administrator-Ansicht' }).click();
  await expect(page).toHaveURL(/\/unternehmen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Unternehmen' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Administrator-Ansicht' })).toBeChecked();
  const main = page.getByRole('main');
  await expect(main).toContainText(companyName);
  await expect(main).toContainText('Zoom X Phone');
  await expect(page.getByRole('table', { name: 'Administratoren' })).toContainText(username);
  await checkA11y('admin: my company');
  await logout(page);

  // Signed in again, the new admin lands on the admin overview.
  await login(page, username, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Administrator-Ansicht' })).toBeChecked();
  await logout(page);
});
