import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

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

/** Answers GET /api/v1/auth/me as signed in, until the session issue provides real logins. */
export async function fakeSignedIn(page: Page): Promise<void> {
  await page.route('**/api/v1/auth/me', (route) =>
    route.fulfill({ status: 200, json: { user: { username: 'admin.muster', role: 'admin' } } }),
  );
}
