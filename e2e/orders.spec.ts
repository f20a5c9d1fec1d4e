import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { operatorApi, outboxBody } from './api.ts';
import { DEMO_ADMIN, DEMO_COMPANY, OPERATOR } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

// A block of its own (no other spec uses 0351): the two workplaces take numbers from it.
const BLOCK = '0351 4321';

interface Person {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  mainNumber: string;
  internalNumber: string;
}

const ANNA: Person = {
  firstName: 'Anna',
  lastName: 'Bestellmann',
  username: 'anna.bestellmann',
  email: 'anna.bestellmann@example.com',
  mainNumber: `${BLOCK}-11`,
  internalNumber: '711',
};
const CARLA: Person = {
  firstName: 'Carla',
  lastName: 'Storno',
  username: 'carla.storno',
  email: 'carla.storno@example.com',
  mainNumber: `${BLOCK}-13`,
  internalNumber: '713',
};
const BEN: Person = {
  firstName: 'Ben',
  lastName: 'Warenkorb',
  username: 'ben.warenkorb',
  email: 'ben.warenkorb@example.com',
  mainNumber: `${BLOCK}-12`,
  internalNumber: '712',
};

/** The operator hands the number block to the company (its own API session). */
async function handOutBlock(baseURL: string, companyId: string): Promise<void> {
  const api = await operatorApi(baseURL);
  const me = await api.get('/api/v1/auth/me');
  const headers = { 'x-csrf-token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const created = await api.post(`/api/v1/companies/${companyId}/number-blocks`, {
    headers,
    data: { kind: 'block', number: BLOCK, extensionLength: 2 },
  });
  // 409 number_overlap: an earlier test of this run handed it out already.
  expect([201, 409], await created.text()).toContain(created.status());
  await api.dispose();
}

/** The signed-in admin's company and the session's CSRF token (the cart is the session's). */
async function adminSession(page: Page): Promise<{ companyId: string; csrf: string }> {
  const me = await page.request.get('/api/v1/auth/me');
  const body = (await me.json()) as { csrfToken: string; user: { companies: { id: string }[] } };
  return { companyId: body.user.companies[0]?.id ?? '', csrf: body.csrfToken };
}

/**
 * "Arbeitsplatz einrichten" and "Auftrag hinzufügen" through the API with the browser's session:
 * a draft, its sections, then into the session cart.
 */
async function workplaceIntoCart(
  page: Page,
  person: Person,
  activationDate: string | null = null,
): Promise<void> {
  const { companyId, csrf } = await adminSession(page);
  const headers = { 'x-csrf-token': csrf };
  const base = `/api/v1/companies/${companyId}/workplace-drafts`;
  const created = await page.request.post(base, { headers, data: { standard: true } });
  expect(created.status(), await created.text()).toBe(201);
  const draftId = ((await created.json()) as { id: string }).id;
  const sections: Record<string, unknown> = {
    user: { firstName: person.firstName, lastName: person.lastName, email: person.email },
    login: {
      username: person.username,
      authEmail: person.email,
      authEmailConfirm: person.email,
      withoutMobile: true,
    },
    number: {
      mainNumber: person.mainNumber,
      internalNumber: person.internalNumber,
      nomadic: 'allowed',
    },
    activation: { activationDate },
  };
  for (const [section, data] of Object.entries(sections)) {
    const saved = await page.request.put(`${base}/${draftId}/sections/${section}`, {
      headers,
      data,
    });
    expect(saved.status(), `${section}: ${await saved.text()}`).toBe(200);
  }
  const added = await page.request.post(`${base}/${draftId}/cart`, { headers, data: {} });
  expect(added.status(), await added.text()).toBe(201);
}

/** A Berlin day n days from now as YYYY-MM-DD. */
function berlinDayIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

// Needs a fresh server (the e2e server gets a new data directory per run): the number block and
// the usernames can exist only once.
test('cart and order: two workplaces in, one removed, the order executed, the mail sent', async ({
  page,
  checkA11y,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await login(page, DEMO_ADMIN);
  const { companyId } = await adminSession(page);
  await handOutBlock(baseURL ?? '', companyId);

  // No cart, no button.
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: /^Warenkorb/ })).toHaveCount(0);

  await workplaceIntoCart(page, ANNA);
  await workplaceIntoCart(page, BEN);
  await page.reload();

  // The header button appears with the number of items.
  const cartButton = header.getByRole('link', { name: 'Warenkorb (2 Positionen)' });
  await expect(cartButton).toBeVisible();
  await expect(cartButton).toContainText('2');
  await cartButton.click();
  await expect(page).toHaveURL(/\/warenkorb$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Warenkorb' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
    'href',
    '/hilfe/warenkorb',
  );
  await expect(
    page.getByText(
      'Der Warenkorb bleibt nur für die Dauer der aktuellen Sitzung erhalten. Nicht bestellte Warenkörbe verfallen bei Abmeldung.',
    ),
  ).toBeVisible();
  const items = page.getByRole('list', { name: 'Positionen im Warenkorb' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  const anna = items.filter({ hasText: 'Anna Bestellmann' });
  const ben = items.filter({ hasText: 'Ben Warenkorb' });
  await expect(anna.getByRole('heading', { level: 2 })).toContainText('Arbeitsplatz aktivieren');
  await expect(anna.getByRole('radio', { name: 'So schnell wie möglich' })).toBeChecked();
  await expect(anna.getByRole('table', { name: /^Preise: / })).toContainText('€');
  await expect(page.getByRole('region', { name: 'Gesamtpreis' })).toContainText('Monatlich');
  await checkA11y('cart with two items');

  // Remove Ben; the badge follows.
  await ben.getByRole('button', { name: /^Entfernen: / }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'entfernt' })).toContainText(
    'wurde aus dem Warenkorb entfernt.',
  );
  await expect(header.getByRole('link', { name: 'Warenkorb (1 Position)' })).toContainText('1');

  // A later activation date, then back to "so schnell wie möglich".
  await anna.getByRole('radio', { name: 'Zu einem Datum' }).check();
  const dateField = anna.getByLabel('Datum', { exact: true });
  await expect(dateField).toHaveAttribute('min', berlinDayIn(0));
  await dateField.fill(berlinDayIn(-1));
  await anna.getByRole('button', { name: 'Datum übernehmen' }).click();
  await expect(anna.getByText(/^Bitte wählen Sie ein Datum ab dem /)).toBeVisible();
  await checkA11y('activation date too early');
  await dateField.fill(berlinDayIn(7));
  const saved = page.waitForResponse(
    (answer) => answer.request().method() === 'PATCH' && answer.url().includes('/cart/items/'),
  );
  await anna.getByRole('button', { name: 'Datum übernehmen' }).click();
  expect((await saved).status()).toBe(200);
  await expect(anna.getByRole('button', { name: 'Datum übernehmen' })).toBeDisabled();
  const asap = page.waitForResponse(
    (answer) => answer.request().method() === 'PATCH' && answer.url().includes('/cart/items/'),
  );
  await anna.getByRole('radio', { name: 'So schnell wie möglich' }).check();
  expect((await asap).status()).toBe(200);

  // "Kostenpflichtig bestellen" asks first.
  await page.getByRole('button', { name: 'Kostenpflichtig bestellen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kostenpflichtig bestellen' });
  await expect(confirm).toContainText('Sie bestellen 1 Position kostenpflichtig');
  await checkA11y('order confirmation');
  await confirm.getByRole('button', { name: 'Kostenpflichtig bestellen' }).click();
  await expect(confirm).toBeHidden();
  const done = page.getByRole('status').filter({ hasText: 'Vielen Dank für Ihre Bestellung' });
  await expect(done).toContainText('Bestätigung per E-Mail');
  const orderNumber = (await done.innerText()).match(/Auftragsnummer: (\S+)/)?.[1];
  expect(orderNumber, 'order number in the confirmation').toBeTruthy();
  await expect(header.getByRole('link', { name: /^Warenkorb/ })).toHaveCount(0);
  await checkA11y('order placed');

  // "Kontingente & Auftragsstatus": the order runs and ends executed.
  await done.getByRole('link', { name: 'Zu Kontingente & Auftragsstatus' }).click();
  await expect(page).toHaveURL(/\/unternehmen\/auftraege$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kontingente & Auftragsstatus' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kontingente' })).toContainText('Eingerichtet');
  const orders = page.getByRole('table', { name: 'Aufträge', exact: true });
  await orders.getByRole('button', { name: `Positionen anzeigen: ${orderNumber}` }).click();
  const orderItems = page.getByRole('table', { name: `Positionen des Auftrags ${orderNumber}` });
  await expect(orderItems).toContainText('Anna Bestellmann');
  // The e2e server runs the job workers; the list refreshes itself while the order runs.
  await expect(orderItems.getByText('ausgeführt', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  const orderRow = orders.getByRole('row').filter({
    has: page.getByRole('button', { name: `Positionen ausblenden: ${orderNumber}` }),
  });
  await expect(orderRow).toContainText('ausgeführt');
  await checkA11y('order executed');

  // Filters: "storniert" finds nothing, "ausgeführt" finds the order.
  const filters = page.getByRole('form', { name: 'Aufträge filtern' });
  await filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'storniert' });
  await filters.getByRole('button', { name: 'Anwenden' }).click();
  await expect(page.getByText('Keine Aufträge gefunden.')).toBeVisible();
  await filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'ausgeführt' });
  await filters.getByRole('button', { name: 'Anwenden' }).click();
  await expect(orders).toContainText(orderNumber ?? '');

  // Billing: the month's CSV downloads.
  const billing = page.getByRole('region', { name: 'Abrechnung' });
  const download = page.waitForEvent('download');
  await billing.getByRole('link', { name: /^CSV exportieren/ }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('Datum;Produkt;Menge;Preis pro Monat;Betrag');
  await checkA11y('billing');

  // The user's activation mail (username and first-login link) is in the outbox.
  const api = await operatorApi(baseURL ?? '');
  const mail = await outboxBody(api, 'workplace_activation', ANNA.email);
  expect(mail).toContain(ANNA.username);
  await api.dispose();

  // The operator sees the order among all companies.
  await logout(page);
  await login(page, OPERATOR);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Aufträge' }).click();
  await expect(page).toHaveURL(/\/betreiber\/auftraege$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aufträge' })).toBeVisible();
  const all = page.getByRole('table', { name: 'Aufträge aller Unternehmen' });
  const row = all.getByRole('row').filter({ hasText: orderNumber ?? '' });
  await expect(row).toContainText(DEMO_COMPANY);
  await expect(row).toContainText('ausgeführt');
  await checkA11y('operator orders');
});

test('a scheduled item can be cancelled before it runs', async ({ page, checkA11y, baseURL }) => {
  test.setTimeout(120_000);
  await login(page, DEMO_ADMIN);
  const { companyId } = await adminSession(page);
  await handOutBlock(baseURL ?? '', companyId);
  await workplaceIntoCart(page, CARLA, berlinDayIn(14));
  await page.goto('/warenkorb');
  const item = page.getByRole('listitem').filter({ hasText: 'Carla Storno' });
  await expect(item.getByRole('radio', { name: 'Zu einem Datum' })).toBeChecked();
  await expect(item.getByLabel('Datum', { exact: true })).toHaveValue(berlinDayIn(14));
  await page.getByRole('button', { name: 'Kostenpflichtig bestellen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kostenpflichtig bestellen' });
  await confirm.getByRole('button', { name: 'Kostenpflichtig bestellen' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Vielen Dank für Ihre Bestellung' });
  const orderNumber = (await done.innerText()).match(/Auftragsnummer: (\S+)/)?.[1];
  expect(orderNumber, 'order number in the confirmation').toBeTruthy();

  // "geplant" until its day; cancelled with confirmation it becomes "storniert".
  await done.getByRole('link', { name: 'Zu Kontingente & Auftragsstatus' }).click();
  const orders = page.getByRole('table', { name: 'Aufträge', exact: true });
  await orders.getByRole('button', { name: `Positionen anzeigen: ${orderNumber}` }).click();
  const orderItems = page.getByRole('table', { name: `Positionen des Auftrags ${orderNumber}` });
  await expect(orderItems.getByText('geplant', { exact: true })).toBeVisible();
  await orderItems.getByRole('button', { name: /^Position stornieren: .*Carla Storno/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Position stornieren' });
  await expect(dialog).toContainText(`des Auftrags ${orderNumber} wird storniert`);
  await checkA11y('cancel an item');
  await dialog.getByRole('button', { name: 'Stornieren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'wurde storniert' })).toBeVisible();
  await expect(orderItems.getByText('storniert', { exact: true })).toBeVisible();
  await expect(orderItems.getByRole('button', { name: /^Position stornieren: / })).toHaveCount(0);
  await checkA11y('item cancelled');
});
