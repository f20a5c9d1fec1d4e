import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import deErrors from '../i18n/de/errors.json' with { type: 'json' };
import enErrors from '../i18n/en/errors.json' with { type: 'json' };
import type { RuleIssue } from '../rules/workplace.ts';
import {
  REQUIRED_FIELDS,
  SECTION_SCHEMAS,
  SECTIONS,
  draftDataSchema,
  draftIssues,
  sectionIssues,
  type DraftData,
  type SectionContext,
} from './sections.ts';

const K = 'validation.workplace.';
const today = '2025-05-10';
const ctx: SectionContext = { today };
const pairs = (issues: RuleIssue[]) =>
  issues.map((i) => [i.field, i.rule.slice(K.length), i.severity]);
const GROUP = '3f6c1b1e-8a3e-4c55-9d6a-2b1f0c9e7a11';
const MODEL = '9b0e2c4d-1f3a-4b5c-8d6e-7f8091a2b3c4';

const complete: DraftData = {
  group: { groupId: GROUP, areaId: null, language: 'de', timeZone: 'Europe/Berlin' },
  user: { firstName: 'Max', lastName: 'Mustermann', email: 'max@firma.de' },
  login: {
    username: 'max.mustermann',
    authEmail: 'max@firma.de',
    authEmailConfirm: 'max@firma.de',
    authMobile: '0151 12345678',
    withoutMobile: false,
  },
  number: {
    mainNumber: '+49891234560',
    internalNumber: '560',
    nomadic: 'allowed',
    additionalNumbers: ['+49891234561'],
  },
  profile: { blockingProfileId: null },
  devices: { devices: [{ deviceModelId: MODEL, macAddress: '00:04:F2:AB:CD:EF' }] },
  mobile: { mode: 'none' },
  addons: { addons: ['conference', 'assistant'] },
  activation: { activationDate: null },
};

describe('section schemas (saving a half-filled section always works)', () => {
  it('the sections in wizard order', () => {
    expect(SECTIONS).toEqual([
      'group',
      'user',
      'login',
      'number',
      'profile',
      'devices',
      'mobile',
      'addons',
      'activation',
    ]);
  });

  it.each(SECTIONS)('%s accepts an empty object and the complete example', (section) => {
    expect(SECTION_SCHEMAS[section].safeParse({}).success).toBe(true);
    expect(SECTION_SCHEMAS[section].safeParse(complete[section]).success).toBe(true);
  });

  it('keeps invalid but well-typed input (checked by "Weiter", not by saving)', () => {
    const login = { username: 'Ä', authEmail: 'x', authEmailConfirm: 'y', authMobile: '1' };
    expect(SECTION_SCHEMAS.login.parse(login)).toEqual(login);
    const number = { internalNumber: '7712', additionalNumbers: Array(11).fill('x') };
    expect(SECTION_SCHEMAS.number.parse(number)).toEqual(number);
    expect(
      SECTION_SCHEMAS.devices.parse({ devices: Array(7).fill({ deviceModelId: MODEL }) }),
    ).toBeTruthy();
    expect(SECTION_SCHEMAS.activation.parse({ activationDate: 'morgen' })).toBeTruthy();
  });

  it('refuses wrong types and unknown enum values', () => {
    expect(SECTION_SCHEMAS.group.safeParse({ groupId: 'not-a-uuid' }).success).toBe(false);
    expect(SECTION_SCHEMAS.group.safeParse({ language: 'en' }).success).toBe(false);
    expect(SECTION_SCHEMAS.number.safeParse({ nomadic: 'sometimes' }).success).toBe(false);
    expect(SECTION_SCHEMAS.mobile.safeParse({ mode: 'both' }).success).toBe(false);
    expect(SECTION_SCHEMAS.login.safeParse({ withoutMobile: 'yes' }).success).toBe(false);
    expect(SECTION_SCHEMAS.user.safeParse({ firstName: 'x'.repeat(1001) }).success).toBe(false);
  });

  it('the whole draft parses', () => {
    expect(draftDataSchema.parse(complete)).toEqual(complete);
    expect(draftDataSchema.parse({})).toEqual({});
  });
});

describe('sectionIssues ("Weiter")', () => {
  it.each(SECTIONS)('the complete example passes %s', (section) => {
    expect(sectionIssues(section, complete[section] as never, ctx)).toEqual([]);
  });

  it('Seed 001: "Alle mit einem Stern (*) gekennzeichneten Felder sind Pflichtfelder." — REQUIRED_FIELDS are exactly the fields an empty draft reports as missing', () => {
    const missing = SECTIONS.flatMap((s) => sectionIssues(s, undefined, ctx))
      // The mobile number is required only without "Authentifizierung ohne Mobilfunknummer": no *.
      .filter(
        (i) => i.severity === 'error' && /required/.test(i.rule) && i.field !== 'login.authMobile',
      )
      .map((i) => i.field);
    expect(new Set(missing)).toEqual(new Set(REQUIRED_FIELDS));
  });

  const rows: [string, DraftData, SectionContext, [string, string, string][]][] = [
    [
      'Seed 001: "Wenn Sie keine Auswahl treffen, wird der Arbeitsplatz der Standard-Gruppe zugewiesen."',
      { group: {} },
      ctx,
      [],
    ],
    [
      'group: an unknown time zone',
      { group: { timeZone: 'Mars/Olympus' } },
      ctx,
      [['group.timeZone', 'time_zone_invalid', 'error']],
    ],
    [
      'Seed 001: "Neben dem Namen und der Anschrift des Mitarbeiters können Sie auch die E-Mail-Adresse hinterlegen." (optional, but valid)',
      { user: { firstName: 'Max', lastName: 'Muster', email: 'kaputt' } },
      ctx,
      [['user.email', 'email_invalid', 'error']],
    ],
    [
      'user: names have at most 200 characters',
      { user: { firstName: 'M'.repeat(201), lastName: 'M' } },
      ctx,
      [['user.firstName', 'too_long', 'error']],
    ],
    [
      'Seed 001: "Der Benutzername muss mindestens fünf Zeichen lang sein."',
      { login: { ...complete.login, username: 'maxi' } },
      ctx,
      [['login.username', 'username_too_short', 'error']],
    ],
    [
      'Seed 001: "Markieren Sie das Kontrollkästchen Authentifizierung ohne Mobilfunknummer." + advice',
      { login: { ...complete.login, authMobile: '', withoutMobile: true } },
      ctx,
      [['login.withoutMobile', 'without_mobile_advice', 'warning']],
    ],
    [
      'Seed 001: "keine internen Rufnummer beginnend mit den Ziffern 77 oder 78"',
      { number: { ...complete.number, internalNumber: '7712' } },
      ctx,
      [['number.internalNumber', 'internal_number_77_78', 'error']],
    ],
    [
      'Seed 001 (MagentaEINS): "Keine Verwendung von zweistelligen internen Rufnummern"',
      { number: { ...complete.number, internalNumber: '60' } },
      { ...ctx, mobileIntegration: true },
      [['number.internalNumber', 'internal_number_two_digits_integration', 'error']],
    ],
    [
      'Seed 001: "Bitte beachten Sie, dass die interne Rufnummer 911 nicht verwendet werden sollte."',
      { number: { ...complete.number, internalNumber: '911' } },
      ctx,
      [['number.internalNumber', 'internal_number_911', 'warning']],
    ],
    [
      'Seed 001: "Eine Rufnummernänderung bei beschränkter Nutzung auf den vertraglich vereinbarten Anschluss, kann dazu führen, dass an dem Anschluss nicht mehr telefoniert werden kann."',
      { number: { ...complete.number, nomadic: 'restricted' } },
      ctx,
      [['number.nomadic', 'nomadic_restricted_notes', 'warning']],
    ],
    [
      'Issue 7: "Up to 10 additional numbers" — not the main number',
      { number: { ...complete.number, additionalNumbers: ['+49891234561', '+49891234560'] } },
      ctx,
      [['number.additionalNumbers.1', 'additional_number_is_main', 'error']],
    ],
    [
      'number: the main number must be a number',
      { number: { ...complete.number, mainNumber: 'abc' } },
      ctx,
      [['number.mainNumber', 'main_number_invalid', 'error']],
    ],
    [
      'Seed 001: "Arbeitsplätzen können bis zu 6 Endgeräte zugewiesen werden."',
      { devices: { devices: Array(7).fill({ deviceModelId: MODEL }) } },
      ctx,
      [['devices.devices', 'too_many_devices', 'error']],
    ],
    [
      'Seed 001: "Bitte beachten Sie zudem vor dem Einrichten einer MagentaEINS Business Rufnummer, dass alle vorgenommenen Rufnummerneinträge bei Parallelem Klingeln und Remote Office gelöscht werden müssen."',
      { mobile: { mode: 'integration', mobileNumber: '0151 12345678' } },
      { ...ctx, parallelRingingNumbers: 1 },
      [['mobile.mode', 'integration_parallel_ringing', 'error']],
    ],
    [
      'Seed 001 (MagentaEINS): "Keine Verwendung von internen Rufnummern beginnend mit "O"" — re-checked when integration is chosen',
      { mobile: { mode: 'integration', mobileNumber: '0151 12345678' } },
      { ...ctx, internalNumber: '0560' },
      [['mobile.mode', 'internal_number_leading_zero_integration', 'error']],
    ],
    [
      'Seed 001: "Für Kunden mit anderen Mobilfunkverträgen … wenn Sie die Option Mobile-Client für den Arbeitsplatz buchen." (no number needed)',
      { mobile: { mode: 'client' } },
      { ...ctx, internalNumber: '05' },
      [],
    ],
    [
      'Seed 001: "Mobilfunknummer Adressbuch (optional)"',
      { mobile: { mode: 'none', directoryMobile: '089 1234' } },
      ctx,
      [['mobile.directoryMobile', 'directory_mobile_invalid', 'error']],
    ],
    [
      'addons: each add-on once',
      { addons: { addons: ['conference', 'conference'] } },
      ctx,
      [['addons.addons.1', 'addon_duplicate', 'error']],
    ],
    [
      'Issue 7: "activation date (\'so schnell wie möglich\' by default, or a future date)"',
      { activation: { activationDate: '2025-05-09' } },
      ctx,
      [['activation.activationDate', 'activation_date_past', 'error']],
    ],
    [
      'Issue 7: "Workplaces count against the contract\'s workplace quota"',
      { activation: { activationDate: null } },
      { ...ctx, quota: { configured: 5, quota: 5 } },
      [['workplace', 'quota_exceeded', 'error']],
    ],
  ];
  it.each(rows)('%s', (_label, data, context, expected) => {
    const section = SECTIONS.find((s) => data[s] !== undefined)!;
    expect(pairs(sectionIssues(section, data[section] as never, context))).toEqual(expected);
  });
});

describe('draftIssues ("Auftrag hinzufügen")', () => {
  it('a complete draft has no issues', () => {
    expect(draftIssues(complete, ctx)).toEqual([]);
  });
  it('takes mobile integration from the draft and reports the internal number once', () => {
    const draft: DraftData = {
      ...complete,
      number: { ...complete.number, internalNumber: '0560' },
      mobile: { mode: 'integration', mobileNumber: '0151 12345678' },
    };
    expect(pairs(draftIssues(draft, ctx))).toEqual([
      ['number.internalNumber', 'internal_number_leading_zero_integration', 'error'],
    ]);
  });
});

describe('every rule key exists in German and English', () => {
  const lookup = (tree: unknown, key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
  const sources = [
    '../rules/workplace.ts',
    '../rules/internal-number.ts',
    './sections.ts',
    './lifecycle.ts',
  ].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'));
  const keys = new Set<string>();
  // Every snake_case literal in the rule sources is a rule name (statuses aside).
  const NOT_RULES = new Set(['in_cart']);
  for (const source of sources) {
    for (const m of source.matchAll(/'([a-z0-9]+(?:_[a-z0-9]+)+)'/g)) {
      if (!NOT_RULES.has(m[1]!)) {
        keys.add(`${K}${m[1]}`);
      }
    }
  }
  // Keys the server returns itself (uniqueness, check-mobile, the contract's *_fixed).
  for (const extra of [
    'username_taken',
    'username_fixed',
    'internal_number_taken',
    'integration_customer_account_required',
    'integration_not_eligible',
  ]) {
    keys.add(`${K}${extra}`);
  }

  it('found the rule keys in the sources', () => {
    expect(keys.size).toBeGreaterThan(50);
    expect(keys).toContain(`${K}internal_number_77_78`);
    expect(keys).toContain(`${K}username_too_short`);
  });

  it.each([...keys])('%s', (key) => {
    expect(typeof lookup(deErrors, key)).toBe('string');
    expect(typeof lookup(enErrors, key)).toBe('string');
  });

  it('German and English have the same validation.workplace keys and parameters', () => {
    const de = (deErrors.validation as Record<string, Record<string, string>>).workplace ?? {};
    const en = (enErrors.validation as Record<string, Record<string, string>>).workplace ?? {};
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    const params = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(de)) {
      expect(params(en[key] ?? ''), key).toEqual(params(de[key] ?? ''));
    }
  });

  it('the parameters a message uses are the ones the rule gives', () => {
    const issues: RuleIssue[] = [
      ...SECTIONS.flatMap((s) => sectionIssues(s, undefined, ctx)),
      ...sectionIssues(
        'login',
        { username: '_Äb#', authEmail: 'a@b.de', authEmailConfirm: 'x' },
        ctx,
      ),
      ...sectionIssues(
        'number',
        { internalNumber: '1', additionalNumbers: ['x', ...Array(10).fill('+49891234561')] },
        ctx,
      ),
      ...sectionIssues(
        'devices',
        { devices: Array(7).fill({ deviceModelId: MODEL, macAddress: 'zz' }) },
        ctx,
      ),
      ...sectionIssues(
        'mobile',
        { mode: 'integration', mobileNumber: 'x' },
        { ...ctx, parallelRingingNumbers: 1, remoteOfficeNumbers: 2 },
      ),
      ...sectionIssues(
        'activation',
        { activationDate: '2020-01-01' },
        { ...ctx, quota: { configured: 3, quota: 2 } },
      ),
      ...sectionIssues('addons', { addons: ['a', 'a'] }, ctx),
      ...sectionIssues('user', { firstName: 'x'.repeat(300) }, ctx),
    ];
    for (const issue of issues) {
      const text = lookup(deErrors, issue.rule) as string;
      for (const [, name] of text.matchAll(/{{(\w+)}}/g)) {
        expect(issue.params ?? {}, `${issue.rule} needs {{${name}}}`).toHaveProperty(name!);
      }
    }
  });
});
