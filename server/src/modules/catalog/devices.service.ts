import type { Language } from '../../../../common/src/i18n/index.ts';
import { diff, recordAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  findDevice,
  findDeviceAtPath,
  findDeviceByKey,
  insertDevice,
  listDevices,
  listTariffs,
  lockCatalog,
  maxDeviceSortOrder,
  productKinds,
  replaceTariffs,
  tariffsInUse,
  updateDevice,
  type DeviceRow,
} from './catalog.repository.ts';
import type { DeviceBody, DeviceOutput, DevicePatch, TariffsBody } from './catalog.schema.ts';
import { invalidField, type CatalogDeps } from './catalog.service.ts';
import type { Executor } from '../../db/client.ts';

export function presentDevice(row: DeviceRow): DeviceOutput {
  return {
    id: row.id,
    key: row.key,
    category: row.category,
    manufacturer: row.manufacturer,
    series: row.series,
    name: row.name,
    path: [row.category, row.manufacturer, row.series].filter((p): p is string => Boolean(p)),
    provisioning: row.provisioning,
    extended: row.extended,
    requiresAnyOf: row.requiresAnyOf,
    active: row.active,
    sortOrder: row.sortOrder,
  };
}

/** The device picker: extended profiles only on request, deactivated models only for operators. */
export async function catalogDevices(
  deps: CatalogDeps,
  query: { extended: boolean; search?: string | undefined; includeInactive?: boolean | undefined },
): Promise<DeviceOutput[]> {
  return (await listDevices(deps.database.db, query)).map(presentDevice);
}

const deviceExists = () =>
  new AppError('conflict', 409, {
    messageKey: 'validation.catalog.device_exists',
    details: [{ field: 'name', rule: 'unique' }],
  });

async function checkRequires(
  db: Executor,
  lang: Language,
  keys: readonly string[] | undefined,
): Promise<void> {
  if (!keys?.length) {
    return;
  }
  const kinds = await productKinds(db);
  keys.forEach((product, index) => {
    if (!kinds.has(product)) {
      throw invalidField(lang, `requiresAnyOf.${index}`, 'rule_product_unknown', { product });
    }
  });
}

export async function addDevice(
  deps: CatalogDeps,
  actor: AuditActor,
  body: DeviceBody,
  options: { lang: Language; requestId: string | null },
): Promise<DeviceOutput> {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    await lockCatalog(tx);
    await checkRequires(tx, options.lang, body.requiresAnyOf);
    if (await findDeviceByKey(tx, body.key)) {
      throw new AppError('conflict', 409, {
        messageKey: 'validation.catalog.device_key_taken',
        details: [{ field: 'key', rule: 'unique' }],
      });
    }
    if (await findDeviceAtPath(tx, body)) {
      throw deviceExists();
    }
    const row = await insertDevice(tx, {
      ...body,
      // New models go to the end unless the operator places them.
      sortOrder: body.sortOrder ?? (await maxDeviceSortOrder(tx)) + 10,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      companyId: null,
      entity: 'catalog_device',
      entityId: row.id,
      action: 'created',
      after: presentDevice(row),
      at: now,
      requestId: options.requestId,
    });
    return presentDevice(row);
  });
}

/** Rename, move, (de)activate a model; its key and id stay, so assignments keep pointing at it. */
export async function editDevice(
  deps: CatalogDeps,
  actor: AuditActor,
  id: string,
  patch: DevicePatch,
  options: { lang: Language; requestId: string | null },
): Promise<DeviceOutput> {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    await lockCatalog(tx);
    const before = await findDevice(tx, id);
    if (!before) {
      throw notFound();
    }
    await checkRequires(tx, options.lang, patch.requiresAnyOf);
    const path = {
      category: patch.category ?? before.category,
      manufacturer: patch.manufacturer === undefined ? before.manufacturer : patch.manufacturer,
      series: patch.series === undefined ? before.series : patch.series,
      name: patch.name ?? before.name,
    };
    const clash = await findDeviceAtPath(tx, path);
    if (clash && clash.id !== id) {
      throw deviceExists();
    }
    const after = await updateDevice(tx, id, { ...patch, updatedAt: now });
    await recordAudit(tx, {
      actor,
      companyId: null,
      entity: 'catalog_device',
      entityId: id,
      action: 'updated',
      ...diff(presentDevice(before), presentDevice(after)),
      at: now,
      requestId: options.requestId,
    });
    return presentDevice(after);
  });
}

const presentTariffs = (rows: { key: string; name: string; segment: 'business' | 'consumer' }[]) =>
  rows.map((r) => ({ key: r.key, name: r.name, segment: r.segment }));

export async function mobileTariffList(deps: CatalogDeps) {
  return { items: presentTariffs(await listTariffs(deps.database.db)) };
}

/** Replaces the list of tariffs eligible for mobile integration; the order given is kept. */
export async function replaceMobileTariffs(
  deps: CatalogDeps,
  actor: AuditActor,
  body: TariffsBody,
  requestId: string | null,
) {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    await lockCatalog(tx);
    const before = presentTariffs(await listTariffs(tx));
    const kept = new Set(body.items.map((item) => item.key));
    const stillUsed = (await tariffsInUse(tx)).find((key) => !kept.has(key));
    if (stillUsed) {
      throw new AppError('tariff_in_use', 409, {
        messageKey: 'validation.catalog.tariff_in_use',
        params: { tariff: before.find((t) => t.key === stillUsed)?.name ?? stillUsed },
        details: [{ field: 'items', rule: 'tariff_in_use' }],
      });
    }
    await replaceTariffs(
      tx,
      body.items.map((item, index) => ({ ...item, sortOrder: index * 10, updatedAt: now })),
    );
    const after = presentTariffs(await listTariffs(tx));
    await recordAudit(tx, {
      actor,
      companyId: null,
      entity: 'catalog_mobile_tariffs',
      entityId: 'mobile_tariffs',
      action: 'replaced',
      before: { items: before },
      after: { items: after },
      at: now,
      requestId,
    });
    return { items: after };
  });
}
