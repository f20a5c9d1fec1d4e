// From the sheet's cells to the wizard's data: find the header row (German or English headers,
// any order), then turn every row into a Draft.data object exactly as the wizard would hold it,
// resolving the company's names (group, area, profile, devices, add-ons, template) to ids.
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import { COLUMN_BY_KEY, COLUMNS, MANDATORY_COLUMNS, headerKey, headerLookup } from './columns.ts';
import { areaIn, type Lookups } from './lookups.ts';
import type { Cell, SheetRow } from './xlsx-reader.ts';
import { columnLetter } from './xlsx-reader.ts';
import {
  cellText,
  dateValue,
  digitsText,
  flagValue,
  nameKey,
  nomadicValue,
  phoneText,
  postalText,
  splitList,
  type Parsed,
} from './values.ts';

/** One problem of one row: the column key (null = the whole row), the rule and its params. */
export interface RowIssue {
  column: string | null;
  rule: string;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
}

export interface HeaderMap {
  /** Row number of the header row. */
  headerRow: number;
  /** Column key → 0-based column index in the sheet. */
  indexOf: Map<string, number>;
  /** Headers that name no known column. */
  unknown: string[];
}

export type HeaderProblem =
  | { rule: 'import.no_header' }
  | { rule: 'import.missing_columns'; columns: string[] }
  | { rule: 'import.duplicate_column'; column: string; cells: string[] };

/** The first of the first ten rows that names at least two known columns is the header row. */
export function mapHeader(rows: readonly SheetRow[]): HeaderMap | HeaderProblem {
  const lookup = headerLookup();
  for (const row of rows.slice(0, 10)) {
    const found = new Map<string, number[]>();
    const unknown: string[] = [];
    row.cells.forEach((cell, index) => {
      const parsed = cellText(cell);
      const text = parsed.ok ? parsed.value : '';
      if (text.trim() === '') {
        return;
      }
      const key = lookup.get(headerKey(text));
      if (key) {
        found.set(key, [...(found.get(key) ?? []), index]);
      } else {
        unknown.push(text.trim());
      }
    });
    if (found.size < 2) {
      continue;
    }
    for (const [key, indexes] of found) {
      if (indexes.length > 1) {
        return {
          rule: 'import.duplicate_column',
          column: key,
          cells: indexes.map((i) => `${columnLetter(i)}${row.r}`),
        };
      }
    }
    const missing = MANDATORY_COLUMNS.filter((c) => !found.has(c.key)).map((c) => c.key);
    if (missing.length > 0) {
      return { rule: 'import.missing_columns', columns: missing };
    }
    return {
      headerRow: row.r,
      indexOf: new Map([...found].map(([key, [index]]) => [key, index!])),
      unknown,
    };
  }
  return { rule: 'import.no_header' };
}

export interface RowInput {
  r: number;
  data: DraftData;
  templateId: string | null;
  issues: RowIssue[];
  /** Index in data.devices.devices → its device column key (device3 …). */
  deviceColumns: string[];
  /** The template's example row left in the list. */
  example: boolean;
}

const DEVICE_COLUMNS = COLUMNS.filter((c) => c.key.startsWith('device'));

/** The username of the template's example row (recognised and skipped on upload). */
export const EXAMPLE_USERNAME = 'max.mustermann.beispiel';

/** Turns one sheet row into the wizard's data; value problems become row issues. */
export function rowInput(
  row: SheetRow,
  header: HeaderMap,
  lookups: Lookups,
  date1904: boolean,
): RowInput {
  const issues: RowIssue[] = [];
  const cell = (key: string): Cell => {
    const index = header.indexOf.get(key);
    return index === undefined ? null : (row.cells[index] ?? null);
  };
  const take = <T>(key: string, parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) {
      return parsed.value;
    }
    issues.push({
      column: key,
      rule: parsed.problem.rule,
      severity: 'error',
      params: { value: parsed.problem.value },
    });
    return fallback;
  };
  const text = (key: string) => take(key, cellText(cell(key)), '');
  const unknown = (key: string, rule: string, value: string, extra = {}) =>
    issues.push({
      column: key,
      rule: `import.value.${rule}`,
      severity: 'error',
      params: { value, ...extra },
    });

  // Mustervorlage: fills the empty cells of group/area, profile, desktop client and add-ons.
  const templateName = text('template');
  const template = templateName
    ? (lookups.templateByName.get(nameKey(templateName)) ?? null)
    : null;
  if (templateName && !template) {
    unknown('template', 'unknown_template', templateName);
  }

  const groupName = text('group');
  let groupId: string | null = template?.groupId ?? null;
  if (groupName) {
    const group = lookups.groupByName.get(nameKey(groupName));
    groupId = group?.id ?? null;
    if (!group) {
      unknown('group', 'unknown_group', groupName);
    }
  }
  const effectiveGroup = groupId
    ? lookups.groupById.get(groupId)
    : (lookups.defaultGroup ?? undefined);
  const areaName = text('area');
  let areaId: string | null = groupName ? null : (template?.areaId ?? null);
  if (areaName && effectiveGroup) {
    const area = areaIn(lookups, effectiveGroup.id, areaName);
    areaId = area?.id ?? null;
    if (!area) {
      unknown('area', 'unknown_area', areaName, { group: effectiveGroup.name });
    }
  }

  const profileName = text('blockingProfile');
  let blockingProfileId: string | null = template?.blockingProfileId ?? null;
  if (profileName) {
    const profile = lookups.profileByName.get(nameKey(profileName));
    blockingProfileId = profile?.id ?? null;
    if (!profile) {
      unknown('blockingProfile', 'unknown_profile', profileName);
    }
  }

  const devices: { deviceModelId: string; macAddress: string | null }[] = [];
  const deviceColumns: string[] = [];
  let anyDeviceCell = false;
  for (const column of DEVICE_COLUMNS) {
    const n = column.key.slice('device'.length);
    const name = text(column.key);
    const mac = text(`mac${n}`);
    if (!name) {
      if (mac) {
        issues.push({
          column: `mac${n}`,
          rule: 'import.value.mac_without_device',
          severity: 'error',
        });
      }
      continue;
    }
    anyDeviceCell = true;
    const model = lookups.deviceByName.get(nameKey(name));
    if (!model) {
      unknown(column.key, 'unknown_device', name);
      continue;
    }
    devices.push({ deviceModelId: model.id, macAddress: mac || null });
    deviceColumns.push(column.key);
  }
  if (!anyDeviceCell && template?.desktopClientModelId) {
    devices.push({ deviceModelId: template.desktopClientModelId, macAddress: null });
    deviceColumns.push('template');
  }

  const addonCell = text('addons');
  const addons: string[] = addonCell ? [] : [...(template?.addons ?? [])];
  for (const name of splitList(addonCell)) {
    const addon = lookups.addonByName.get(nameKey(name));
    if (addon) {
      addons.push(addon.key);
    } else {
      unknown('addons', 'unknown_addon', name);
    }
  }

  const authEmail = text('authEmail');
  const timeZone = text('timeZone');
  const nomadic = take('nomadic', nomadicValue(cell('nomadic')), undefined);
  const username = text('username');
  const data: DraftData = {
    group: {
      groupId,
      areaId,
      language: 'de',
      ...(timeZone ? { timeZone } : {}),
    },
    user: {
      salutation: text('salutation'),
      firstName: text('firstName'),
      lastName: text('lastName'),
      email: text('email'),
      street: text('street'),
      postalCode: take('postalCode', postalText(cell('postalCode')), ''),
      city: text('city'),
      department: text('department'),
    },
    login: {
      username,
      // The list has one column: what the wizard asks twice is the same cell.
      authEmail,
      authEmailConfirm: authEmail,
      authMobile: take('authMobile', phoneText(cell('authMobile')), ''),
      withoutMobile: take('withoutMobile', flagValue(cell('withoutMobile')), false),
    },
    number: {
      mainNumber: take('mainNumber', phoneText(cell('mainNumber')), ''),
      internalNumber: take('internalNumber', digitsText(cell('internalNumber')), ''),
      ...(nomadic ? { nomadic } : {}),
      additionalNumbers: [],
    },
    profile: { blockingProfileId },
    devices: { devices },
    mobile: { mode: 'none' },
    addons: { addons },
    activation: {
      activationDate: take('activationDate', dateValue(cell('activationDate'), date1904), null),
    },
  };
  return {
    r: row.r,
    data,
    templateId: template?.id ?? null,
    issues,
    deviceColumns,
    example: username === EXAMPLE_USERNAME,
  };
}

/** The column a wizard field is entered in ("login.authEmailConfirm" → authEmail). */
export function columnOfField(field: string, deviceColumns: readonly string[]): string | null {
  const device = /^devices\.devices\.(\d+)(?:\.(deviceModelId|macAddress))?$/.exec(field);
  if (device) {
    const column = deviceColumns[Number(device[1])] ?? 'device1';
    return device[2] === 'macAddress' ? column.replace('device', 'mac') : column;
  }
  if (field === 'devices.devices') {
    return deviceColumns[deviceColumns.length - 1] ?? 'device1';
  }
  if (field.startsWith('addons.addons')) {
    return 'addons';
  }
  if (field === 'login.authEmailConfirm') {
    return 'authEmail';
  }
  const column = COLUMNS.find((c) => c.field === field);
  return column && COLUMN_BY_KEY.has(column.key) ? column.key : null;
}
