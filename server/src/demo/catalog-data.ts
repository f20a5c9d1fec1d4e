// The catalogue a fresh installation starts with: products and add-ons of seeds 000–004 with
// plausible list prices (net, euro cents), the device catalogue of seed 001 "Endgeräte zuweisen"
// and the mobile tariffs eligible for mobile integration. Operators change all of it as data.
import type { DependencyRule } from '../../../common/src/rules/addons.ts';
import type { PriceTier } from '../../../common/src/rules/pricing.ts';
import type { ProductKind, ProvisioningKind, TariffSegment } from '../db/schema/index.ts';

export interface ProductSeed {
  key: string;
  kind: ProductKind;
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  oneOffCents?: number;
  /** Base price per unit; with tiers it is the first tier's. */
  monthlyCents: number;
  tiers: PriceTier[];
  requires?: DependencyRule[];
}

const flat = (monthlyCents: number) => ({ monthlyCents, tiers: [] as PriceTier[] });
const tiered = (tiers: PriceTier[]) => ({ monthlyCents: tiers[0]?.monthlyCents ?? 0, tiers });
const onWorkplaces: DependencyRule = { kind: 'available_for', hosts: ['workplace'] };
const conferenceHosts: DependencyRule = {
  kind: 'available_for',
  hosts: ['workplace', 'trunk_workplace'],
};
const CONFERENCE_KEYS = ['conference', 'conference_basic', 'conference_plus', 'conference_premium'];
const exclusiveAmong = (key: string): DependencyRule[] =>
  CONFERENCE_KEYS.filter((k) => k !== key).map((product) => ({ kind: 'exclusive_with', product }));

/** In display order; sort_order follows the index. */
export const PRODUCT_SEEDS: ProductSeed[] = [
  {
    key: 'cloud_pbx_workplace',
    kind: 'workplace',
    nameDe: 'Cloud PBX Arbeitsplatz',
    nameEn: 'Cloud PBX workplace',
    descriptionDe: 'Arbeitsplatz mit Rufnummer, bis zu 6 Endgeräten, Sprachbox und Clients.',
    ...tiered([
      { from: 1, monthlyCents: 1290 },
      { from: 11, monthlyCents: 1190 },
      { from: 51, monthlyCents: 1090 },
      { from: 101, monthlyCents: 990 },
    ]),
  },
  {
    key: 'trunk_workplace',
    kind: 'trunk_workplace',
    nameDe: 'SIP-Trunk-Arbeitsplatz',
    nameEn: 'SIP trunk workplace',
    descriptionDe: 'Arbeitsplatz mit einer Rufnummer des SIP-Trunks und MyPortal-Zugang.',
    ...tiered([
      { from: 1, monthlyCents: 490 },
      { from: 26, monthlyCents: 450 },
      { from: 101, monthlyCents: 390 },
    ]),
  },
  {
    key: 'sip_trunk',
    kind: 'sip_trunk',
    nameDe: 'SIP-Trunk',
    nameEn: 'SIP trunk',
    descriptionDe: 'Anbindung einer eigenen Telefonanlage oder eines UCC-Partner-Produkts.',
    oneOffCents: 4990,
    ...flat(1990),
  },
  {
    key: 'parallel_calls',
    kind: 'parallel_calls',
    nameDe: 'Parallele Gespräche',
    nameEn: 'Parallel calls',
    descriptionDe: 'Gleichzeitige Gespräche (Sprachkanäle) des SIP-Trunks, Preis je Kanal.',
    ...tiered([
      { from: 1, monthlyCents: 590 },
      { from: 11, monthlyCents: 490 },
      { from: 31, monthlyCents: 390 },
    ]),
  },
  {
    key: 'zoom_x_phone',
    kind: 'partner_product',
    nameDe: 'Zoom X Phone',
    nameEn: 'Zoom X Phone',
    descriptionDe: 'UCC-Partner-Produkt über den SIP-Trunk, Preis je Lizenz.',
    ...tiered([
      { from: 1, monthlyCents: 1490 },
      { from: 50, monthlyCents: 1390 },
    ]),
  },
  {
    key: 'unify_office',
    kind: 'partner_product',
    nameDe: 'Unify Office',
    nameEn: 'Unify Office',
    descriptionDe: 'UCC-Partner-Produkt mit Telefonie, Video und Team-Messaging, Preis je Lizenz.',
    ...tiered([
      { from: 1, monthlyCents: 1690 },
      { from: 50, monthlyCents: 1590 },
    ]),
  },
  {
    key: 'assistant',
    kind: 'add_on',
    nameDe: 'Zusatz-Paket Assistenzfunktion',
    nameEn: 'Add-on assistant function',
    descriptionDe:
      'Assistenten nehmen Anrufe für den Leiter entgegen; mindestens zwei Arbeitsplätze.',
    ...tiered([
      { from: 1, monthlyCents: 300 },
      { from: 26, monthlyCents: 270 },
    ]),
    requires: [{ kind: 'min_workplaces_with', product: 'assistant', count: 2 }, onWorkplaces],
  },
  {
    key: 'conference',
    kind: 'add_on',
    nameDe: 'Zusatz-Paket Konferenz',
    nameEn: 'Add-on conference',
    descriptionDe: 'Konferenzen planen, einleiten und moderieren.',
    ...flat(400),
    requires: [onWorkplaces, ...exclusiveAmong('conference')],
  },
  {
    key: 'group_function',
    kind: 'add_on',
    nameDe: 'Zusatz-Paket Gruppenfunktion',
    nameEn: 'Add-on group function',
    descriptionDe: 'Eingehende Anrufe automatisiert an die Agenten einer Gruppe verteilen.',
    ...tiered([
      { from: 1, monthlyCents: 350 },
      { from: 26, monthlyCents: 320 },
    ]),
    requires: [{ kind: 'configured_after', product: 'group_function', count: 1 }, onWorkplaces],
  },
  {
    key: 'switchboard',
    kind: 'add_on',
    nameDe: 'Zusatz-Paket Vermittlungsplatz',
    nameEn: 'Add-on switchboard',
    descriptionDe: 'Professionelle Qualifizierung und Weitervermittlung von Gesprächen.',
    ...flat(990),
    requires: [{ kind: 'configured_after', product: 'switchboard', count: 1 }, onWorkplaces],
  },
  {
    key: 'call_analytics',
    kind: 'add_on',
    nameDe: 'Call Analytics pro Arbeitsplatz',
    nameEn: 'Call Analytics per workplace',
    descriptionDe: 'Nimmt den Arbeitsplatz in die Statistiken und Reports auf.',
    ...tiered([
      { from: 1, monthlyCents: 150 },
      { from: 51, monthlyCents: 120 },
    ]),
    requires: [{ kind: 'company_has', product: 'call_analytics_basic' }, onWorkplaces],
  },
  {
    key: 'cti_tapi',
    kind: 'add_on',
    nameDe: 'Zusatz-Paket CTI & TAPI',
    nameEn: 'Add-on CTI & TAPI',
    descriptionDe: 'CRM- und TAPI-Anbindung (Go Integrator, Go TAPI); in einem eigenen Schritt.',
    ...flat(490),
    requires: [{ kind: 'own_step' }, onWorkplaces],
  },
  {
    key: 'call_analytics_basic',
    kind: 'company_add_on',
    nameDe: 'Call Analytics Service Basic',
    nameEn: 'Call Analytics Service Basic',
    descriptionDe: 'Statistiken und Reports für das Unternehmen; Voraussetzung je Arbeitsplatz.',
    ...flat(2990),
  },
  {
    key: 'mobile_client',
    kind: 'mobile',
    nameDe: 'Mobile-Client',
    nameEn: 'Mobile client',
    descriptionDe: 'Cloud PBX auf dem Smartphone ohne Integration der Mobilfunknummer.',
    ...flat(290),
    requires: [{ kind: 'exclusive_with', product: 'mobile_integration' }, onWorkplaces],
  },
  {
    key: 'mobile_integration',
    kind: 'mobile',
    nameDe: 'Mobile Integration (inkl. Mobile-Client)',
    nameEn: 'Mobile integration (incl. mobile client)',
    descriptionDe: 'Die Mobilfunknummer eines berechtigten Tarifs wird Nebenstelle der Cloud PBX.',
    ...flat(490),
    requires: [{ kind: 'exclusive_with', product: 'mobile_client' }, onWorkplaces],
  },
  ...(
    [
      ['conference_basic', 'Basic', 200, 'Online-Meetings bis 25 Teilnehmende.'],
      ['conference_plus', 'Plus', 500, 'Bis 100 Teilnehmende, Bildschirm teilen, Aufzeichnung.'],
      ['conference_premium', 'Premium', 900, 'Bis 250 Teilnehmende, Webinare, Cloud-Speicher.'],
    ] as const
  ).map(([key, level, cents, description]): ProductSeed => ({
    key,
    kind: 'conference_package',
    nameDe: `Konferenz ${level}`,
    nameEn: `Conference ${level}`,
    descriptionDe: description,
    ...flat(cents),
    requires: [conferenceHosts, ...exclusiveAmong(key)],
  })),
];

export interface DeviceSeed {
  key: string;
  category: string;
  manufacturer: string | null;
  series: string | null;
  name: string;
  provisioning: ProvisioningKind;
  extended?: boolean;
  requiresAnyOf?: string[];
}

const telekom = (
  key: string,
  series: string,
  name: string,
  extra: Partial<DeviceSeed> = {},
): DeviceSeed => ({
  key,
  category: 'Telekom',
  manufacturer: null,
  series,
  name,
  provisioning: 'softclient',
  ...extra,
});

const phones = (manufacturer: string, series: string, models: string[]): DeviceSeed[] =>
  models.map((name) => ({
    key: `${manufacturer}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    category: 'Hersteller',
    manufacturer,
    series,
    name,
    provisioning: 'desk_phone',
  }));

/** In the picker's order: Telekom, the manufacturers, "Weitere". */
export const DEVICE_SEEDS: DeviceSeed[] = [
  telekom('telekom-desktop-full', 'Desktop-Client', 'Desktop-Client: Vollversion'),
  telekom('telekom-desktop-voice', 'Desktop-Client', 'Desktop-Client: Nur Sprache'),
  telekom('telekom-desktop-sfb', 'Desktop-Client', 'Desktop-Client: SfB Integration'),
  telekom('telekom-mobile-client', 'Mobile- und Tablet-Client', 'Mobile-Client'),
  telekom('telekom-tablet-client', 'Mobile- und Tablet-Client', 'Tablet-Client'),
  // "Profile für gebuchte Zusatz-Pakete (Leiter, Assistent, Agent) oder spezielle Desktop-Client
  // Versionen": only with "Erweiterte Endgeräte Profile anzeigen".
  telekom('telekom-profile-manager', 'Erweiterte Profile', 'Leiter', {
    extended: true,
    requiresAnyOf: ['assistant'],
  }),
  telekom('telekom-profile-assistant', 'Erweiterte Profile', 'Assistent', {
    extended: true,
    requiresAnyOf: ['assistant'],
  }),
  telekom('telekom-profile-agent', 'Erweiterte Profile', 'Agent', {
    extended: true,
    requiresAnyOf: ['group_function', 'switchboard'],
  }),
  telekom('telekom-desktop-legacy', 'Erweiterte Profile', 'Desktop-Client 1.0 (Legacy)', {
    extended: true,
  }),
  ...phones('Audiocodes', '400HD-Serie', ['C450HD', '445HD', '405HD']),
  ...phones('Audiocodes', 'MediaPack Analog-Adapter', ['MP-112', 'MP-114']),
  ...phones('Gigaset', 'Maxwell-Serie', ['Maxwell 3', 'Maxwell 4']),
  ...phones('Gigaset', 'DECT-Serie', ['N670 IP PRO']),
  ...phones('Poly', 'VVX-Serie', ['VVX 250', 'VVX 450']),
  ...phones('Snom', 'D7xx-Serie', ['D717', 'D735', 'D785']),
  ...phones('Yealink', 'T4U-Serie', ['T43U', 'T46U', 'T48U']),
  ...phones('Yealink', 'T5-Serie', ['T54W', 'T57W']),
  ...phones('Yealink', 'DECT-Serie', ['W73P', 'W76P']),
  {
    key: 'generic-basic-profile',
    category: 'Weitere',
    manufacturer: null,
    series: 'Weitere Endgeräte',
    name: 'Universelles Basisprofil',
    provisioning: 'generic',
  },
];

/** Seed 001 "CPBX_berechtigte_Mobilfunktarife": business framework and suitable consumer tariffs. */
export const MOBILE_TARIFF_SEEDS: { key: string; name: string; segment: TariffSegment }[] = [
  { key: 'business_mobil_s', name: 'Business Mobil S', segment: 'business' },
  { key: 'business_mobil_m', name: 'Business Mobil M', segment: 'business' },
  { key: 'business_mobil_l', name: 'Business Mobil L', segment: 'business' },
  { key: 'business_mobil_xl', name: 'Business Mobil XL', segment: 'business' },
  { key: 'business_mobil_unlimited', name: 'Business Mobil Unlimited', segment: 'business' },
  { key: 'privat_mobil_m', name: 'Privat Mobil M', segment: 'consumer' },
  { key: 'privat_mobil_l', name: 'Privat Mobil L', segment: 'consumer' },
  { key: 'privat_mobil_xl', name: 'Privat Mobil XL', segment: 'consumer' },
];
