// Deactivation and reactivation (issue 7: "deactivation keeps the base data"): the row, numbers,
// devices and credentials stay; the end user's login is locked meanwhile.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { WorkplaceDeps } from './issues.ts';
import { presentWorkplace, type WorkplaceOutput } from './workplaces.service.ts';
import { setEndUserDisabled } from './end-user.repository.ts';
import { lockWorkplace, updateWorkplace } from './workplaces.repository.ts';

/** Deactivate (active → deactivated) or reactivate; base data, numbers and devices stay. */
export async function setWorkplaceActive(
  deps: WorkplaceDeps,
  actor: AuditActor,
  companyId: string,
  id: string,
  active: boolean,
  lang: Language,
): Promise<WorkplaceOutput> {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const w = await lockWorkplace(tx, companyId, id);
    if (!w) {
      throw notFound();
    }
    const from = active ? 'deactivated' : 'active';
    if (w.status !== from) {
      throw new AppError(active ? 'workplace_not_deactivated' : 'workplace_not_active', 409, {
        messageKey: active
          ? 'validation.workplace.not_deactivated'
          : 'validation.workplace.not_active',
      });
    }
    const after = (await updateWorkplace(tx, companyId, id, {
      status: active ? 'active' : 'deactivated',
      deactivatedAt: active ? null : now,
      updatedAt: now,
    }))!;
    if (w.userId) {
      await setEndUserDisabled(tx, companyId, w.userId, active ? null : now, now);
    }
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'workplace',
      entityId: id,
      action: active ? 'reactivated' : 'deactivated',
      before: { status: w.status },
      after: { status: after.status },
      at: now,
    });
    return presentWorkplace(tx, after, lang);
  });
}
