// The "notification.deliver" job: sends one outbox message through SMTP or the SMS gateway.
// The job row lives in the database, so a message queued before a restart is still delivered.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import { PermanentJobError, type JobContext, type JobRunner } from '../jobs/runner.ts';
import type { Logger } from '../logger.ts';
import { loadDocument } from './documents.ts';
import { createMailTransport, type MailTransport } from './mail-transport.ts';
import { DELIVER_JOB, type DeliverPayload } from './notifications.service.ts';
import {
  getOutboxMessage,
  markOutboxNoGateway,
  markOutboxSent,
  recordOutboxFailure,
  type OutboxRow,
} from './outbox.repository.ts';
import { sendSms } from './sms-gateway.ts';

export interface NotificationDeps {
  database: Database;
  config: Config;
  clock: Clock;
  logger: Logger;
}

/** Registers the delivery handler; close() shuts the SMTP pool down (call it on shutdown). */
export function registerNotificationJobs(
  runner: JobRunner,
  deps: NotificationDeps,
): { close(): Promise<void> } {
  let transport: MailTransport | null = null;
  // Created on first use: an installation that never sends mail never opens a connection.
  const mailTransport = (): MailTransport => {
    transport ??= createMailTransport(deps.config.smtp.url!, deps.config.smtp.from);
    return transport;
  };
  runner.register(DELIVER_JOB, (payload, ctx) => deliver(payload, ctx, deps, mailTransport));
  return {
    close() {
      transport?.close();
      transport = null;
      return Promise.resolve();
    },
  };
}

async function deliver(
  payload: unknown,
  ctx: JobContext,
  deps: NotificationDeps,
  mailTransport: () => MailTransport,
): Promise<void> {
  const outboxId = parsePayload(payload);
  const db = deps.database.db;
  const message = await getOutboxMessage(db, outboxId);
  if (!message) {
    throw new PermanentJobError(`outbox message ${outboxId} does not exist`);
  }
  const log = ctx.logger.child({ outboxId, channel: message.channel, template: message.template });
  // Only a queued message is delivered: a second run after success (or after a final failure)
  // does nothing, which makes the job idempotent.
  if (message.status !== 'queued') {
    log.debug({ status: message.status }, 'outbox message already handled');
    return;
  }
  if (!hasGateway(message, deps.config)) {
    await markOutboxNoGateway(db, message.id);
    log.info('no gateway configured; message kept in the outbox');
    return;
  }
  try {
    if (message.channel === 'email') {
      await sendEmail(message, deps, mailTransport());
    } else {
      await sendSms(
        {
          url: deps.config.sms.gatewayUrl!,
          token: deps.config.sms.token,
          sender: deps.config.sms.sender,
        },
        { to: message.recipient, text: message.body },
      );
    }
  } catch (err) {
    const permanent = err instanceof PermanentJobError;
    const final = permanent || ctx.attempt >= ctx.maxAttempts;
    const reason = scrub(errorText(err), secretsOf(message, deps.config));
    await recordOutboxFailure(db, message.id, { error: reason, final });
    // Rethrown with the scrubbed text only: the runner stores and logs the message.
    throw permanent ? new PermanentJobError(reason) : new Error(reason);
  }
  // Should the process die right here, the job's lease expires and the message goes out again:
  // at-least-once, like any mail queue; holding a lock across the send would block PGlite.
  await markOutboxSent(db, message.id, deps.clock.now());
  log.info('message delivered');
}

async function sendEmail(
  message: OutboxRow,
  deps: NotificationDeps,
  transport: MailTransport,
): Promise<void> {
  const attachments = [];
  for (const ref of message.attachments) {
    const doc = message.companyId
      ? await loadDocument(deps.database.db, deps.config.secret, {
          companyId: message.companyId,
          documentId: ref.documentId,
        })
      : null;
    if (!doc) {
      throw new PermanentJobError(`attachment ${ref.documentId} is missing`);
    }
    attachments.push({
      filename: ref.filename,
      contentType: doc.contentType,
      content: doc.content,
    });
  }
  await transport.send({
    to: message.recipient,
    subject: message.subject ?? '',
    text: message.body,
    html: message.html,
    attachments,
  });
}

function hasGateway(message: OutboxRow, config: Config): boolean {
  return message.channel === 'email' ? Boolean(config.smtp.url) : Boolean(config.sms.gatewayUrl);
}

function parsePayload(payload: unknown): string {
  const id = (payload as Partial<DeliverPayload> | null)?.outboxId;
  if (typeof id !== 'string' || id === '') {
    throw new PermanentJobError('notification.deliver needs { outboxId }');
  }
  return id;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

/**
 * Strings that must not reach last_error or a log line: the message text, the words that differ
 * between body and redacted body (the codes and passwords themselves), and gateway credentials.
 */
function secretsOf(message: OutboxRow, config: Config): string[] {
  const kept = new Set(message.redactedBody.split(/\s+/));
  const secretWords = message.body
    .split(/\s+/)
    .filter((w) => !kept.has(w))
    // "K7QX-M2PD." next to punctuation also counts without it; passwords may end in "." too.
    .flatMap((w) => [w, w.replace(/^[("'<[]+|[)"'>\],;:.!?]+$/g, '')]);
  const credentials = [config.sms.token, smtpPassword(config.smtp.url)];
  return [message.body, ...secretWords, ...credentials].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}

function smtpPassword(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

function scrub(text: string, secrets: string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('[redacted]');
  }
  return out.slice(0, 1000);
}
