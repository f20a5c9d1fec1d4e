// All SQL on the outbox and documents tables.
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  documents,
  outbox,
  type Channel,
  type OutboxStatus,
} from '../../db/schema/notifications.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxAttachment = OutboxRow['attachments'][number];

/** An outbox entry without its body, for lists. */
export type OutboxListItem = Omit<OutboxRow, 'body' | 'redactedBody' | 'html'>;

export interface NewOutboxRow {
  channel: Channel;
  companyId: string | null;
  recipient: string;
  template: string;
  language: string;
  subject: string | null;
  body: string;
  redactedBody: string;
  attachments: OutboxAttachment[];
  createdAt: Date;
}

export async function insertOutbox(db: Executor, row: NewOutboxRow): Promise<string> {
  const [inserted] = await db
    .insert(outbox)
    .values({ ...row, status: 'queued', attempts: 0 })
    .returning({ id: outbox.id });
  return inserted!.id;
}

/** Many outbox rows (with ids chosen by the caller) in one statement. */
export async function insertOutboxMany(
  db: Executor,
  rows: readonly (NewOutboxRow & { id: string })[],
): Promise<void> {
  if (rows.length > 0) {
    await db
      .insert(outbox)
      .values(rows.map((row) => ({ ...row, status: 'queued' as const, attempts: 0 })));
  }
}

/** One message with its body (the operator console and the delivery job). */
export async function getOutboxMessage(db: Executor, id: string): Promise<OutboxRow | null> {
  if (!isUuid(id)) {
    return null;
  }
  const rows = await db.select().from(outbox).where(eq(outbox.id, id));
  return rows[0] ?? null;
}

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  channel?: Channel | undefined;
  companyId?: string | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** A page of the outbox, newest first, without bodies. */
export async function listOutbox(
  db: Executor,
  filter: OutboxFilter,
): Promise<{ items: OutboxListItem[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.status) {
    conditions.push(eq(outbox.status, filter.status));
  }
  if (filter.channel) {
    conditions.push(eq(outbox.channel, filter.channel));
  }
  if (filter.companyId !== undefined) {
    if (!isUuid(filter.companyId)) {
      return { items: [], total: 0 };
    }
    conditions.push(eq(outbox.companyId, filter.companyId));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const pageSize = Math.max(1, Math.floor(filter.pageSize));
  const page = Math.max(1, Math.floor(filter.page));
  const items = await db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      companyId: outbox.companyId,
      recipient: outbox.recipient,
      template: outbox.template,
      language: outbox.language,
      subject: outbox.subject,
      attachments: outbox.attachments,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totalRow] = await db.select({ n: count() }).from(outbox).where(where);
  return { items, total: Number(totalRow?.n ?? 0) };
}

/**
 * Delivered: the body is replaced by its redacted copy so codes and passwords are gone. Only a
 * queued message moves, so a late duplicate run cannot overwrite a final state.
 */
export async function markOutboxSent(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: now,
      attempts: sql`${outbox.attempts} + 1`,
      body: outbox.redactedBody,
      lastError: null,
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'queued')));
}

/** No gateway for the channel: the message stays readable for the operator. */
export async function markOutboxNoGateway(db: Executor, id: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'no_gateway', attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'queued')));
}

/** A failed attempt; `final` ends the message as failed, otherwise it stays queued for a retry. */
export async function recordOutboxFailure(
  db: Executor,
  id: string,
  failure: { error: string; final: boolean },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: failure.error,
      ...(failure.final ? { status: 'failed' as const } : {}),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'queued')));
}

export interface NewDocumentRow {
  companyId: string;
  kind: string;
  filename: string;
  contentType: string;
  /** Already encrypted. */
  content: Buffer;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertDocument(db: Executor, row: NewDocumentRow): Promise<string> {
  const [inserted] = await db.insert(documents).values(row).returning({ id: documents.id });
  return inserted!.id;
}

/** A document of the given company (null for another company's or an unknown id). */
export async function selectDocument(
  db: Executor,
  companyId: string,
  documentId: string,
): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  if (!isUuid(companyId) || !isUuid(documentId)) {
    return null;
  }
  const rows = await db
    .select({
      filename: documents.filename,
      contentType: documents.contentType,
      content: documents.content,
    })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.companyId, companyId)));
  return rows[0] ?? null;
}

/** Which of the given document ids belong to the company. */
export async function existingDocumentIds(
  db: Executor,
  companyId: string,
  ids: string[],
): Promise<Set<string>> {
  const valid = ids.filter(isUuid);
  if (!isUuid(companyId) || valid.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.companyId, companyId), inArray(documents.id, valid)));
  return new Set(rows.map((r) => r.id));
}

// A malformed id would make PostgreSQL raise "invalid input syntax for type uuid"; for lookups
// it simply means "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A company's documents of one kind, newest first, without their content. */
export async function listDocuments(db: Executor, companyId: string, kind: string) {
  return db
    .select({
      id: documents.id,
      filename: documents.filename,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(and(eq(documents.companyId, companyId), eq(documents.kind, kind)))
    .orderBy(desc(documents.createdAt));
}
