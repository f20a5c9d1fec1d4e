// The wizard's server-side drafts (seed 001 "Arbeitsplatz einrichten"): every section is stored
// as entered, valid or not, so nothing is lost on an error, a reload or a logout; "Weiter"
// validates a section with the rules of common/ and the database's.
import type { z } from 'zod';
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import {
  draftDataSchema,
  SECTION_SCHEMAS,
  SECTIONS,
  type DraftData,
  type Section,
} from '../../../../common/src/workplaces/sections.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { localizeIssues } from '../../http/validation.ts';
import { berlinDay } from '../numbers/numbers.present.ts';
import {
  deleteDraft,
  findDraft,
  findTemplate,
  insertDraft,
  listDrafts,
  updateDraft,
  type DraftRow,
  type TemplateRow,
} from './drafts.repository.ts';
import {
  presentIssues,
  validationFailed,
  errorsOf,
  warningsOf,
  type WorkplaceDeps,
} from './issues.ts';
import { standardSettings } from './standard-settings.ts';
import { checkSection } from './workplace.checks.ts';

export interface DraftOwner {
  userId: string;
  sessionId: string | null;
  actor: AuditActor;
}

export interface DraftOutput {
  id: string;
  templateId: string | null;
  updatedAt: string;
  completed: Section[];
  workplaceId: string | null;
  data: DraftData;
}

/** Stored data are parsed, never trusted: a section that no longer parses is dropped. */
export function draftData(row: Pick<DraftRow, 'data'>): DraftData {
  const out: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    const stored = row.data[section];
    const parsed = SECTION_SCHEMAS[section].safeParse(stored);
    if (parsed.success && stored !== undefined) {
      out[section] = parsed.data;
    }
  }
  return draftDataSchema.parse(out);
}

export function presentDraft(row: DraftRow): DraftOutput {
  return {
    id: row.id,
    templateId: row.templateId,
    updatedAt: row.updatedAt.toISOString(),
    completed: SECTIONS.filter((s) => row.completed.includes(s)),
    workplaceId: row.workplaceId,
    data: draftData(row),
  };
}

/** What a template pre-fills: group/area, blocking profile, desktop client, add-ons (seed 001). */
export function templateData(t: TemplateRow): DraftData {
  return {
    group: { groupId: t.groupId, areaId: t.areaId },
    profile: { blockingProfileId: t.blockingProfileId },
    ...(t.desktopClientModelId
      ? { devices: { devices: [{ deviceModelId: t.desktopClientModelId, macAddress: null }] } }
      : {}),
    addons: { addons: [...t.addons] },
  };
}

export async function createDraft(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  input: { templateId?: string | undefined; standard?: boolean | undefined },
): Promise<DraftOutput> {
  const standard = input.standard ? await standardSettings(deps, companyId) : {};
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    let data: DraftData = standard;
    if (input.templateId) {
      const template = await findTemplate(tx, companyId, input.templateId);
      if (!template) {
        throw new AppError('template_unknown', 400, {
          messageKey: 'validation.workplace.template_unknown',
          details: [{ field: 'templateId', rule: 'validation.workplace.template_unknown' }],
        });
      }
      data = { ...standard, ...templateData(template) };
    }
    const row = await insertDraft(tx, {
      companyId,
      createdBy: owner.userId,
      data,
      completed: [],
      templateId: input.templateId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor: owner.actor,
      companyId,
      entity: 'workplace_draft',
      entityId: row.id,
      action: 'created',
      after: { templateId: row.templateId, standard: Boolean(input.standard) },
      at: now,
    });
    return presentDraft(row);
  });
}

export async function listOwnDrafts(deps: WorkplaceDeps, owner: DraftOwner, companyId: string) {
  return (await listDrafts(deps.database.db, companyId, owner.userId)).map(presentDraft);
}

export async function getDraft(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  id: string,
): Promise<DraftOutput> {
  const row = await findDraft(deps.database.db, companyId, owner.userId, id);
  if (!row) {
    throw notFound();
  }
  return presentDraft(row);
}

export const draftInCart = () =>
  new AppError('draft_in_cart', 409, { messageKey: 'validation.workplace.draft_in_cart' });

/** Parses a section's body with its schema; a wrong shape is a 400 naming `section.field`. */
export function parseSection<T>(
  section: Section,
  body: unknown,
  lang: Language,
  schema: z.ZodType<T> = SECTION_SCHEMAS[section] as unknown as z.ZodType<T>,
): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const details = localizeIssues(parsed.error.issues, lang).map((d) => ({
      ...d,
      field: `${section}.${d.field === '(body)' ? section : d.field}`,
    }));
    throw new AppError('validation_failed', 400, { params: { count: details.length }, details });
  }
  return parsed.data;
}

/**
 * Saves a section (always) and, with `validate`, runs "Weiter": the data stay saved either way;
 * errors answer 400 validation_failed, success marks the section completed and returns warnings.
 */
export async function saveSection(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  id: string,
  section: Section,
  body: unknown,
  options: { validate: boolean; lang: Language },
): Promise<{ draft: DraftOutput; warnings: ReturnType<typeof presentIssues> }> {
  const value = parseSection(section, body, options.lang);
  const now = deps.clock.now();
  const { row, issues } = await deps.database.transaction(async (tx) => {
    const before = await findDraft(tx, companyId, owner.userId, id, { lock: true });
    if (!before) {
      throw notFound();
    }
    if (before.workplaceId) {
      throw draftInCart();
    }
    const data: DraftData = { ...draftData(before), [section]: value };
    let issues: RuleIssue[] = [];
    if (options.validate) {
      issues = await checkSection(
        { tx, deps, companyId, workplaceId: null, lang: options.lang },
        section,
        data,
        berlinDay(now),
      );
    }
    const passed = options.validate && errorsOf(issues).length === 0;
    const completed = before.completed.filter((s) => s !== section);
    const row = await updateDraft(tx, companyId, id, {
      data,
      completed: passed ? [...completed, section] : completed,
      updatedAt: now,
    });
    return { row: row!, issues };
  });
  if (errorsOf(issues).length > 0) {
    throw validationFailed(issues, options.lang);
  }
  return { draft: presentDraft(row), warnings: presentIssues(warningsOf(issues), options.lang) };
}

/**
 * Deletes a draft. A draft whose workplace sits in a cart is taken out of the cart first
 * (`discardFromCart`, which gives its reservations back).
 */
export async function removeDraft(
  deps: WorkplaceDeps,
  owner: DraftOwner,
  companyId: string,
  id: string,
  discardFromCart: (workplaceId: string) => Promise<void>,
): Promise<void> {
  const found = await findDraft(deps.database.db, companyId, owner.userId, id);
  if (!found) {
    throw notFound();
  }
  if (found.workplaceId) {
    await discardFromCart(found.workplaceId);
  }
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    if (!(await findDraft(tx, companyId, owner.userId, id, { lock: true }))) {
      return;
    }
    await deleteDraft(tx, companyId, id);
    await recordAudit(tx, {
      actor: owner.actor,
      companyId,
      entity: 'workplace_draft',
      entityId: id,
      action: 'deleted',
      at: now,
    });
  });
}
