// Mustervorlagen (seed 001 "Mustervorlagen verwenden"): "In einer Mustervorlage werden folgende
// Einstellungen gespeichert: Gruppe/Standort, Sperrprofil, Desktop-Client für Windows / Mac-OS /
// Skype for Business, Zusatz-Pakete" — exactly those, taken from a draft.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { berlinDay } from '../numbers/numbers.present.ts';
import {
  deleteTemplate,
  findDraft,
  findTemplate,
  insertTemplate,
  listTemplates,
  type TemplateRow,
} from './drafts.repository.ts';
import { draftData, type DraftOwner } from './drafts.service.ts';
import { requireNoErrors, type WorkplaceDeps } from './issues.ts';
import { checkSection, deviceModelsById, resolveGroupId } from './workplace.checks.ts';

/** Device models that are desktop clients ("In der Kategorie Telekom … die Desktop-Clients"). */
export const isDesktopClient = (model: { key: string; category: string; series: string | null }) =>
  model.category === 'Telekom' &&
  (model.series === 'Desktop-Client' || model.key.startsWith('telekom-desktop-'));

export interface TemplateOutput {
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

const present = (t: TemplateRow, groupName: string): TemplateOutput => ({
  id: t.id,
  name: t.name,
  groupId: t.groupId,
  groupName,
  areaId: t.areaId,
  blockingProfileId: t.blockingProfileId,
  desktopClientModelId: t.desktopClientModelId,
  addons: t.addons,
  updatedAt: t.updatedAt.toISOString(),
});

export async function companyTemplates(
  deps: WorkplaceDeps,
  companyId: string,
): Promise<TemplateOutput[]> {
  return (await listTemplates(deps.database.db, companyId)).map((r) =>
    present(r.template, r.groupName),
  );
}

/** "Arbeitsplatz als Mustervorlage speichern": the draft's group, profile, client and add-ons. */
export async function saveTemplate(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  draftId: string,
  name: string,
  lang: Language,
): Promise<TemplateOutput> {
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      const draft = await findDraft(tx, companyId, owner.userId, draftId);
      if (!draft) {
        throw notFound();
      }
      const data = draftData(draft);
      const ctx = { tx, deps, companyId, workplaceId: null, lang };
      // What goes into the template must itself be valid (a group of the company, a real
      // profile, known add-ons); the rest of the draft does not matter here.
      const today = berlinDay(now);
      requireNoErrors(
        [
          ...(await checkSection(ctx, 'group', data, today)),
          ...(await checkSection(ctx, 'profile', data, today)),
          ...(await checkSection(ctx, 'addons', data, today)),
        ],
        lang,
      );
      const groupId = await resolveGroupId(tx, companyId, data);
      const models = await deviceModelsById(tx);
      const desktop = (data.devices?.devices ?? [])
        .map((d) => models.get(d.deviceModelId))
        .find((m) => m && isDesktopClient(m));
      const row = await insertTemplate(tx, {
        companyId,
        name: name.trim(),
        groupId: groupId!,
        areaId: data.group?.areaId ?? null,
        blockingProfileId: data.profile?.blockingProfileId ?? null,
        desktopClientModelId: desktop?.id ?? null,
        addons: [...new Set(data.addons?.addons ?? [])],
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actor: owner.actor,
        companyId,
        entity: 'workplace_template',
        entityId: row.id,
        action: 'created',
        after: {
          name: row.name,
          groupId: row.groupId,
          areaId: row.areaId,
          blockingProfileId: row.blockingProfileId,
          desktopClientModelId: row.desktopClientModelId,
          addons: row.addons,
        },
        at: now,
      });
      const groupName =
        (await listTemplates(tx, companyId)).find((t) => t.template.id === row.id)?.groupName ?? '';
      return present(row, groupName);
    });
  } catch (err) {
    if (uniqueViolation(err)) {
      throw new AppError('template_name_taken', 409, {
        messageKey: 'validation.workplace.template_name_taken',
        details: [{ field: 'name', rule: 'validation.workplace.template_name_taken' }],
      });
    }
    throw err;
  }
}

export async function removeTemplate(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  id: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const template = await findTemplate(tx, companyId, id);
    if (!template || !(await deleteTemplate(tx, companyId, id))) {
      throw notFound();
    }
    await recordAudit(tx, {
      actor: owner.actor,
      companyId,
      entity: 'workplace_template',
      entityId: id,
      action: 'deleted',
      before: { name: template.name },
      at: now,
    });
  });
}
