import { describe, expect, it } from 'vitest';
import { passwordViolations, type PasswordRule } from './password.ts';

// Seed 003, "Hinweis - Sicherheit Passwort": "Das Passwort muss mindestens acht Zeichen lang sein.
// Es muss mindestens ein Großbuchstabe, ein Kleinbuchstabe und eine Ziffer verwendet werden. Als
// Sonderzeichen können Unterstrich (_), Bindestrich (-) und Punkt (.) verwendet werden. Zudem darf
// der Benutzername nicht Teil des Passwortes sein."
const cases: [string, string, string, PasswordRule[]][] = [
  ['mindestens acht Zeichen', 'Abcdef1', 'mmuster', ['min_length']],
  ['mindestens acht Zeichen (genau 8)', 'Abcdefg1', 'mmuster', []],
  ['ein Großbuchstabe', 'abcdefg1', 'mmuster', ['uppercase']],
  ['ein Kleinbuchstabe', 'ABCDEFG1', 'mmuster', ['lowercase']],
  ['eine Ziffer', 'Abcdefgh', 'mmuster', ['digit']],
  ['Sonderzeichen: Unterstrich', 'Abc_defg1', 'mmuster', []],
  ['Sonderzeichen: Bindestrich', 'Abc-defg1', 'mmuster', []],
  ['Sonderzeichen: Punkt', 'Abc.defg1', 'mmuster', []],
  ['nur diese Sonderzeichen: kein !', 'Abcdefg1!', 'mmuster', ['allowed_characters']],
  ['nur diese Sonderzeichen: kein Leerzeichen', 'Abc defg1', 'mmuster', ['allowed_characters']],
  ['nur diese Sonderzeichen: kein Umlaut', 'ÄbcdefG1', 'mmuster', ['allowed_characters']],
  ['Benutzername nicht Teil des Passwortes', 'Xmmuster1', 'mmuster', ['not_username']],
  ['Benutzername nicht Teil (Groß/klein egal)', 'MMuster_2026', 'mmuster', ['not_username']],
  [
    'alles falsch',
    'äö',
    'x',
    ['min_length', 'uppercase', 'lowercase', 'digit', 'allowed_characters'],
  ],
];

describe('passwordViolations (seed 003, Hinweis - Sicherheit Passwort)', () => {
  it.each(cases)('%s: %j', (_rule, password, username, expected) => {
    expect(passwordViolations(password, username)).toEqual(expected);
  });
});
