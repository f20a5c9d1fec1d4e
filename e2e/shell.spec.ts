import { DEMO_ADMIN, DEMO_COMPANY } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

const USER_NAV = ['Übersicht', 'Endgeräte Einstellungen', 'Hilfe & Downloads', 'Mein Profil'];

test.describe('app shell', () => {
  test('login page in German, switchable to English', async ({ page, pageErrors, checkA11y }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/anmelden$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Benutzername' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Passwort', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Direkthilfe' })).toBeVisible();
    await expect(page.getByText('Noch kein Zugang?')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Registrieren' })).toHaveAttribute(
      'href',
      '/registrieren',
    );
    await expect(page.getByRole('banner')).toContainText('Zentrale');
    await checkA11y('login (de)');

    // Keyboard: the first Tab reaches the skip link, which moves focus to the page content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Username' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Help' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Deutsch/ })).toBeVisible();
    await checkA11y('login (en)');

    // The choice survives a reload.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('failed login shows the server message and keeps the input', async ({ page, checkA11y }) => {
    await page.goto('/anmelden');
    const username = page.getByRole('textbox', { name: 'Benutzername' });

    // Empty fields are reported next to each field before anything is sent.
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByText('Bitte geben Sie Ihren Benutzernamen ein.')).toBeVisible();
    await expect(username).toBeFocused();
    await expect(username).toHaveAttribute('aria-invalid', 'true');
    await checkA11y('login with field errors');

    const request = page.waitForRequest('**/api/v1/auth/login');
    await username.fill('niemand@example.com');
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill('falsch');
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).press('Enter');
    const sent = await request;
    expect(sent.method()).toBe('POST');
    expect(sent.headers()['content-type']).toBe('application/json');
    expect(sent.headers()['accept-language']).toBe('de');
    expect(sent.postDataJSON()).toEqual({ username: 'niemand@example.com', password: 'falsch' });

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Benutzername oder Passwort ist falsch.');
    await expect(username).toHaveValue('niemand@example.com');
    await expect(page).toHaveURL(/\/anmelden$/);
    await checkA11y('login with server error');
  });

  test('unknown address shows the 404 page', async ({ page, checkA11y }) => {
    await page.goto('/gibt-es-nicht');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
    ).toBeVisible();
    await checkA11y('404 (de)');
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await checkA11y('404 (en)');
    await page.getByRole('link', { name: 'Back to the start page' }).click();
    await expect(page).toHaveURL(/\/anmelden$/);
  });

  test('Direkthilfe on the login page opens the help for "anmeldung"', async ({
    page,
    checkA11y,
  }) => {
    await page.goto('/anmelden');
    const help = page.getByRole('link', { name: 'Direkthilfe' });
    await expect(help).toHaveAttribute('href', '/hilfe/anmeldung');
    await help.click();
    await expect(page).toHaveURL(/\/hilfe\/anmeldung$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hilfe: Anmeldung' })).toBeVisible();
    await checkA11y('help anmeldung');

    await page.goto('/hilfe/unbekannt');
    await expect(page.getByRole('heading', { level: 1, name: 'Hilfe' })).toBeVisible();
    await checkA11y('help fallback');
  });

  test('an external help site opens in a new tab', async ({ page, checkA11y }) => {
    await page.route('**/api/v1/meta', async (route) => {
      const response = await route.fetch();
      const meta = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...meta, helpBaseUrl: 'https://hilfe.example/' } });
    });
    await page.goto('/anmelden');
    const help = page.getByRole('link', { name: /^Direkthilfe/ });
    await expect(help).toHaveAttribute('href', 'https://hilfe.example/anmeldung');
    await expect(help).toHaveAttribute('target', '_blank');
    await expect(help).toHaveAttribute('rel', /noopener/);
    await checkA11y('login with external help');
  });

  test('the shell survives a failing meta endpoint', async ({ page, checkA11y }) => {
    await page.route('**/api/v1/meta', (route) =>
      route.fulfill({
        status: 500,
        json: { error: { code: 'internal_error', message: 'Interner Fehler', details: null } },
      }),
    );
    await page.goto('/anmelden');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
      'href',
      '/hilfe/anmeldung',
    );
    await checkA11y('login without meta');
  });
});

test.describe('signed-in shell', () => {
  test('navigation and view switch of a company admin', async ({ page, checkA11y }) => {
    await login(page, DEMO_ADMIN);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Übersicht' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('radio', { name: 'Administrator-Ansicht' })).toBeChecked();
    await checkA11y('overview');

    await nav.getByRole('link', { name: 'Mein Unternehmen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Unternehmen' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(DEMO_COMPANY);
    await expect(page.getByRole('main')).toContainText('Arbeitsplatz-Kontingent');
    await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
      'href',
      '/hilfe/unternehmen',
    );
    await checkA11y('my company');

    await nav.getByRole('link', { name: 'Protokoll' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Protokolleinträge' })).toBeVisible();
    await checkA11y('audit log (admin)');

    await page.getByRole('banner').getByText('Anwender-Ansicht').click();
    await expect(page).toHaveURL(/\/arbeitsplatz$/);
    // The demo admin has no workplace of their own: MyPortal says so.
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Kein Arbeitsplatz');
    await expect(nav.getByRole('link')).toHaveText(USER_NAV);
    await checkA11y('workplace (user view)');

    // The chosen view is remembered.
    await page.goto('/hilfe/start');
    await expect(page.getByRole('radio', { name: 'Anwender-Ansicht' })).toBeChecked();
    await expect(nav.getByRole('link')).toHaveText(USER_NAV);
    await checkA11y('help start (signed in)');

    // Signed in, the login page sends you to your start page; operator pages are not for admins.
    await page.goto('/anmelden');
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/betreiber/postausgang');
    await expect(page).toHaveURL(/\/$/);
    await logout(page);
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('the navbar opens from the menu button', async ({ page, checkA11y }) => {
    await login(page, DEMO_ADMIN);
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    // Collapsed: off-screen and inert, so Tab does not reach its links.
    await expect(page.locator('nav[aria-label="Hauptnavigation"]')).toHaveAttribute('inert');
    await expect(page.getByText('Mein Unternehmen')).not.toBeInViewport();
    await checkA11y('overview with closed navbar (small screen)');
    const menu = page.getByRole('button', { name: 'Navigation ein- oder ausblenden' });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Mein Unternehmen' })).toBeInViewport();
    await expect(nav.getByRole('radio', { name: 'Administrator-Ansicht' })).toBeChecked();
    await expect(nav.getByRole('button', { name: 'Abmelden' })).toBeInViewport();
    await checkA11y('overview with open navbar (small screen)');
    await nav.getByRole('link', { name: 'Mein Unternehmen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Unternehmen' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await nav.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page).toHaveURL(/\/anmelden$/);
  });
});
