// Delivery through an in-process SMTP server and SMS gateway: content, retries, idempotency.
import { eq } from 'drizzle-orm';
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { jobs } from '../../db/schema/index.ts';
import { renderWelcomeLetter } from '../../modules/accounts/welcome-letter.ts';
import { createTestDb, type TestDb } from '../../test/test-db.ts';
import { LogCapture, testConfig } from '../../test/test-app.ts';
import { ManualClock } from '../clock.ts';
import { enqueueJob, JobRunner } from '../jobs/runner.ts';
import { createLogger } from '../logger.ts';
import { registerNotificationJobs } from './delivery.job.ts';
import { storeDocument } from './documents.ts';
import {
  DELIVER_JOB,
  DELIVERY_MAX_ATTEMPTS,
  outboxStatusLabel,
  queueMail,
  queueSms,
} from './notifications.service.ts';
import { getOutboxMessage } from './outbox.repository.ts';
import { insertTestCompany, startSmsGateway, startSmtpSink } from './test-support.ts';

const CODE = 'K7QX-M2PD-9HTR-B4WZ';
const SMTP_PASSWORD = 'Sup3r-Geheim-Passwort';
const SMS_TOKEN = 'sms-token-0123456789';

let t: TestDb;
let clock: ManualClock;
let logs: LogCapture;
let companyId: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  t = await createTestDb();
  clock = new ManualClock('2026-03-01T09:00:00Z');
  logs = new LogCapture();
  companyId = await insertTestCompany(t.database.db, 'Müller & Söhne GmbH');
});

afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) {
    await fn();
  }
  await t.close();
});

function worker(config: Config) {
  const logger = createLogger('debug', logs);
  const runner = new JobRunner({
    database: t.database,
    clock,
    logger,
    backoff: { baseMs: 1000, maxMs: 60_000, jitter: 0 },
  });
  const handle = registerNotificationJobs(runner, { database: t.database, config, clock, logger });
  cleanups.push(() => handle.close());
  return runner;
}

function activationMail(to = 'admin@mueller-soehne.example') {
  return queueMail(
    t.database.db,
    { clock },
    {
      to,
      template: 'admin_activation_code',
      params: {
        username: 'm.mueller',
        companyName: 'Müller & Söhne GmbH',
        code: CODE,
        expiresAt: '01.03.2026, 10:00 Uhr',
        portalUrl: 'https://portal.example/freischalten',
      },
      language: 'de',
      companyId,
    },
  );
}

function passwordSms() {
  return queueSms(
    t.database.db,
    { clock },
    {
      to: '+491701234567',
      template: 'temporary_password',
      params: { username: 'm.mueller', password: 'Tmp-Pass.42x', expiresAt: '01.03.2026, 10:00' },
      language: 'de',
      companyId,
    },
  );
}

async function jobOf(outboxId: string) {
  const rows = await t.database.db
    .select()
    .from(jobs)
    .where(eq(jobs.dedupeKey, `outbox:${outboxId}`));
  return rows[0];
}

describe('delivery by SMTP', () => {
  it('sends subject, text and the attached letter, then forgets the code', async () => {
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const config = testConfig();
    config.smtp.url = `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}`;
    config.smtp.from = 'Demo-Carrier <noreply@demo-carrier.example>';
    const runner = worker(config);

    const pdf = await renderWelcomeLetter({
      provider: {
        name: 'Demo-Carrier',
        productName: 'Cloud PBX',
        postalAddress: null,
        supportEmail: null,
        supportPhone: null,
      },
      company: { name: 'Müller & Söhne GmbH', customerNumber: 'K-1' },
      address: { street: 'Leipziger Straße 5', postalCode: '80331', city: 'München' },
      code: CODE,
      expiresAt: new Date('2026-03-31T21:59:00Z'),
      registerUrl: 'https://portal.example/registrieren',
      date: clock.now(),
    });
    const documentId = await storeDocument(t.database.db, config.secret, {
      companyId,
      kind: 'welcome_letter',
      filename: 'Willkommensbrief.pdf',
      contentType: 'application/pdf',
      content: pdf,
      createdBy: null,
      createdAt: clock.now(),
    });
    const letterId = await queueMail(
      t.database.db,
      { clock },
      {
        to: 'kontakt@mueller-soehne.example',
        template: 'welcome_letter',
        params: {
          companyName: 'Müller & Söhne GmbH',
          providerName: 'Demo-Carrier',
          productName: 'Cloud PBX',
          portalUrl: 'https://portal.example/registrieren',
        },
        language: 'de',
        companyId,
        attachments: [{ documentId, filename: 'Willkommensbrief.pdf' }],
      },
    );
    const codeId = await activationMail();
    expect(await runner.drain()).toBe(2);

    expect(smtp.messages).toHaveLength(2);
    expect(smtp.logins).toEqual(['mailer']);
    const parsed = await Promise.all(smtp.messages.map((raw) => PostalMime.parse(raw)));
    const letter = parsed.find((m) => m.attachments.length > 0)!;
    expect(letter.subject).toBe('Ihr Zugang zum Service-Portal für Müller & Söhne GmbH');
    expect(letter.from?.address).toBe('noreply@demo-carrier.example');
    expect(letter.text).toContain(
      'für Müller & Söhne GmbH steht Cloud PBX von Demo-Carrier bereit',
    );
    expect(letter.text).toContain('Mit freundlichen Grüßen');
    expect(letter.attachments[0]!.filename).toBe('Willkommensbrief.pdf');
    expect(letter.attachments[0]!.mimeType).toBe('application/pdf');
    expect(Buffer.from(letter.attachments[0]!.content as ArrayBuffer).equals(pdf)).toBe(true);
    const codeMail = parsed.find((m) => m.attachments.length === 0)!;
    expect(codeMail.subject).toBe('Ihr Freischaltcode für das Service-Portal');
    expect(codeMail.text).toContain(CODE);

    for (const id of [letterId, codeId]) {
      const row = await getOutboxMessage(t.database.db, id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(row!.sentAt).toEqual(clock.now());
      expect(row!.body).not.toContain(CODE);
    }
    expect((await getOutboxMessage(t.database.db, codeId))!.body).toContain('••••••');
    expect(logs.text).not.toContain(CODE);
    expect(logs.text).not.toContain(SMTP_PASSWORD);
  });

  it('marks a message rejected by the server (550) as failed without leaking secrets', async () => {
    const smtp = await startSmtpSink({ rejectRecipientWith: 550 });
    cleanups.push(() => smtp.close());
    const config = testConfig();
    config.smtp.url = `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}`;
    const runner = worker(config);
    const id = await activationMail();
    await runner.drain();
    const row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/550/);
    expect((await jobOf(id))!.status).toBe('failed');
    for (const text of [row!.lastError!, (await jobOf(id))!.lastError!, logs.text]) {
      expect(text).not.toContain(CODE);
      expect(text).not.toContain(SMTP_PASSWORD);
    }
  });

  it('retries when the server cannot be reached', async () => {
    const smtp = await startSmtpSink();
    await smtp.close();
    const config = testConfig();
    config.smtp.url = `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}`;
    const runner = worker(config);
    const id = await activationMail();
    await runner.drain();
    const row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    expect(row!.lastError).not.toContain(SMTP_PASSWORD);
    expect((await jobOf(id))!).toMatchObject({ status: 'queued', attempts: 1 });
  });
});

describe('delivery by the SMS gateway', () => {
  function smsConfig(url: string): Config {
    const config = testConfig();
    config.sms.gatewayUrl = url;
    config.sms.token = SMS_TOKEN;
    config.sms.sender = 'DemoCarr';
    return config;
  }

  it('posts JSON with the bearer token and redacts the password after delivery', async () => {
    const gateway = await startSmsGateway();
    cleanups.push(() => gateway.close());
    const runner = worker(smsConfig(gateway.url));
    const id = await passwordSms();
    await runner.drain();
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request!.headers.authorization).toBe(`Bearer ${SMS_TOKEN}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      to: '+491701234567',
      from: 'DemoCarr',
      text: 'Ihr temporäres Passwort für m.mueller: Tmp-Pass.42x (gültig bis 01.03.2026, 10:00)',
    });
    const row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row!.body).not.toContain('Tmp-Pass.42x');
    expect(logs.text).not.toContain('Tmp-Pass.42x');
    expect(logs.text).not.toContain(SMS_TOKEN);
  });

  it('retries after a 503 and fails for good on a 400 with the reason', async () => {
    const gateway = await startSmsGateway((n, req) =>
      n === 1
        ? { status: 503, body: 'maintenance' }
        : // A gateway that echoes the text must not put the password into last_error.
          { status: 400, body: JSON.stringify({ error: 'invalid number', echo: req.body }) },
    );
    cleanups.push(() => gateway.close());
    const runner = worker(smsConfig(gateway.url));
    const id = await passwordSms();

    expect(await runner.drain()).toBe(1);
    let row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toContain('HTTP 503');
    expect((await jobOf(id))!).toMatchObject({ status: 'queued', attempts: 1 });

    clock.advance(60_000);
    expect(await runner.drain()).toBe(1);
    row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.lastError).toContain('HTTP 400');
    expect(row!.lastError).toContain('invalid number');
    expect(row!.lastError).not.toContain('Tmp-Pass.42x');
    expect((await jobOf(id))!.status).toBe('failed');
    expect((await jobOf(id))!.lastError).not.toContain('Tmp-Pass.42x');
    expect(logs.text).not.toContain('Tmp-Pass.42x');
    expect(outboxStatusLabel(row!.status, 'de')).toBe('fehlgeschlagen');
  });

  it('ends as failed when every attempt meets a 5xx', async () => {
    const gateway = await startSmsGateway(() => ({ status: 502 }));
    cleanups.push(() => gateway.close());
    const runner = worker(smsConfig(gateway.url));
    const id = await passwordSms();
    for (let i = 0; i < DELIVERY_MAX_ATTEMPTS; i++) {
      expect(await runner.drain()).toBe(1);
      clock.advance(120_000);
    }
    expect(await runner.drain()).toBe(0);
    const row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ status: 'failed', attempts: DELIVERY_MAX_ATTEMPTS });
    expect((await jobOf(id))!.status).toBe('failed');
    expect(gateway.requests).toHaveLength(DELIVERY_MAX_ATTEMPTS);
  });

  it('sends once when the delivery job runs twice', async () => {
    const gateway = await startSmsGateway();
    cleanups.push(() => gateway.close());
    const runner = worker(smsConfig(gateway.url));
    const id = await passwordSms();
    await runner.drain();
    // The dedupe key stops a second enqueue; a job without it (a replay) must not send again.
    expect(
      await enqueueJob(
        t.database.db,
        { kind: DELIVER_JOB, payload: { outboxId: id }, dedupeKey: `outbox:${id}` },
        clock,
      ),
    ).toBeNull();
    await enqueueJob(t.database.db, { kind: DELIVER_JOB, payload: { outboxId: id } }, clock);
    expect(await runner.drain()).toBe(1);
    expect(gateway.requests).toHaveLength(1);
    expect((await getOutboxMessage(t.database.db, id))!.status).toBe('sent');
  });
});
