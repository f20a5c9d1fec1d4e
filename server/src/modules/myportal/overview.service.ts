// The end user's own view (seed 003 "Anwender-Ansicht"): master data, numbers, devices and
// clients; the first-login data of each device ("Endgeräte Einstellungen"), re-issuable; the
// links of "Hilfe & Downloads". An end user only ever reaches the workplace of their account.
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../auth/principal.ts';
import { findProvider } from '../companies/companies.repository.ts';
import {
  issueDeviceCredentials,
  revealDeviceCredentials,
  type RevealedCredentials,
} from '../credentials/credentials.service.ts';
import type { MyPortalDeps } from './first-login.service.ts';
import {
  addonsOfWorkplace,
  devicesOfWorkplace,
  findWorkplaceOfUser,
} from './myportal.repository.ts';
import type { Executor } from '../../db/client.ts';

/**
 * Registration state of a device. Until a telephony integration reports registrations, the
 * portal cannot know it: "unknown" (seed 003: "In der Expertenansicht ist der Status … einsehbar").
 */
export type RegistrationStatus = 'registered' | 'not_registered' | 'unknown';
const UNKNOWN: RegistrationStatus = 'unknown';

async function myWorkplace(db: Executor, principal: Principal) {
  const companyId = principal.kind === 'end_user' ? principal.companies[0]?.id : undefined;
  const found = companyId ? await findWorkplaceOfUser(db, companyId, principal.userId) : null;
  if (!found || found.workplace.status !== 'active') {
    throw new AppError('myportal_no_workplace', 404, {
      messageKey: 'myportal.no_workplace',
    });
  }
  return found;
}

async function presentDevices(db: Executor, companyId: string, workplaceId: string) {
  const rows = await devicesOfWorkplace(db, companyId, workplaceId);
  return rows.map((d) => ({
    id: d.id,
    position: d.position,
    name: d.modelName,
    category: d.category,
    manufacturer: d.manufacturer,
    provisioning: d.provisioning,
    macAddress: d.macAddress,
    hasCredentials: d.sipUsername !== null && d.credentialsIssuedAt !== null,
    credentialsIssuedAt: d.credentialsIssuedAt?.toISOString() ?? null,
    registration: UNKNOWN,
  }));
}

export async function myOverview(deps: MyPortalDeps, principal: Principal, language: 'de' | 'en') {
  const db = deps.database.db;
  const { workplace: w, companyName, groupName, areaName } = await myWorkplace(db, principal);
  const devices = await presentDevices(db, w.companyId, w.id);
  const addons = await addonsOfWorkplace(db, w.companyId, w.id);
  return {
    workplaceId: w.id,
    status: w.status,
    activatedAt: w.activatedAt?.toISOString() ?? null,
    companyName,
    groupName,
    areaName,
    user: {
      salutation: w.salutation,
      firstName: w.firstName,
      lastName: w.lastName,
      email: w.email,
      street: w.street,
      postalCode: w.postalCode,
      city: w.city,
      department: w.department,
      username: w.username,
      language: w.language,
      timeZone: w.timeZone,
    },
    numbers: {
      main: w.mainNumber,
      internal: w.internalNumber,
      additional: w.additionalNumbers,
    },
    devices,
    mobile: { mode: w.mobileMode, number: w.mobileNumber },
    addons: addons.map((a) => ({
      productKey: a.productKey,
      name: (language === 'en' ? a.nameEn : a.nameDe) ?? a.productKey,
      status: a.status,
    })),
  };
}

export async function myDevices(deps: MyPortalDeps, principal: Principal) {
  const { workplace } = await myWorkplace(deps.database.db, principal);
  return { items: await presentDevices(deps.database.db, workplace.companyId, workplace.id) };
}

const presentCredentials = (c: RevealedCredentials | null) =>
  c ? { ...c, issuedAt: c.issuedAt.toISOString() } : null;

async function ownDevice(db: Executor, principal: Principal, deviceId: string) {
  const { workplace } = await myWorkplace(db, principal);
  const devices = await devicesOfWorkplace(db, workplace.companyId, workplace.id);
  if (!devices.some((d) => d.id === deviceId)) {
    throw notFound();
  }
  return workplace;
}

/** "Markieren Sie das jeweilige Endgerät, die Erstanmelde-Daten werden Ihnen angezeigt." */
export async function myDeviceCredentials(
  deps: MyPortalDeps,
  principal: Principal,
  deviceId: string,
) {
  const workplace = await ownDevice(deps.database.db, principal, deviceId);
  const revealed = await revealDeviceCredentials(deps.database.db, deps, {
    companyId: workplace.companyId,
    deviceId,
  });
  return { deviceId, credentials: presentCredentials(revealed) };
}

/** New credentials for one of the user's devices; the old ones stop working at once. */
export async function reissueMyDeviceCredentials(
  deps: MyPortalDeps,
  principal: Principal,
  deviceId: string,
  requestId: string | null,
) {
  const revealed = await deps.database.transaction(async (tx) => {
    const workplace = await ownDevice(tx, principal, deviceId);
    const ref = { companyId: workplace.companyId, deviceId };
    const issued = await issueDeviceCredentials(tx, deps, ref);
    await recordAudit(tx, {
      actor: { userId: principal.userId, username: principal.username, role: principal.role },
      companyId: workplace.companyId,
      entity: 'workplace',
      entityId: workplace.id,
      action: 'device_credentials_reissued',
      after: { deviceId, sipUsername: issued.sipUsername },
      at: deps.clock.now(),
      requestId,
    });
    return revealDeviceCredentials(tx, deps, ref);
  });
  return { deviceId, credentials: presentCredentials(revealed) };
}

/**
 * "Hilfe & Downloads": the links the operator configured in the provider settings (clients,
 * installation help); while that list is empty, the installation default MYPORTAL_DOWNLOADS.
 */
export async function downloads(deps: MyPortalDeps) {
  const provider = await findProvider(deps.database.db);
  const own = provider?.downloads ?? [];
  if (own.length === 0) {
    return { items: deps.config.myportal.downloads };
  }
  return {
    items: own.map((l) => ({ title: l.title, url: l.url, description: l.description ?? '' })),
  };
}
