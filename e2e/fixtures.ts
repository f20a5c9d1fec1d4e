import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './demo.ts';

export { expect };

/**
 * Chromium logs every 4xx/5xx answer as a console error ("Failed to load resource"), even when
 * the app handles it. Those are expected for API calls (signed out, failed login) and are not
 * app errors; everything else logged as an error is.
 */
function isHandledApiStatus(message: ConsoleMessage): boolean {
  const url = message.location().url;
  return (
    message.text().startsWith('Failed to load resource') &&
    new URL(url).pathname.startsWith('/api/')
  );
}

interface ShellFixtures {
  /** Console errors and uncaught page errors seen so far; must stay empty. */
  pageErrors: string[];
  /** Runs axe-core on the page as it is now and expects no violations at all. */
  checkA11y: (state: string) => Promise<void>;
}

export const test = base.extend<ShellFixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !isHandledApiStatus(message)) {
          errors.push(`console: ${message.text()} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'console or page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  checkA11y: async ({ page }, use) => {
    await use(async (state) => {
      const results = await new AxeBuilder({ page }).analyze();
      const violations = results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
      expect(violations, `axe violations on ${state} (${page.url()})`).toEqual([]);
    });
  },
});

/** Signs in through the login form and waits until the user's home page has loaded. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await page.getByRole('textbox', { name: 'Benutzername' }).fill(username);
  await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).not.toHaveURL(/\/anmelden$/);
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
}

/** Signs out with the header button and expects the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/anmelden$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
}
