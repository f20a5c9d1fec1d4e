import { DEMO_ADMIN, DEMO_PASSWORD } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

test('profile: API token shown once and revoked; another session ended', async ({
  page,
  checkA11y,
  playwright,
  baseURL,
}) => {
  // A second session of the same user, e.g. on another computer.
  const other = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const otherLogin = await other.post('/api/v1/auth/login', {
    data: { username: DEMO_ADMIN, password: DEMO_PASSWORD },
  });
  expect(otherLogin.status()).toBe(200);

  await login(page, DEMO_ADMIN);
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Mein Profil' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Profil' })).toBeVisible();
  await checkA11y('profile');

  // Create a token: the secret is shown once, with a warning and a copy button.
  await page.getByRole('button', { name: 'Token erstellen' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Name' }).fill('CI-Skript');
  // The first attempt carries a stale CSRF token: the app fetches the current one and retries.
  let tampered = false;
  await page.route('**/api/v1/auth/tokens', (route) => {
    if (route.request().method() !== 'POST' || tampered) {
      return route.fallback();
    }
    tampered = true;
    return route.continue({
      headers: { ...route.request().headers(), 'x-csrf-token': 'veraltet' },
    });
  });
  const retried = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/auth/tokens') &&
      response.request().method() === 'POST' &&
      response.status() === 201,
  );
  await page.getByRole('button', { name: 'Token erstellen' }).click();
  await retried;
  expect(tampered).toBe(true);
  await expect(page.getByText('Es wird nur dieses eine Mal angezeigt.')).toBeVisible();
  await expect(page.getByTestId('token-secret')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Kopieren' })).toBeVisible();
  const tokens = page.getByRole('table', { name: 'API-Tokens' });
  await expect(tokens).toContainText('CI-Skript');
  await checkA11y('profile with new token');

  // Revoke it after confirming.
  await tokens.getByRole('button', { name: 'Token CI-Skript widerrufen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Token widerrufen' });
  await checkA11y('profile: revoke dialog');
  await confirm.getByRole('button', { name: 'Widerrufen' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Sie haben keine API-Tokens.')).toBeVisible();

  // Sessions: this one is marked; the other one can be ended.
  const sessions = page.getByRole('table', { name: 'Sitzungen' });
  await expect(sessions.getByText('Diese Sitzung')).toHaveCount(1);
  const endButtons = sessions.getByRole('button', { name: /beenden$/ });
  const before = await endButtons.count();
  expect(before).toBeGreaterThan(0);
  await endButtons.first().click();
  await page
    .getByRole('dialog', { name: 'Sitzung beenden' })
    .getByRole('button', { name: 'Beenden' })
    .click();
  await expect(endButtons).toHaveCount(before - 1);
  await checkA11y('profile after ending a session');
  await logout(page);
  await other.dispose();
});
