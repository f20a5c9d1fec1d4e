// Types, paths and query keys of the workplace API (split from workplaces.ts).
import type { CartItem, PriceLine } from './cart.ts';
import type { CatalogDevice, CatalogProduct } from './catalog.ts';
import {
  type DraftData,
  SECTIONS,
  type Section,
  type SectionData,
} from '../../../common/src/workplaces/sections.ts';

export type { CartItem, CatalogDevice, CatalogProduct, PriceLine };

export { SECTIONS, type Section };
export type { DraftData, SectionData };
export type NomadicMode = 'allowed' | 'restricted';
export type MobileMode = 'none' | 'integration' | 'client';
export type UserData = SectionData['user'];
export type DeviceEntry = NonNullable<SectionData['devices']['devices']>[number];

export interface Draft {
  id: string;
  templateId: string | null;
  updatedAt: string;
  /** Sections whose "Weiter" passed. */
  completed: Section[];
  /** Set while its activation sits in the cart. */
  workplaceId: string | null;
  data: DraftData;
}

/** A non-blocking message of a section (911, nomadic notes, assistant needs two workplaces). */
export interface Notice {
  field: string;
  rule: string;
  message: string;
}

export interface SectionSaved {
  draft: Draft;
  warnings: Notice[];
}

export interface Template {
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  areaId: string | null;
  blockingProfileId: string | null;
  desktopClientModelId: string | null;
  addons: string[];
  updatedAt: string;
}

export interface MobileCheck {
  eligible: boolean;
  needsCustomerAccount: boolean;
  tariff: string | null;
  message: string;
}

export interface DraftPrice {
  lines: PriceLine[];
  oneOffCents: number;
  monthlyCents: number;
}

export const WORKPLACE_STATUSES = [
  'in_cart',
  'ordered',
  'active',
  'deactivated',
  'deleted',
] as const;
export type WorkplaceStatus = (typeof WORKPLACE_STATUSES)[number];

export interface WorkplaceSummary {
  id: string;
  status: WorkplaceStatus;
  firstName: string;
  lastName: string;
  username: string;
  mainNumber: string;
  internalNumber: string;
  groupId: string;
  groupName: string;
  areaName: string | null;
  devices: number;
  addons: string[];
  activatedAt: string | null;
  minimumTermEnd: string | null;
}

export interface Quota {
  configured: number;
  available: number;
  total: number;
}

export interface WorkplacePage {
  items: WorkplaceSummary[];
  total: number;
  page: number;
  pageSize: number;
  quota: Quota;
}

export interface WorkplaceDevice {
  id: string;
  deviceModelId: string;
  name: string;
  macAddress: string | null;
  hasCredentials: boolean;
}

export interface WorkplaceAddon {
  productKey: string;
  status: string;
  activeFrom: string | null;
  minimumTermEnd: string | null;
  endsOn: string | null;
}

export interface PendingItem {
  id: string;
  type: string;
  description: string;
  status: string;
  activationDate: string | null;
}

type Nullable<T> = { [K in keyof T]-?: T[K] | null };

export interface Workplace {
  id: string;
  status: WorkplaceStatus;
  group: {
    groupId: string;
    groupName: string;
    areaId: string | null;
    areaName: string | null;
    language: string;
    timeZone: string;
  };
  user: Nullable<UserData> & { firstName: string; lastName: string };
  login: {
    username: string;
    authEmail: string;
    authMobile: string | null;
    passwordDelivery: 'sms' | 'email';
  };
  number: {
    mainNumber: string;
    internalNumber: string;
    nomadic: NomadicMode;
    additionalNumbers: string[];
  };
  profile: {
    blockingProfileId: string | null;
    effective: { id: string; name: string; source: string } | null;
  };
  devices: WorkplaceDevice[];
  mobile: {
    mode: MobileMode;
    mobileNumber: string | null;
    tariff: string | null;
    customerAccount: string | null;
    directoryMobile: string | null;
  };
  addons: WorkplaceAddon[];
  activatedAt: string | null;
  minimumTermEnd: string | null;
  deletableFrom: string | null;
  pendingItems: PendingItem[];
}

export interface WorkplaceFilter {
  search: string;
  status: WorkplaceStatus | '';
  groupId: string;
  page: number;
  pageSize: number;
}

/** Rows per page of "Arbeitsplätze verwalten". */
export const PAGE_SIZES = [15, 30, 60] as const;

export const base = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}`;
export const draftsPath = (companyId: string) => `${base(companyId)}/workplace-drafts`;
export const draftPath = (companyId: string, draftId: string) =>
  `${draftsPath(companyId)}/${encodeURIComponent(draftId)}`;
export const workplacePath = (companyId: string, id: string) =>
  `${base(companyId)}/workplaces/${encodeURIComponent(id)}`;

/** ['workplaces', companyId, …]: the cart's "ordered" refresh reaches every query below. */
export const workplacesKey = (companyId: string) => ['workplaces', companyId] as const;
export const draftKey = (companyId: string, draftId: string) =>
  [...workplacesKey(companyId), 'draft', draftId] as const;
