// "Arbeitsplatz anzeigen / bearbeiten" (seed 001 Hinweis: "Sie können alle Arbeitsplatz-
// Einstellungen auch nach der Aktivierung bearbeiten"): free changes apply at once and are
// audited; the group is fixed after activation, the username never changes, and what costs money
// (add-ons, mobile options, conference) goes through the cart.
import type { Language } from '../../../../common/src/i18n/index.ts';
import {
  groupChangeIssues,
  passwordDeliveryOf,
  usernameChangeIssues,
} from '../../../../common/src/rules/workplace.ts';
import { type DraftData, type Section } from '../../../../common/src/workplaces/sections.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { diff, recordAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { berlinDay } from '../numbers/numbers.present.ts';
import { parseSection } from './drafts.service.ts';
import { refusal, serverIssue, validationFailed, type WorkplaceDeps } from './issues.ts';
import { resolveGroupId } from './workplace.checks.ts';
import { workplaceData } from './workplace-data.ts';
import { presentWorkplace, type WorkplaceOutput } from './workplaces.service.ts';
import { addonsOf, devicesOf } from './workplace-parts.repository.ts';
import { setEndUserEmail } from './end-user.repository.ts';
import {
  lockWorkplace,
  updateWorkplace,
  type NewWorkplace,
  type WorkplaceRow,
} from './workplaces.repository.ts';

import {
  check,
  devicesPatchSchema,
  e164,
  editDevices,
  editNumbers,
  text,
  type EditContext,
} from './workplace-edit.parts.ts';

const EDITABLE = ['ordered', 'active', 'deactivated'];

const notEditable = () =>
  new AppError('workplace_not_editable', 409, { messageKey: 'validation.workplace.not_editable' });

/** The changes one section makes to the row; throws for what may not change this way. */
async function sectionChanges(
  ec: EditContext,
  section: Section,
  body: unknown,
): Promise<Partial<NewWorkplace>> {
  const { w, lang } = ec;
  if (section === 'devices') {
    await editDevices(ec, parseSection('devices', body, lang, devicesPatchSchema));
    return {};
  }
  const value = parseSection<Record<string, unknown>>(section, body, lang);
  const current = (ec.data[section] ?? {}) as Record<string, unknown>;
  const data: DraftData = { ...ec.data, [section]: { ...current, ...value } };
  switch (section) {
    case 'group': {
      const toGroupId = await resolveGroupId(ec.tx, w.companyId, data);
      const [fixed] = groupChangeIssues({ status: w.status, fromGroupId: w.groupId, toGroupId });
      if (fixed) {
        throw refusal('group_fixed', fixed, lang);
      }
      await check(ec, 'group', data);
      return {
        areaId: data.group?.areaId ?? null,
        timeZone: data.group?.timeZone || w.timeZone,
        language: data.group?.language ?? w.language,
      };
    }
    case 'user': {
      await check(ec, 'user', data);
      const u = data.user ?? {};
      return {
        salutation: text(u.salutation),
        firstName: (u.firstName ?? '').trim(),
        lastName: (u.lastName ?? '').trim(),
        email: text(u.email),
        street: text(u.street),
        postalCode: text(u.postalCode),
        city: text(u.city),
        department: text(u.department),
      };
    }
    case 'login': {
      const [fixed] = usernameChangeIssues({
        status: w.status,
        from: w.username,
        to: typeof value.username === 'string' ? value.username.trim() : undefined,
      });
      if (fixed) {
        throw refusal('username_fixed', fixed, lang);
      }
      const changed = typeof value.authEmail === 'string' && value.authEmail.trim() !== w.authEmail;
      const login = {
        ...data.login,
        username: w.username,
        authEmailConfirm: changed
          ? ((value.authEmailConfirm as string | undefined) ?? '')
          : (data.login?.authEmail ?? ''),
      };
      await check(ec, 'login', { ...data, login });
      return {
        authEmail: (login.authEmail ?? '').trim(),
        authMobile: login.withoutMobile ? null : e164(login.authMobile),
        passwordDelivery: passwordDeliveryOf(login),
      };
    }
    case 'number':
      await check(ec, 'number', data);
      return editNumbers(ec, data.number);
    case 'profile':
      await check(ec, 'profile', data);
      return { blockingProfileId: data.profile?.blockingProfileId ?? null };
    case 'mobile': {
      const m = data.mobile ?? {};
      const sameMode = (m.mode ?? w.mobileMode) === w.mobileMode;
      const sameNumber = !m.mobileNumber || e164(m.mobileNumber) === w.mobileNumber;
      if (!sameMode || !sameNumber) {
        throw refusal('mobile_via_cart', serverIssue('mobile.mode', 'mobile_via_cart'), lang);
      }
      await check(ec, 'mobile', data);
      return {
        directoryMobile:
          e164(m.directoryMobile) ?? (w.mobileMode === 'integration' ? w.mobileNumber : null),
      };
    }
    case 'addons':
      throw refusal('addons_via_cart', serverIssue('addons.addons', 'addons_via_cart'), lang);
    case 'activation':
      throw refusal(
        'activation_fixed',
        serverIssue('activation.activationDate', 'activation_fixed'),
        lang,
      );
  }
}

const auditable = (w: WorkplaceRow): Record<string, unknown> => {
  const { createdAt: _c, updatedAt: _u, activatedAt: _a, ...rest } = w;
  return rest;
};

/** PATCH …/workplaces/:id/sections/:section. */
export async function editWorkplaceSection(
  deps: WorkplaceDeps,
  actor: AuditActor,
  companyId: string,
  id: string,
  section: Section,
  body: unknown,
  lang: Language,
): Promise<WorkplaceOutput> {
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      const w = await lockWorkplace(tx, companyId, id);
      if (!w) {
        throw notFound();
      }
      if (!EDITABLE.includes(w.status)) {
        throw notEditable();
      }
      const devices = (await devicesOf(tx, companyId, [w.id])).map((d) => ({
        deviceModelId: d.device.deviceModelId,
        macAddress: d.device.macAddress,
      }));
      const addons = (await addonsOf(tx, companyId, [w.id], { live: true })).map(
        (a) => a.productKey,
      );
      const ec: EditContext = {
        tx,
        deps,
        actor,
        w,
        data: workplaceData(w, devices, addons),
        lang,
        today: berlinDay(now),
      };
      const changes = await sectionChanges(ec, section, body);
      const after = (await updateWorkplace(tx, companyId, id, { ...changes, updatedAt: now }))!;
      if (changes.authEmail && after.userId && changes.authEmail !== w.authEmail) {
        await setEndUserEmail(tx, companyId, after.userId, changes.authEmail, now);
      }
      await recordAudit(tx, {
        actor,
        companyId,
        entity: 'workplace',
        entityId: id,
        action: `${section}_changed`,
        ...(section === 'devices'
          ? { before: { devices }, after: { devices: body } }
          : diff(auditable(w), auditable(after))),
        at: now,
      });
      return presentWorkplace(tx, after, lang);
    });
  } catch (err) {
    const constraint = uniqueViolation(err) ?? '';
    if (constraint.includes('internal_number')) {
      throw validationFailed([serverIssue('number.internalNumber', 'internal_number_taken')], lang);
    }
    if (constraint.includes('mac')) {
      throw validationFailed([serverIssue('devices.devices', 'mac_taken', { mac: '' })], lang);
    }
    throw err;
  }
}
