import { describe, expect, it } from 'vitest';
import {
  activationDateIssues,
  addDays,
  additionalNumberIssues,
  authEmailIssues,
  deletableFrom,
  deleteIssues,
  deviceIssues,
  deviceMacIssues,
  directoryMobileIssues,
  groupChangeIssues,
  hasErrors,
  isIsoDay,
  minimumTermEnd,
  mobileIntegrationIssues,
  normalizeMac,
  passwordDeliveryIssues,
  passwordDeliveryOf,
  quotaIssues,
  usernameChangeIssues,
  usernameIssues,
  type RuleIssue,
} from './workplace.ts';

const K = 'validation.workplace.';
const rules = (issues: RuleIssue[]) => issues.map((i) => i.rule.slice(K.length));
const MOBILE = '0151 12345678';

describe('usernameIssues', () => {
  const S5 = 'Seed 001: "Der Benutzername muss mindestens fünf Zeichen lang sein."';
  const SLOWER = 'Seed 001: "Er muss aus Kleinbuchstaben und Ziffern bestehen"';
  const SUML = 'Seed 001: "darf jedoch keine Umlaute enthalten"';
  const SSEP =
    'Seed 001: "Als Sonderzeichen können Unterstrich, Bindestrich und Punkt verwendet werden, dabei muss vor und nach jedem Sonderzeichen mindestens ein Buchstabe oder eine Ziffer stehen."';
  const SEDGE = 'Seed 001: "Der Benutzername muss mit Buchstaben oder Ziffern beginnen und enden."';
  const rows: [string, string[], string][] = [
    ['max.mustermann', [], SSEP],
    ['m_mueller-2.vt', [], SSEP],
    ['12345', [], SLOWER],
    ['abcde', [], S5],
    ['abcd', ['username_too_short'], S5],
    ['a.b.c', [], `${S5} (separators count)`],
    ['', ['username_required'], S5],
    ['   ', ['username_required'], S5],
    ['x'.repeat(65), ['username_too_long'], 'LIMITS.username.max'],
    ['müller', ['username_umlaut'], SUML],
    ['strauß', ['username_umlaut'], `${SUML} (ß)`],
    ['Mueller', ['username_uppercase'], SLOWER],
    ['Müller', ['username_umlaut', 'username_uppercase'], `${SUML} / ${SLOWER}`],
    ['max mustermann', ['username_invalid_characters'], SLOWER],
    ['max@firma', ['username_invalid_characters'], SLOWER],
    ['max..muster', ['username_separator_sequence'], SSEP],
    ['max._muster', ['username_separator_sequence'], SSEP],
    ['max-_-muster', ['username_separator_sequence'], SSEP],
    ['.maxmuster', ['username_start_end'], SEDGE],
    ['maxmuster_', ['username_start_end'], SEDGE],
    ['-max-', ['username_start_end'], SEDGE],
    ['_ab', ['username_too_short', 'username_start_end'], `${S5} / ${SEDGE}`],
  ];
  it.each(rows)('%j → %j — %s', (username, expected) => {
    const issues = usernameIssues(username);
    expect(rules(issues)).toEqual(expected);
    expect(issues.every((i) => i.field === 'login.username' && i.severity === 'error')).toBe(true);
  });

  it('names the offending characters and the minimum', () => {
    expect(usernameIssues('Äpfel')).toEqual([
      {
        field: 'login.username',
        rule: `${K}username_umlaut`,
        severity: 'error',
        params: { chars: 'Ä' },
      },
    ]);
    expect(usernameIssues('abc')[0]?.params).toEqual({ min: 5 });
    expect(usernameIssues('max#muster!')[0]?.params).toEqual({ chars: '# !' });
  });

  it('Seed 001: "Der Benutzername kann nach der Einrichtung des Arbeitsplatzes nicht mehr verändert werden."', () => {
    expect(rules(usernameChangeIssues({ status: 'active', from: 'maxm1', to: 'maxm2' }))).toEqual([
      'username_fixed',
    ]);
    expect(usernameChangeIssues({ status: 'active', from: 'maxm1', to: 'maxm1' })).toEqual([]);
    expect(usernameChangeIssues({ status: 'in_cart', from: 'maxm1', to: 'maxm2' })).toEqual([]);
    expect(usernameChangeIssues({ status: 'active', from: 'maxm1', to: undefined })).toEqual([]);
  });
});

describe('authEmailIssues', () => {
  const S =
    'Seed 001: "Geben Sie im Eingabefeld E-Mail-Adresse zur Authentifizierung die E-Mail-Adresse ein und wiederholen Sie die Eingabe zur Bestätigung"';
  const rows: [string, string, [string, string][]][] = [
    ['max@firma.de', 'max@firma.de', []],
    [' max@firma.de ', 'MAX@Firma.de', []],
    [
      '',
      '',
      [
        ['login.authEmail', 'auth_email_required'],
        ['login.authEmailConfirm', 'auth_email_confirm_required'],
      ],
    ],
    ['max@firma.de', '', [['login.authEmailConfirm', 'auth_email_confirm_required']]],
    ['max@firma.de', 'max@firma.com', [['login.authEmailConfirm', 'auth_email_mismatch']]],
    ['max.firma.de', 'max.firma.de', [['login.authEmail', 'auth_email_invalid']]],
    ['max@firma', 'max@firma', [['login.authEmail', 'auth_email_invalid']]],
    [
      `${'a'.repeat(250)}@x.de`,
      `${'a'.repeat(250)}@x.de`,
      [['login.authEmail', 'auth_email_invalid']],
    ],
  ];
  it.each(rows)(`%j / %j → %j — ${S}`, (email, confirm, expected) => {
    const issues = authEmailIssues(email, confirm);
    expect(issues.map((i) => [i.field, i.rule.slice(K.length)])).toEqual(expected);
  });
});

describe('passwordDeliveryIssues', () => {
  const SSMS =
    'Seed 001: "Achten Sie darauf, dass das nebenstehende Kontrollkästchen Authentifizierung ohne Mobilfunknummer NICHT markiert ist."';
  const SMAIL =
    'Seed 001: "Passwort-Zustellung per E-Mail: Markieren Sie das Kontrollkästchen Authentifizierung ohne Mobilfunknummer."';
  const SADV =
    'Seed 001: "sollten Sie zusätzlich zur E-Mail-Adresse immer auch eine Mobilfunknummer hinterlegen"';
  const rows: [string | null, boolean, [string, string, string][], string][] = [
    [MOBILE, false, [], SSMS],
    ['+49 170 1234567', false, [], SSMS],
    [MOBILE, true, [['login.withoutMobile', 'auth_mobile_and_without', 'error']], SSMS],
    [
      null,
      true,
      [['login.withoutMobile', 'without_mobile_advice', 'warning']],
      `${SMAIL} / ${SADV}`,
    ],
    ['', false, [['login.authMobile', 'auth_mobile_required', 'error']], `${SSMS} / ${SMAIL}`],
    [null, false, [['login.authMobile', 'auth_mobile_required', 'error']], `${SSMS} / ${SMAIL}`],
    [
      '089 123456',
      false,
      [['login.authMobile', 'auth_mobile_invalid', 'error']],
      `${SSMS} (a mobile number)`,
    ],
    ['0151 12', false, [['login.authMobile', 'auth_mobile_invalid', 'error']], SSMS],
  ];
  it.each(rows)('%j, without %s → %j — %s', (authMobile, withoutMobile, expected) => {
    const issues = passwordDeliveryIssues({ authMobile, withoutMobile });
    expect(issues.map((i) => [i.field, i.rule.slice(K.length), i.severity])).toEqual(expected);
  });

  it('the advice is a warning and never blocks', () => {
    expect(hasErrors(passwordDeliveryIssues({ withoutMobile: true }))).toBe(false);
    expect(passwordDeliveryOf({ authMobile: MOBILE })).toBe('sms');
    expect(passwordDeliveryOf({ withoutMobile: true })).toBe('email');
  });
});

describe('deviceIssues and MAC addresses', () => {
  const S = 'Seed 001: "Arbeitsplätzen können bis zu 6 Endgeräte zugewiesen werden."';
  it.each([
    [0, []],
    [4, []],
    [6, []],
    [7, ['too_many_devices']],
  ] as [number, string[]][])(`%i devices → %j — ${S}`, (count, expected) => {
    expect(rules(deviceIssues(count))).toEqual(expected);
  });
  it(`names the maximum — ${S}`, () => {
    expect(deviceIssues(7)[0]).toMatchObject({
      field: 'devices.devices',
      params: { max: 6, count: 7 },
    });
  });
  it('Seed 001: "Vermeiden Sie Probleme durch Doppelanmeldung" — each device its own entry and MAC', () => {
    expect(normalizeMac('00:04:F2:ab:cd:ef')).toBe('0004f2abcdef');
    expect(normalizeMac('0004-F2AB-CDEF')).toBe('0004f2abcdef');
    expect(normalizeMac('00:04:F2:ab:cd')).toBeNull();
    const issues = deviceMacIssues(['00:04:F2:AB:CD:EF', null, '0004f2abcdef', 'xyz', '']);
    expect(issues.map((i) => [i.field, i.rule.slice(K.length)])).toEqual([
      ['devices.devices.2.macAddress', 'mac_duplicate'],
      ['devices.devices.3.macAddress', 'mac_invalid'],
    ]);
  });
});

describe('additionalNumberIssues', () => {
  const S = 'Issue 7: "Up to 10 additional numbers for incoming calls"';
  const main = '+49891234560';
  const many = Array.from({ length: 11 }, (_, i) => `+4989123457${i}`.slice(0, 13));
  const rows: [string[], [string, string][]][] = [
    [[], []],
    [['+49891234561', '089 1234562'], []],
    [many.slice(0, 10), []],
    [many, [['number.additionalNumbers', 'too_many_additional_numbers']]],
    [['089 1234560'], [['number.additionalNumbers.0', 'additional_number_is_main']]],
    [
      ['+49891234561', '089 1234-561'],
      [['number.additionalNumbers.1', 'additional_number_duplicate']],
    ],
    [['+49891234561', 'abc'], [['number.additionalNumbers.1', 'additional_number_invalid']]],
  ];
  it.each(rows)(`%j → %j — ${S}`, (numbers, expected) => {
    const issues = additionalNumberIssues(numbers, main);
    expect(issues.map((i) => [i.field, i.rule.slice(K.length)])).toEqual(expected);
  });
  it('without a main number only the list is checked', () => {
    expect(additionalNumberIssues(['+49891234560'])).toEqual([]);
  });
});

describe('minimum term and deletion', () => {
  const STERM =
    'Seed 001: "Die Mindestlaufzeit bei Buchung von Arbeitsplätzen beträgt 30 Tage ab Aktivierung."';
  const SDEL =
    'Seed 001: "Beachten Sie dazu auch, dass Arbeitsplätze erst nach Ablauf der 30-tägigen Mindestvertragslaufzeit gelöscht werden können."';
  it.each([
    ['2025-01-01', 30, '2025-01-31'],
    ['2025-02-10', 30, '2025-03-12'],
    ['2024-02-10', 30, '2024-03-11'], // leap year
    ['2025-12-15', 30, '2026-01-14'],
    ['2025-03-20', 30, '2025-04-19'], // across the DST change: calendar days
    ['2025-01-01', 90, '2025-04-01'],
  ])(`minimumTermEnd(%s, %i) = %s — ${STERM}`, (day, days, expected) => {
    expect(minimumTermEnd(day, days)).toBe(expected);
  });
  it('defaults to 30 days and rejects non-days', () => {
    expect(minimumTermEnd('2025-01-01')).toBe('2025-01-31');
    expect(() => minimumTermEnd('2025-02-30')).toThrow(RangeError);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  const rows: [string, string | null, string, string | null, string[], string][] = [
    ['active', '2025-01-31', '2025-01-30', null, ['delete_before_term'], SDEL],
    ['active', '2025-01-31', '2025-01-31', null, [], SDEL],
    ['active', '2025-01-31', '2025-02-15', null, [], SDEL],
    ['active', '2025-01-31', '2025-01-10', '2025-01-31', [], `${SDEL} (dated at the term's end)`],
    ['active', '2025-01-31', '2025-01-10', '2025-01-20', ['delete_before_term'], SDEL],
    [
      'deactivated',
      '2025-01-31',
      '2025-01-10',
      null,
      ['delete_before_term'],
      `${SDEL} (deactivated too)`,
    ],
    ['in_cart', null, '2025-01-10', null, ['delete_in_cart'], 'in the cart: remove the item'],
    ['ordered', null, '2025-01-10', null, ['delete_not_active'], 'ordered: cancel the order'],
    ['deleted', '2025-01-31', '2025-03-10', null, ['already_deleted'], 'deleted'],
  ];
  it.each(rows)(
    'delete %s (term end %s, today %s, date %s) → %j — %s',
    (status, end, today, date, expected) => {
      const issues = deleteIssues({ status, minimumTermEnd: end, today, effectiveDate: date });
      expect(rules(issues)).toEqual(expected);
    },
  );
  it(`refuses with the first possible date — ${SDEL}`, () => {
    expect(
      deleteIssues({ status: 'active', minimumTermEnd: '2025-01-31', today: '2025-01-05' }),
    ).toEqual([
      {
        field: 'workplace',
        rule: `${K}delete_before_term`,
        severity: 'error',
        params: { date: '2025-01-31' },
      },
    ]);
    expect(deletableFrom({ status: 'active', minimumTermEnd: '2025-01-31' })).toBe('2025-01-31');
    expect(deletableFrom({ status: 'in_cart', minimumTermEnd: null })).toBeNull();
    expect(deletableFrom({ status: 'deleted', minimumTermEnd: '2025-01-31' })).toBeNull();
  });
});

describe('groupChangeIssues', () => {
  const S =
    'Seed 001: "Wenn Sie bereits aktivierte Arbeitsplätze einer anderen Gruppe zuordnen wollen, müssen Sie die Arbeitsplätze löschen und neu einrichten."';
  it.each([
    ['active', 'g1', 'g2', ['group_fixed']],
    ['ordered', 'g1', 'g2', ['group_fixed']],
    ['deactivated', 'g1', 'g2', ['group_fixed']],
    ['active', 'g1', 'g1', []],
    ['active', 'g1', undefined, []],
    ['in_cart', 'g1', 'g2', []],
    ['draft', null, 'g2', []],
  ] as [string, string | null, string | undefined, string[]][])(
    `%s: %s → %s gives %j — ${S}`,
    (status, fromGroupId, toGroupId, expected) => {
      const issues = groupChangeIssues({ status, fromGroupId, toGroupId });
      expect(rules(issues)).toEqual(expected);
      issues.forEach((i) => expect(i.field).toBe('group.groupId'));
    },
  );
});

describe('quotaIssues', () => {
  const S =
    'Issue 7: "Workplaces count against the contract\'s workplace quota; beyond it the wizard refuses with a clear message."';
  it.each([
    [0, 1, 10, []],
    [9, 1, 10, []],
    [10, 1, 10, ['quota_exceeded']],
    [8, 3, 10, ['quota_exceeded']],
    [12, 1, 10, ['quota_exceeded']],
  ] as [number, number, number, string[]][])(
    `%i configured + %i > %i? %j — ${S}`,
    (configured, adding, quota, expected) => {
      expect(rules(quotaIssues({ configured, adding, quota }))).toEqual(expected);
    },
  );
  it('names configured, available and quota', () => {
    expect(quotaIssues({ configured: 12, quota: 10 })[0]?.params).toEqual({
      configured: 12,
      available: 0,
      quota: 10,
    });
    expect(quotaIssues({ configured: 8, adding: 3, quota: 10 })[0]?.params).toEqual({
      configured: 8,
      available: 2,
      quota: 10,
    });
  });
});

describe('activationDateIssues', () => {
  const S =
    'Seed 001: "Wenn Sie den Arbeitsplatz zu einem späteren Zeitpunkt erstellen möchten, passen Sie das Aktivierungsdatum entsprechend an."';
  it.each([
    [null, []],
    [undefined, []],
    ['2025-05-10', []],
    ['2025-06-01', []],
    ['2025-05-09', ['activation_date_past']],
    ['2025-02-30', ['activation_date_invalid']],
    ['10.05.2025', ['activation_date_invalid']],
  ] as [string | null | undefined, string[]][])(
    `%j (today 2025-05-10) → %j — ${S}`,
    (date, expected) => {
      expect(rules(activationDateIssues(date, '2025-05-10'))).toEqual(expected);
    },
  );
});

describe('mobileIntegrationIssues', () => {
  const SDEL =
    'Seed 001: "dass alle vorgenommenen Rufnummerneinträge bei Parallelem Klingeln und Remote Office gelöscht werden müssen"';
  const SNUM =
    'Seed 001: "Geben Sie die Mobilfunknummer des Mobilfunkvertrags ein, die in die Cloud PBX integriert werden soll."';
  const rows: [string, string | null, number, number, [string, string][], string][] = [
    ['integration', MOBILE, 0, 0, [], SNUM],
    ['integration', '', 0, 0, [['mobile.mobileNumber', 'integration_mobile_required']], SNUM],
    [
      'integration',
      '089 123456',
      0,
      0,
      [['mobile.mobileNumber', 'integration_mobile_invalid']],
      SNUM,
    ],
    ['integration', MOBILE, 2, 0, [['mobile.mode', 'integration_parallel_ringing']], SDEL],
    ['integration', MOBILE, 0, 1, [['mobile.mode', 'integration_remote_office']], SDEL],
    [
      'client',
      null,
      2,
      1,
      [],
      'Seed 001: "Um auch Anrufe … zu führen, kann die Funktion Paralleles Klingeln genutzt werden."',
    ],
    ['none', null, 0, 0, [], 'optional'],
  ];
  it.each(rows)(
    '%s %j (parallel %i, remote %i) → %j — %s',
    (mode, mobileNumber, parallel, remote, expected) => {
      const issues = mobileIntegrationIssues({
        mode: mode as 'integration',
        mobileNumber,
        parallelRingingNumbers: parallel,
        remoteOfficeNumbers: remote,
      });
      expect(issues.map((i) => [i.field, i.rule.slice(K.length)])).toEqual(expected);
    },
  );

  it('Seed 001: "kann trotzdem eine weitere, beliebige Mobilfunknummer in das Firmenadressbuch eingetragen werden"', () => {
    expect(directoryMobileIssues('')).toEqual([]);
    expect(directoryMobileIssues(MOBILE)).toEqual([]);
    expect(rules(directoryMobileIssues('089 123456'))).toEqual(['directory_mobile_invalid']);
  });
});
