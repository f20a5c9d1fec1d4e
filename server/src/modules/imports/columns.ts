// The columns of the workplace list (sheet "Arbeitsplätze"): one per wizard setting that belongs
// in a list. Which are mandatory comes from the wizard (REQUIRED_FIELDS), headers and hints from
// the catalogue (errors.json, import.columns.<key>), so template, upload and preview agree.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { LIMITS } from '../../../../common/src/limits.ts';
import { REQUIRED_FIELDS } from '../../../../common/src/workplaces/sections.ts';
import { translate } from '../../platform/i18n.ts';

export type ColumnKind =
  | 'text'
  | 'phone'
  | 'mobile'
  | 'digits'
  | 'postal'
  | 'date'
  | 'flag'
  | 'nomadic'
  | 'list'
  | 'addons'
  | 'mac';

/** Where a drop-down takes its values from (the company's real data). */
export type ListSource =
  | 'templates'
  | 'groups'
  | 'areas'
  | 'timeZones'
  | 'profiles'
  | 'devices'
  | 'addons'
  | 'flag'
  | 'nomadic';

export interface ColumnDef {
  key: string;
  kind: ColumnKind;
  /** The wizard field it fills (Draft.data path), or null for list-only columns (template). */
  field: string | null;
  mandatory: boolean;
  list?: ListSource;
  /** Character width in the template. */
  width: number;
  /** Further header spellings people use (matched like the headers, see headerKey). */
  aliases?: readonly string[];
}

const required = (field: string) => (REQUIRED_FIELDS as readonly string[]).includes(field);

const col = (
  key: string,
  kind: ColumnKind,
  field: string | null,
  width: number,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  kind,
  field,
  mandatory: field !== null && required(field),
  width,
  ...extra,
});

const DEVICE_COLUMNS: ColumnDef[] = Array.from({ length: LIMITS.workplace.devicesMax }, (_, i) => [
  col(`device${i + 1}`, 'list', `devices.devices.${i}.deviceModelId`, 30, {
    list: 'devices',
    aliases: [`Gerät ${i + 1}`, `Endgeraet ${i + 1}`],
  }),
  col(`mac${i + 1}`, 'mac', `devices.devices.${i}.macAddress`, 18, {
    aliases: [`MAC ${i + 1}`, `MAC-Adresse Endgerät ${i + 1}`],
  }),
]).flat();

/** In the template's order: template first, then the wizard's sections. */
export const COLUMNS: readonly ColumnDef[] = [
  col('template', 'list', null, 22, { list: 'templates', aliases: ['Vorlage'] }),
  col('group', 'list', 'group.groupId', 24, {
    list: 'groups',
    aliases: ['Gruppe', 'Standort', 'Location', 'Group'],
  }),
  col('area', 'list', 'group.areaId', 20, { list: 'areas' }),
  col('timeZone', 'list', 'group.timeZone', 18, { list: 'timeZones' }),
  col('salutation', 'text', 'user.salutation', 10, { aliases: ['Title'] }),
  col('firstName', 'text', 'user.firstName', 16, { aliases: ['Given name'] }),
  col('lastName', 'text', 'user.lastName', 18, { aliases: ['Name', 'Surname', 'Family name'] }),
  col('email', 'text', 'user.email', 28, {
    aliases: ['E-Mail-Adresse', 'Email', 'E-mail address', 'Mail'],
  }),
  col('street', 'text', 'user.street', 22, { aliases: ['Strasse', 'Straße und Hausnummer'] }),
  col('postalCode', 'postal', 'user.postalCode', 8, {
    aliases: ['Postleitzahl', 'Zip', 'Zip code', 'Postcode'],
  }),
  col('city', 'text', 'user.city', 16, { aliases: ['Stadt', 'Town'] }),
  col('department', 'text', 'user.department', 16),
  col('username', 'text', 'login.username', 20, { aliases: ['Anmeldename', 'Login', 'User name'] }),
  col('authEmail', 'text', 'login.authEmail', 28, {
    aliases: ['E-Mail-Adresse zur Authentifizierung', 'Auth e-mail', 'Authentication email'],
  }),
  col('authMobile', 'mobile', 'login.authMobile', 18, {
    aliases: ['Mobilfunknummer', 'Handynummer', 'Mobile number', 'Mobile'],
  }),
  col('withoutMobile', 'flag', 'login.withoutMobile', 14, {
    list: 'flag',
    aliases: ['Authentifizierung ohne Mobilfunknummer', 'Without mobile'],
  }),
  col('mainNumber', 'phone', 'number.mainNumber', 18, {
    aliases: ['Rufnummer des Arbeitsplatzes', 'Telefonnummer', 'Phone number', 'Number'],
  }),
  col('internalNumber', 'digits', 'number.internalNumber', 12, {
    aliases: ['Durchwahl', 'Nebenstelle', 'Extension', 'Interne Nummer'],
  }),
  col('nomadic', 'nomadic', 'number.nomadic', 16, {
    list: 'nomadic',
    aliases: ['Nomadische Nutzung', 'Nomadic'],
  }),
  col('blockingProfile', 'list', 'profile.blockingProfileId', 22, { list: 'profiles' }),
  ...DEVICE_COLUMNS,
  col('addons', 'addons', 'addons.addons', 30, {
    list: 'addons',
    aliases: ['Zusatzpakete', 'Zusatz-Paket', 'Add-on', 'Addons'],
  }),
  col('activationDate', 'date', 'activation.activationDate', 16, {
    aliases: ['Aktivierung', 'Activation'],
  }),
];

export const COLUMN_BY_KEY = new Map(COLUMNS.map((c) => [c.key, c]));
export const MANDATORY_COLUMNS = COLUMNS.filter((c) => c.mandatory);

/** The column's header in a language ("Vorname", "First name"). */
export const columnHeader = (lang: Language, key: string) =>
  translate(lang, `import.columns.${key.replace(/\d+$/, '')}.header`, {
    n: key.replace(/\D/g, ''),
  });

/** The column's hint: what goes in, in which form (the header cell's note). */
export const columnHint = (lang: Language, key: string) =>
  translate(lang, `import.columns.${key.replace(/\d+$/, '')}.hint`, {
    n: key.replace(/\D/g, ''),
    max: LIMITS.workplace.devicesMax,
  });

/**
 * Header text → comparable key: case, spaces, punctuation, "*" marks, umlaut spellings and
 * trailing notes in brackets do not matter ("E-Mail zur Authentifizierung *" = "e-mail zur
 * authentifizierung").
 */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

let headerIndex: Map<string, string> | null = null;

/** Every known spelling (German, English, aliases) → column key. */
export function headerLookup(): Map<string, string> {
  if (headerIndex) {
    return headerIndex;
  }
  const map = new Map<string, string>();
  for (const column of COLUMNS) {
    const names = [
      columnHeader('de', column.key),
      columnHeader('en', column.key),
      column.key,
      ...(column.aliases ?? []),
    ];
    for (const name of names) {
      const key = headerKey(name);
      if (key !== '' && !map.has(key)) {
        map.set(key, column.key);
      }
    }
  }
  headerIndex = map;
  return map;
}
