import { type APIRequestContext, request } from '@playwright/test';
import { operatorApi } from './api.ts';
import { DEMO_ADMIN, DEMO_PASSWORD } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

// A block of its own (no other spec uses 0341): the workplace takes its number from it.
const BLOCK = '0341 9876';
const USER = {
  firstName: 'Mara',
  lastName: 'Portal',
  username: 'mara.portal',
  email: 'mara.portal@example.com',
  mobile: '0151 23456789',
  mainNumber: `${BLOCK}-21`,
  internalNumber: '721',
  mac: '00:15:65:AA:BB:21',
};

interface OutboxItem {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
}

/** The body of the newest outbox message of a template whose recipient matches, once there. */
async function waitForMessage(
  api: APIRequestContext,
  template: string,
  recipient: (value: string) => boolean,
): Promise<string> {
  let id = '';
  await expect
    .poll(
      async () => {
        const list = await api.get('/api/v1/outbox?pageSize=100');
        const { items } = (await list.json()) as { items: OutboxItem[] };
        id = items.find((m) => m.template === template && recipient(m.recipient))?.id ?? '';
        return id;
      },
      { message: `${template} in the outbox`, timeout: 60_000 },
    )
    .not.toBe('');
  const detail = await api.get(`/api/v1/outbox/${id}`);
  return ((await detail.json()) as { body: string }).body;
}

/**
 * The admin sets up Mara's workplace (standard settings, a desk phone, SMS delivery) and orders
 * it through the API; the e2e server's workers execute the order.
 */
async function orderWorkplace(baseURL: string): Promise<void> {
  const admin = await request.newContext({ baseURL });
  const signedIn = await admin.post('/api/v1/auth/login', {
    data: { username: DEMO_ADMIN, password: DEMO_PASSWORD },
  });
  const session = (await signedIn.json()) as {
    csrfToken: string;
    user: { companies: { id: string }[] };
  };
  const companyId = session.user.companies[0]?.id ?? '';
  const headers = { 'x-csrf-token': session.csrfToken };

  const operator = await operatorApi(baseURL);
  const me = (await (await operator.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const block = await operator.post(`/api/v1/companies/${companyId}/number-blocks`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { kind: 'block', number: BLOCK, extensionLength: 2 },
  });
  expect(block.status(), await block.text()).toBe(201);
  await operator.dispose();

  const devices = (await (await admin.get('/api/v1/catalog/devices')).json()) as {
    items: { id: string; key: string }[];
  };
  const phone = devices.items.find((d) => d.key === 'yealink-t46u');
  expect(phone, 'Yealink T46U in the catalogue').toBeDefined();

  const base = `/api/v1/companies/${companyId}/workplace-drafts`;
  const created = await admin.post(base, { headers, data: { standard: true } });
  expect(created.status(), await created.text()).toBe(201);
  const draftId = ((await created.json()) as { id: string }).id;
  const sections: Record<string, unknown> = {
    user: { firstName: USER.firstName, lastName: USER.lastName, email: USER.email },
    login: {
      username: USER.username,
      authEmail: USER.email,
      authEmailConfirm: USER.email,
      authMobile: USER.mobile,
      withoutMobile: false,
    },
    number: {
      mainNumber: USER.mainNumber,
      internalNumber: USER.internalNumber,
      nomadic: 'allowed',
    },
    devices: { devices: [{ deviceModelId: phone?.id, macAddress: USER.mac }] },
    activation: { activationDate: null },
  };
  for (const [section, data] of Object.entries(sections)) {
    const saved = await admin.put(`${base}/${draftId}/sections/${section}`, { headers, data });
    expect(saved.status(), `${section}: ${await saved.text()}`).toBe(200);
  }
  const added = await admin.post(`${base}/${draftId}/cart`, { headers, data: {} });
  expect(added.status(), await added.text()).toBe(201);
  const cart = (await (await admin.get('/api/v1/cart')).json()) as { priceToken: string };
  const ordered = await admin.post('/api/v1/cart/order', {
    headers,
    data: { priceToken: cart.priceToken },
  });
  expect(ordered.status(), await ordered.text()).toBe(201);
  await admin.dispose();
}

const digits = (value: string) => value.replace(/\D/g, '').replace(/^(49|0)/, '');

test('MyPortal: first login from the activation mail, password rules, the device login data', async ({
  page,
  checkA11y,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await orderWorkplace(baseURL ?? '');

  // The executed order's activation mail: username and the link to the first login.
  const operator = await operatorApi(baseURL ?? '');
  const mail = await waitForMessage(operator, 'workplace_activation', (to) => to === USER.email);
  expect(mail).toContain(USER.username);
  const link = /https?:\/\/\S+/.exec(mail)?.[0] ?? '';
  expect(link).toContain('/myportal/erstanmeldung');
  await page.goto(link);

  // Step 1: username → "Absenden" → "Zum 2. Schritt".
  await expect(
    page.getByRole('heading', { level: 1, name: 'Erstanmeldung in MyPortal' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
    'href',
    '/hilfe/erstanmeldung',
  );
  await page.getByRole('textbox', { name: 'Benutzername' }).fill(USER.username);
  await checkA11y('first login, step 1');
  await page.getByRole('button', { name: 'Absenden' }).click();
  const popup = page.getByRole('dialog', { name: 'Temporäres Passwort angefordert' });
  await expect(popup).toContainText('per SMS');
  await checkA11y('temporary password requested');
  await popup.getByRole('button', { name: 'Zum 2. Schritt' }).click();

  // Step 2: the temporary password from the SMS outbox (a mobile number was given).
  const sms = await waitForMessage(
    operator,
    'temporary_password',
    (to) => digits(to) === digits(USER.mobile),
  );
  const temporary = /[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/.exec(sms)?.[0] ?? '';
  expect(temporary).not.toBe('');
  await operator.dispose();
  await expect(page.getByText('Schritt 2 von 3')).toBeVisible();
  await page.getByRole('textbox', { name: 'Temporäres Passwort', exact: true }).fill(temporary);
  await checkA11y('first login, step 2');
  await page.getByRole('button', { name: 'Absenden' }).click();

  // Step 3: a password with the username in it is refused, the rules are shown live.
  await expect(page.getByText('Schritt 3 von 3')).toBeVisible();
  const password = page.getByRole('textbox', { name: 'Neues Passwort', exact: true });
  await password.fill(`Neu-${USER.username}-1`);
  const rule = page.locator('[data-rule="not_username"]');
  await expect(rule).toHaveAttribute('data-met', 'false');
  await expect(page.locator('[data-rule="min_length"]')).toHaveAttribute('data-met', 'true');
  await page
    .getByRole('textbox', { name: 'Neues Passwort wiederholen' })
    .fill(`Neu-${USER.username}-1`);
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Der Benutzername darf nicht Teil des Passwortes sein.').first(),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/myportal\/erstanmeldung/);
  await checkA11y('password refused');

  await password.fill('Sonnen_Schein7');
  await expect(rule).toHaveAttribute('data-met', 'true');
  await page.getByRole('textbox', { name: 'Neues Passwort wiederholen' }).fill('Sonnen_Schein7');
  await page.getByRole('button', { name: 'Weiter' }).click();

  // The overview: master data, numbers, devices.
  await expect(page).toHaveURL(/\/arbeitsplatz$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const master = page.getByRole('region', { name: 'Stammdaten' });
  await expect(master).toContainText('Mara Portal');
  await expect(master).toContainText(USER.username);
  await expect(page.getByRole('region', { name: 'Rufnummern' })).toContainText(USER.internalNumber);
  await expect(page.getByRole('table', { name: /zugeordnete Endgeräte/ })).toContainText('T46U');
  await checkA11y('overview');

  // "Endgeräte Einstellungen": mark the device, its first-login data appear.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Endgeräte Einstellungen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Endgeräte Einstellungen' }),
  ).toBeVisible();
  await page.getByRole('radio', { name: /T46U/ }).check();
  const data = page.getByRole('region', { name: /^Erstanmelde-Daten/ });
  await expect(data.getByText('SIP-Benutzername')).toBeVisible();
  await expect(data.getByText('SIP-Passwort')).toBeVisible();
  await expect(data.getByText('Registrar')).toBeVisible();
  await expect(data.getByText('Domain', { exact: true })).toBeVisible();
  await expect(data).toContainText('/provisioning/001565aabb21.cfg');
  await expect(data).toContainText('Doppelanmeldung');
  await page.getByRole('switch', { name: 'Expertenansicht' }).check();
  await expect(page.getByRole('region', { name: 'Status der Endgeräte' })).toContainText(
    'unbekannt',
  );
  await checkA11y('device settings');

  await nav.getByRole('link', { name: 'Hilfe & Downloads' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hilfe & Downloads' })).toBeVisible();
  await checkA11y('downloads');

  // The admin's side (seed 003 "Keine Aktivierungsmail erhalten"): the workplace's detail page
  // shows Mara's account and sends the activation mail again.
  await logout(page);
  await login(page, DEMO_ADMIN);
  const companyId = (
    (await (await page.request.get('/api/v1/auth/me')).json()) as {
      user: { companies: { id: string }[] };
    }
  ).user.companies[0]?.id;
  const found = (await (
    await page.request.get(
      `/api/v1/companies/${companyId}/workplaces?search=${encodeURIComponent(USER.username)}`,
    )
  ).json()) as { items: { id: string }[] };
  await page.goto(`/unternehmen/arbeitsplaetze/${found.items[0]?.id ?? ''}`);
  const panel = page.getByRole('region', { name: 'Benutzerkonto und Aktivierungsmail' });
  await expect(panel).toContainText(USER.username);
  await panel.getByRole('button', { name: 'Aktivierungsmail erneut senden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Senden' }).click();
  await expect(panel).toContainText(`Die Aktivierungsmail wurde an ${USER.email} gesendet.`);
  await checkA11y('workplace detail, login panel');
});
