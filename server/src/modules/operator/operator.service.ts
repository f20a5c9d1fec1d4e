import type { z } from 'zod';
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Database } from '../../db/client.ts';
import type { Channel, OutboxStatus } from '../../db/schema/index.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { getOutboxMessage, listOutbox } from '../../platform/notifications/outbox.repository.ts';
import { outboxStatusLabel } from '../../platform/notifications/notifications.service.ts';
import type { Principal } from '../auth/principal.ts';
import { findProvider } from '../companies/companies.repository.ts';
import { actorOf } from '../companies/companies.service.ts';
import { companyNames, updateProvider } from './operator.repository.ts';
import type { providerBody } from './operator.schema.ts';

export interface OperatorDeps {
  database: Database;
  clock: Clock;
}

type Lang = Language;

function presentMessage(
  m: {
    id: string;
    channel: Channel;
    recipient: string;
    subject: string | null;
    template: string;
    status: OutboxStatus;
    companyId: string | null;
    createdAt: Date;
    sentAt: Date | null;
    lastError: string | null;
  },
  names: Map<string, string>,
  lang: Lang,
) {
  return {
    id: m.id,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    template: m.template,
    status: m.status,
    statusLabel: outboxStatusLabel(m.status, lang),
    companyId: m.companyId,
    companyName: m.companyId ? (names.get(m.companyId) ?? null) : null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    lastError: m.lastError,
  };
}

/** The outbox of mails and SMS for the operator console. */
export async function outboxPage(
  deps: OperatorDeps,
  query: {
    status?: OutboxStatus | undefined;
    channel?: Channel | undefined;
    page: number;
    pageSize: number;
  },
  lang: Lang,
) {
  const result = await listOutbox(deps.database.db, query);
  const names = await companyNames(deps.database.db, [
    ...new Set(result.items.flatMap((i) => (i.companyId ? [i.companyId] : []))),
  ]);
  return {
    items: result.items.map((i) => presentMessage(i, names, lang)),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function outboxMessage(deps: OperatorDeps, id: string, lang: Lang) {
  const m = await getOutboxMessage(deps.database.db, id);
  if (!m) {
    throw notFound();
  }
  const names = await companyNames(deps.database.db, m.companyId ? [m.companyId] : []);
  return { ...presentMessage(m, names, lang), body: m.body };
}

const presentProvider = (p: NonNullable<Awaited<ReturnType<typeof findProvider>>>) => ({
  name: p.name,
  productName: p.productName,
  logoUrl: p.logoUrl,
  supportEmail: p.supportEmail,
  supportPhone: p.supportPhone,
  helpBaseUrl: p.helpBaseUrl,
  postalAddress: p.postalAddress,
  downloads: p.downloads.map((l) => ({
    title: l.title,
    url: l.url,
    description: l.description ?? '',
  })),
});

export async function getProvider(deps: OperatorDeps) {
  const provider = await findProvider(deps.database.db);
  if (!provider) {
    throw new AppError('provider_missing', 409);
  }
  return presentProvider(provider);
}

/**
 * White-label settings: name, product name, logo, support contact, help base URL and the links of
 * MyPortal's "Hilfe & Downloads" (replaced as a whole list).
 */
export async function editProvider(
  deps: OperatorDeps,
  actor: Principal,
  input: z.infer<typeof providerBody>,
  requestId: string | null,
) {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const before = await findProvider(tx);
    if (!before) {
      throw new AppError('provider_missing', 409);
    }
    const after = await updateProvider(tx, before.id, { ...input, updatedAt: now });
    await recordAudit(tx, {
      actor: actorOf(actor),
      companyId: null,
      entity: 'provider',
      entityId: before.id,
      action: 'updated',
      ...diff(presentProvider(before), presentProvider(after!)),
      at: now,
      requestId,
    });
    return presentProvider(after!);
  });
}
