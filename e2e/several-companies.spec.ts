import { ONE_TIME_CODE, operatorApi, outboxBody } from './api.ts';
import { DEMO_ADMIN, DEMO_COMPANY } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

const ADMIN_EMAIL = 'it@muster-handels.example';

test('an admin invited to a second company unlocks it and picks the company', async ({
  page,
  checkA11y,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const secondCompany = `Zweitfirma ${stamp} KG`;

  // The operator creates a second company and invites the demo admin (through the API).
  const api = await operatorApi(baseURL ?? '');
  const me = await api.get('/api/v1/auth/me');
  const headers = { 'x-csrf-token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const created = await api.post('/api/v1/companies', {
    headers,
    data: {
      name: secondCompany,
      customerNumber: `Z-${stamp}`,
      contactEmail: null,
      contract: {
        status: 'ordered',
        startDate: '2026-01-01',
        street: 'Nebenweg 2',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
        products: ['sip_trunk'],
        workplaceQuota: 3,
        parallelCalls: 2,
        partnerLicences: {},
      },
    },
  });
  expect(created.status()).toBe(201);
  const { company } = (await created.json()) as { company: { id: string } };
  const invited = await api.post(`/api/v1/companies/${company.id}/admin-invitations`, {
    headers,
    data: { email: ADMIN_EMAIL },
  });
  expect(invited.status()).toBe(201);
  const inviteCode = ONE_TIME_CODE.exec(await outboxBody(api, 'admin_invitation', ADMIN_EMAIL));
  expect(inviteCode, 'code in the invitation').not.toBeNull();

  // The admin unlocks the second company from "Mein Unternehmen".
  await login(page, DEMO_ADMIN);
  await page.goto('/unternehmen');
  await expect(page.getByRole('combobox', { name: 'Unternehmen' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Berechtigung freischalten' }).click();
  await page
    .getByRole('textbox', { name: 'Einmal-Passwort aus dem Willkommensbrief' })
    .fill(inviteCode?.[0] ?? '');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByText(/Wir haben einen Freischaltcode an .+ gesendet/)).toBeVisible();
  const activation = /\b\d{8}\b/.exec(
    await outboxBody(api, 'admin_activation_code', ADMIN_EMAIL),
  )?.[0];
  await api.dispose();
  await page.getByRole('textbox', { name: 'Freischaltcode' }).fill(activation ?? '');
  await page.getByRole('button', { name: 'Freischalten' }).click();
  await expect(page.getByText(`Sie sind jetzt Administrator von ${secondCompany}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Zur Administrator-Ansicht' }).click();

  // Two companies: the picker shows, starting with the one just unlocked.
  const picker = page.getByRole('combobox', { name: 'Unternehmen' });
  await expect(picker).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Nebenweg 2');
  await checkA11y('my company with picker');
  await picker.selectOption({ label: `${DEMO_COMPANY} (K-100001)` });
  await expect(page.getByRole('main')).not.toContainText('Nebenweg 2');
  await expect(page.getByRole('table', { name: 'Administratoren' })).toContainText(DEMO_ADMIN);

  // The choice holds on the audit log page and after a reload.
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Protokoll' })
    .click();
  await expect(page.getByText(`Alle Änderungen an ${DEMO_COMPANY}`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Unternehmen' })).toHaveValue(/.+/);
  await expect(page.getByText(`Alle Änderungen an ${DEMO_COMPANY}`)).toBeVisible();
  await checkA11y('audit log with picker');
  await logout(page);
});
