// SMTP delivery through one pooled nodemailer transport. Failures come out as errors whose message
// is safe to store and log: no URL (it may hold the SMTP password), no message content.
import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { PermanentJobError } from '../jobs/runner.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A pooled SMTP transport for `smtp://` (STARTTLS when offered) or `smtps://` (TLS) URLs. */
export function createMailTransport(smtpUrl: string, from: string): MailTransport {
  const transport = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    // smtp:// means plain connect (upgraded with STARTTLS when the server offers it), smtps://
    // means TLS from the start; the URL's own query options still win.
    secure: smtpUrl.toLowerCase().startsWith('smtps:'),
    // Defaults wait minutes; a dead server should fail the attempt and leave it to the backoff.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // Attachments are always buffers; never let message data read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        });
      } catch (err) {
        throw smtpFailure(err);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** Maps a nodemailer error to a retryable Error or a PermanentJobError with a safe reason. */
export function smtpFailure(err: unknown): Error {
  const e = (err ?? {}) as NodemailerError;
  const parts = ['SMTP'];
  if (e.code) {
    parts.push(e.code);
  }
  if (e.originalCode && e.originalCode !== e.code) {
    parts.push(`(${e.originalCode})`);
  }
  const detail = oneLine(e.response ?? (err instanceof Error ? err.message : String(err)));
  const reason = `${parts.join(' ')}: ${detail}`.slice(0, 500);
  // A rejected message (5xx) is rejected again on retry; a failed login is a configuration problem
  // the operator can fix while the backoff runs, so it stays retryable.
  if (e.permanent === true && e.code !== 'EAUTH') {
    return new PermanentJobError(reason);
  }
  return new Error(reason);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
