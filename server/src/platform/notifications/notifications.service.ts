// The API other modules use to send mail and SMS. Queueing writes the outbox row and the delivery
// job on the caller's executor, so both commit (or roll back) with the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import type { OutboxStatus } from '../../db/schema/notifications.ts';
import type { Clock } from '../clock.ts';
import { translateIn } from '../i18n.ts';
import { insertJobs } from '../jobs/job.repository.ts';
import { enqueueJob } from '../jobs/runner.ts';
import {
  existingDocumentIds,
  insertOutbox,
  insertOutboxMany,
  type NewOutboxRow,
  type OutboxAttachment,
} from './outbox.repository.ts';
import { renderMail, renderSms, type MailTemplate, type SmsTemplate } from './templates.ts';

export const DELIVER_JOB = 'notification.deliver';
/** With the default backoff (2 s doubling, capped at 15 min) retries span about 45 minutes. */
export const DELIVERY_MAX_ATTEMPTS = 12;

export interface DeliverPayload {
  outboxId: string;
}

export interface QueueMailMessage {
  to: string;
  template: MailTemplate;
  params: Record<string, string>;
  language: Language;
  companyId: string | null;
  attachments?: OutboxAttachment[];
}

export interface QueueSmsMessage {
  to: string;
  template: SmsTemplate;
  params: Record<string, string>;
  language: Language;
  companyId: string | null;
}

/** The outbox row of a mail: rendered in its language, attachments by document. */
function mailRow(msg: QueueMailMessage, now: Date): NewOutboxRow {
  const rendered = renderMail(msg.template, msg.params, msg.language);
  return {
    channel: 'email',
    companyId: msg.companyId,
    recipient: requireRecipient(msg.to),
    template: msg.template,
    language: msg.language,
    subject: rendered.subject,
    body: rendered.body,
    redactedBody: rendered.redactedBody,
    attachments: (msg.attachments ?? []).map((a) => ({
      documentId: a.documentId,
      filename: a.filename,
    })),
    createdAt: now,
  };
}

/** Renders a mail, stores it in the outbox and enqueues its delivery; returns the outbox id. */
export async function queueMail(
  db: Executor,
  deps: { clock: Clock },
  msg: QueueMailMessage,
): Promise<string> {
  await checkAttachments(db, msg.companyId, msg.attachments ?? []);
  const id = await insertOutbox(db, mailRow(msg, deps.clock.now()));
  await enqueueDelivery(db, deps.clock, id);
  return id;
}

/**
 * queueMail for many mails without attachments (activation of many workplaces): two
 * statements for all of them. Returns the outbox ids in the order of the messages.
 */
export async function queueMails(
  db: Executor,
  deps: { clock: Clock },
  msgs: readonly Omit<QueueMailMessage, 'attachments'>[],
): Promise<string[]> {
  const now = deps.clock.now();
  const rows = msgs.map((msg) => ({ id: randomUUID(), ...mailRow(msg, now) }));
  await insertOutboxMany(db, rows);
  await insertJobs(
    db,
    rows.map((row) => deliveryJob(row.id)),
    now,
  );
  return rows.map((row) => row.id);
}

/** Renders an SMS, stores it in the outbox and enqueues its delivery; returns the outbox id. */
export async function queueSms(
  db: Executor,
  deps: { clock: Clock },
  msg: QueueSmsMessage,
): Promise<string> {
  const rendered = renderSms(msg.template, msg.params, msg.language);
  const id = await insertOutbox(db, {
    channel: 'sms',
    companyId: msg.companyId,
    recipient: requireRecipient(msg.to),
    template: msg.template,
    language: msg.language,
    subject: null,
    body: rendered.body,
    redactedBody: rendered.redactedBody,
    attachments: [],
    createdAt: deps.clock.now(),
  });
  await enqueueDelivery(db, deps.clock, id);
  return id;
}

/** The operator console's label of an outbox status. */
export function outboxStatusLabel(status: OutboxStatus, lang: Language): string {
  return translateIn('mail', lang, `status.${status}`);
}

function deliveryJob(outboxId: string) {
  const payload: DeliverPayload = { outboxId };
  return {
    kind: DELIVER_JOB,
    payload,
    dedupeKey: `outbox:${outboxId}`,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
  };
}

async function enqueueDelivery(db: Executor, clock: Clock, outboxId: string): Promise<void> {
  await enqueueJob(db, deliveryJob(outboxId), clock);
}

function requireRecipient(to: string): string {
  const trimmed = to.trim();
  if (trimmed === '') {
    throw new Error('a message needs a recipient');
  }
  return trimmed;
}

// Caught here rather than at delivery: a wrong attachment is a bug in the caller, and the caller's
// transaction is still open to roll back.
async function checkAttachments(
  db: Executor,
  companyId: string | null,
  attachments: OutboxAttachment[],
): Promise<void> {
  if (attachments.length === 0) {
    return;
  }
  if (companyId === null) {
    throw new Error('a mail with attachments needs a company (documents belong to a company)');
  }
  const found = await existingDocumentIds(
    db,
    companyId,
    attachments.map((a) => a.documentId),
  );
  const unknown = attachments.filter((a) => !found.has(a.documentId));
  if (unknown.length > 0) {
    throw new Error(
      `attachment document(s) not found for this company: ${unknown.map((a) => a.documentId).join(', ')}`,
    );
  }
}
