/** The password of the demo logins in the browser tests' server (see playwright.config.ts). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';
export const OPERATOR = 'operator';
export const DEMO_ADMIN = 'demo-admin';
export const DEMO_COMPANY = 'Muster Handels GmbH';
