// The notifications API for other modules: queue mail/SMS in the caller's transaction, store
// documents, and let the operator console read the outbox.
export {
  DELIVER_JOB,
  outboxStatusLabel,
  queueMail,
  queueMails,
  queueSms,
  type QueueMailMessage,
  type QueueSmsMessage,
} from './notifications.service.ts';
export { registerNotificationJobs, type NotificationDeps } from './delivery.job.ts';
export {
  getOutboxMessage,
  listOutbox,
  type OutboxFilter,
  type OutboxListItem,
  type OutboxRow,
} from './outbox.repository.ts';
export { loadDocument, storeDocument, type NewDocument, type StoredDocument } from './documents.ts';
export {
  MAIL_TEMPLATES,
  SMS_TEMPLATES,
  REDACTED,
  type MailTemplate,
  type SmsTemplate,
} from './templates.ts';
