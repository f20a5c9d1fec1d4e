// "Arbeitsplätze verwalten" (seed 001/003): the list with the quota, search, filters and paging,
// and the detail of one workplace with every setting of the wizard.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { deletableFrom } from '../../../../common/src/rules/workplace.ts';
import type { Executor } from '../../db/client.ts';
import type { WorkplaceStatus } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { effectiveBarring } from '../org/barring.service.ts';
import { findArea, findGroup } from '../org/org.repository.ts';
import type { WorkplaceDeps } from './issues.ts';
import { addonsOf, devicesOf } from './workplace-parts.repository.ts';
import { listWorkplaces, pendingItemsOf } from './workplace-views.repository.ts';
import {
  CONFIGURED_STATUSES,
  countByStatus,
  findWorkplace,
  usernameTaken,
  workplaceQuota,
  type WorkplaceRow,
} from './workplaces.repository.ts';

/** Whether a login name is used by a live workplace (any company, even still in a cart). */
export function workplaceUsernameInUse(db: Executor, username: string): Promise<boolean> {
  return usernameTaken(db, username, null);
}

export const PAGE_SIZES = [15, 30, 60] as const;

export interface Quota {
  configured: number;
  available: number;
  total: number;
}

export async function quotaOf(db: Executor, companyId: string): Promise<Quota> {
  const [configured, total] = await Promise.all([
    countByStatus(db, companyId, CONFIGURED_STATUSES),
    workplaceQuota(db, companyId),
  ]);
  return { configured, available: Math.max(0, total - configured), total };
}

export async function workplaceList(
  deps: WorkplaceDeps,
  companyId: string,
  query: {
    search?: string | undefined;
    status?: WorkplaceStatus | undefined;
    groupId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const db = deps.database.db;
  const { rows, total } = await listWorkplaces(db, companyId, {
    search: query.search,
    status: query.status,
    groupId: query.groupId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const ids = rows.map((r) => r.workplace.id);
  const [devices, addons, quota] = await Promise.all([
    devicesOf(db, companyId, ids),
    addonsOf(db, companyId, ids, { live: true }),
    quotaOf(db, companyId),
  ]);
  return {
    items: rows.map(({ workplace: w, groupName, areaName }) => ({
      id: w.id,
      status: w.status,
      firstName: w.firstName,
      lastName: w.lastName,
      username: w.username,
      mainNumber: w.mainNumber,
      internalNumber: w.internalNumber,
      groupId: w.groupId,
      groupName,
      areaName,
      devices: devices.filter((d) => d.device.workplaceId === w.id).length,
      addons: addons.filter((a) => a.workplaceId === w.id).map((a) => a.productKey),
      activatedAt: w.activatedAt?.toISOString() ?? null,
      minimumTermEnd: w.minimumTermEnd,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    quota,
  };
}

/** The workplace of the company, or 404 (another company's workplace is not found either). */
export async function requireWorkplace(
  db: Executor,
  companyId: string,
  id: string,
): Promise<WorkplaceRow> {
  const w = await findWorkplace(db, companyId, id);
  if (!w) {
    throw notFound();
  }
  return w;
}

/** GET …/workplaces/:id: every field of the wizard, flattened per section. */
export async function presentWorkplace(db: Executor, w: WorkplaceRow, lang: Language) {
  const [group, area, devices, addons, pending] = await Promise.all([
    findGroup(db, w.companyId, w.groupId),
    w.areaId ? findArea(db, w.companyId, w.areaId) : Promise.resolve(null),
    devicesOf(db, w.companyId, [w.id]),
    addonsOf(db, w.companyId, [w.id]),
    pendingItemsOf(db, w.companyId, w.id),
  ]);
  let effective: { id: string; name: string; source: string } | null = null;
  try {
    const barring = await effectiveBarring(db, w.companyId, {
      groupId: w.groupId,
      workplaceProfileId: w.blockingProfileId,
    });
    effective = { id: barring.profile.id, name: barring.profile.name, source: barring.source };
  } catch {
    // A profile deleted meanwhile: shown as none rather than failing the whole detail.
  }
  return {
    id: w.id,
    status: w.status,
    group: {
      groupId: w.groupId,
      groupName: group?.name ?? '',
      areaId: w.areaId,
      areaName: area?.name ?? null,
      language: w.language,
      timeZone: w.timeZone,
    },
    user: {
      salutation: w.salutation,
      firstName: w.firstName,
      lastName: w.lastName,
      email: w.email,
      street: w.street,
      postalCode: w.postalCode,
      city: w.city,
      department: w.department,
    },
    login: {
      username: w.username,
      authEmail: w.authEmail,
      authMobile: w.authMobile,
      passwordDelivery: w.passwordDelivery,
    },
    number: {
      mainNumber: w.mainNumber,
      internalNumber: w.internalNumber,
      nomadic: w.nomadic,
      additionalNumbers: w.additionalNumbers,
    },
    profile: { blockingProfileId: w.blockingProfileId, effective },
    devices: devices.map((d) => ({
      id: d.device.id,
      deviceModelId: d.device.deviceModelId,
      name: d.modelName,
      macAddress: d.device.macAddress,
      hasCredentials: Boolean(d.device.sipHa1),
    })),
    mobile: {
      mode: w.mobileMode,
      mobileNumber: w.mobileNumber,
      tariff: w.mobileTariff,
      customerAccount: w.mobileCustomerAccount,
      directoryMobile: w.directoryMobile,
    },
    addons: addons.map((a) => ({
      productKey: a.productKey,
      status: a.status,
      activeFrom: a.activeFrom,
      minimumTermEnd: a.minimumTermEnd,
      endsOn: a.endsOn,
    })),
    activatedAt: w.activatedAt?.toISOString() ?? null,
    minimumTermEnd: w.minimumTermEnd,
    deletableFrom: deletableFrom(w),
    pendingItems: pending.map((p) => ({
      id: p.id,
      type: p.type,
      status: p.status,
      activationDate: p.activationDate,
      description: lang === 'en' ? p.descriptionEn : p.descriptionDe,
    })),
  };
}

export type WorkplaceOutput = Awaited<ReturnType<typeof presentWorkplace>>;

export async function workplaceDetail(
  deps: WorkplaceDeps,
  companyId: string,
  id: string,
  lang: Language,
): Promise<WorkplaceOutput> {
  const db = deps.database.db;
  return presentWorkplace(db, await requireWorkplace(db, companyId, id), lang);
}
