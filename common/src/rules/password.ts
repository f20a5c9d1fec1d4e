import { LIMITS } from '../limits.ts';

/** The password rules of seed 003 ("Hinweis - Sicherheit Passwort"), in display order. */
export const PASSWORD_RULES = [
  'min_length',
  'uppercase',
  'lowercase',
  'digit',
  'allowed_characters',
  'not_username',
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** i18n key (namespace "errors") of a password rule's message. */
export const passwordRuleKey = (rule: PasswordRule) => `validation.password.${rule}`;

// Letters A–Z, digits, and the special characters the seed names: _ - .
const ALLOWED = /^[A-Za-z0-9_.-]*$/;

/** Returns the rules the password breaks (empty when it is acceptable). */
export function passwordViolations(password: string, username = ''): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if (password.length < LIMITS.password.min || password.length > LIMITS.password.max) {
    broken.push('min_length');
  }
  if (!/[A-Z]/.test(password)) {
    broken.push('uppercase');
  }
  if (!/[a-z]/.test(password)) {
    broken.push('lowercase');
  }
  if (!/[0-9]/.test(password)) {
    broken.push('digit');
  }
  if (!ALLOWED.test(password)) {
    broken.push('allowed_characters');
  }
  const name = username.trim().toLowerCase();
  if (name !== '' && password.toLowerCase().includes(name)) {
    broken.push('not_username');
  }
  return broken;
}
