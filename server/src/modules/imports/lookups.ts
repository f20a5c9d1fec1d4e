// The company's real groups, areas, blocking profiles, device models, add-ons and templates, by
// the names a list uses — for the template's drop-downs, for reading an upload and for the export.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import { listProducts } from '../catalog/catalog.repository.ts';
import { listAreas, listGroups, listProfiles } from '../org/org.repository.ts';
import { listTemplates } from '../workplaces/drafts.repository.ts';
import { deviceModelsById, WORKPLACE_ADDON_KINDS } from '../workplaces/workplace.checks.ts';
import { nameKey } from './values.ts';

export interface NamedGroup {
  id: string;
  name: string;
  shortCode: string;
  timeZone: string;
  isDefault: boolean;
}
export interface NamedArea {
  id: string;
  groupId: string;
  name: string;
}
export interface NamedDevice {
  id: string;
  key: string;
  /** "Yealink T46U", "Desktop-Client: Vollversion": maker and model, as the drop-down shows it. */
  label: string;
  name: string;
  active: boolean;
}
export interface NamedAddon {
  key: string;
  name: string;
  names: string[];
}
export interface NamedTemplate {
  id: string;
  name: string;
  groupId: string;
  areaId: string | null;
  blockingProfileId: string | null;
  desktopClientModelId: string | null;
  addons: string[];
}

export interface Lookups {
  groups: NamedGroup[];
  areas: NamedArea[];
  profiles: { id: string; name: string }[];
  devices: NamedDevice[];
  addons: NamedAddon[];
  templates: NamedTemplate[];
  defaultGroup: NamedGroup | null;
  groupByName: Map<string, NamedGroup>;
  groupById: Map<string, NamedGroup>;
  areaById: Map<string, NamedArea>;
  profileByName: Map<string, { id: string; name: string }>;
  profileById: Map<string, { id: string; name: string }>;
  deviceByName: Map<string, NamedDevice>;
  deviceById: Map<string, NamedDevice>;
  addonByName: Map<string, NamedAddon>;
  addonByKey: Map<string, NamedAddon>;
  templateByName: Map<string, NamedTemplate>;
}

/** "Zusatz-Paket Konferenz" → "Konferenz", "Add-on conference" → "conference". */
const shortName = (name: string) => name.replace(/^(Zusatz-Paket|Add-on)\s+/i, '');

/** Names of things that are unique only together with their maker (two "Mobile-Client"s …). */
function indexUnique<T>(entries: [string, T][]): Map<string, T> {
  const map = new Map<string, T>();
  const clash = new Set<string>();
  for (const [name, value] of entries) {
    const key = nameKey(name);
    if (map.has(key) && map.get(key) !== value) {
      clash.add(key);
    }
    map.set(key, value);
  }
  for (const key of clash) {
    map.delete(key);
  }
  return map;
}

export async function loadLookups(
  db: Executor,
  companyId: string,
  lang: Language,
): Promise<Lookups> {
  const [groupRows, areaRows, profileRows, models, products, templateRows] = await Promise.all([
    listGroups(db, companyId),
    listAreas(db, companyId),
    listProfiles(db, companyId),
    deviceModelsById(db),
    listProducts(db),
    listTemplates(db, companyId),
  ]);
  const groups = groupRows.map((g) => ({
    id: g.id,
    name: g.name,
    shortCode: g.shortCode,
    timeZone: g.timeZone,
    isDefault: g.isDefault,
  }));
  const areas = areaRows.map((a) => ({ id: a.id, groupId: a.groupId, name: a.name }));
  const profiles = profileRows.map((p) => ({ id: p.id, name: p.name }));
  const devices = [...models.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
    .map((m) => ({
      id: m.id,
      key: m.key,
      label: m.manufacturer ? `${m.manufacturer} ${m.name}` : m.name,
      name: m.name,
      active: m.active,
    }));
  // What the wizard's add-on step offers: per-workplace add-ons and conference packages, without
  // those booked in their own step (CTI & TAPI).
  const addons = products
    .filter(
      (p) =>
        (WORKPLACE_ADDON_KINDS as readonly string[]).includes(p.kind) &&
        !p.requires.some((r) => r.kind === 'own_step'),
    )
    .map((p) => ({
      key: p.key,
      name: shortName(lang === 'en' ? p.nameEn : p.nameDe),
      names: [p.nameDe, p.nameEn, shortName(p.nameDe), shortName(p.nameEn), p.key],
    }));
  const templates = templateRows.map(({ template: t }) => ({
    id: t.id,
    name: t.name,
    groupId: t.groupId,
    areaId: t.areaId,
    blockingProfileId: t.blockingProfileId,
    desktopClientModelId: t.desktopClientModelId,
    addons: t.addons,
  }));
  return {
    groups,
    areas,
    profiles,
    devices,
    addons,
    templates,
    defaultGroup: groups.find((g) => g.isDefault) ?? null,
    groupByName: indexUnique(
      groups.flatMap((g): [string, NamedGroup][] => [
        [g.name, g],
        [g.shortCode, g],
      ]),
    ),
    groupById: new Map(groups.map((g) => [g.id, g])),
    areaById: new Map(areas.map((a) => [a.id, a])),
    profileByName: indexUnique(profiles.map((p) => [p.name, p])),
    profileById: new Map(profiles.map((p) => [p.id, p])),
    deviceByName: indexUnique(
      devices
        .filter((d) => d.active)
        .flatMap((d): [string, NamedDevice][] => [
          [d.label, d],
          [d.name, d],
          [d.key, d],
        ]),
    ),
    deviceById: new Map(devices.map((d) => [d.id, d])),
    addonByName: indexUnique(
      addons.flatMap((a) => a.names.map((n): [string, NamedAddon] => [n, a])),
    ),
    addonByKey: new Map(addons.map((a) => [a.key, a])),
    templateByName: indexUnique(templates.map((t) => [t.name, t])),
  };
}

/** The area of that name in the group, if any. */
export function areaIn(lookups: Lookups, groupId: string, name: string): NamedArea | null {
  const key = nameKey(name);
  return lookups.areas.find((a) => a.groupId === groupId && nameKey(a.name) === key) ?? null;
}
