// Queueing in the caller's transaction, the no-gateway path, the operator console, documents.
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { documents, jobs, outbox } from '../../db/schema/index.ts';
import { createTestDb, type TestDb } from '../../test/test-db.ts';
import { LogCapture, testConfig } from '../../test/test-app.ts';
import { ManualClock } from '../clock.ts';
import { JobRunner } from '../jobs/runner.ts';
import { createLogger } from '../logger.ts';
import { registerNotificationJobs } from './delivery.job.ts';
import { loadDocument, storeDocument } from './documents.ts';
import { DELIVER_JOB, outboxStatusLabel, queueMail, queueSms } from './notifications.service.ts';
import { getOutboxMessage, listOutbox } from './outbox.repository.ts';
import { insertTestCompany } from './test-support.ts';

const CODE = 'K7QX-M2PD-9HTR-B4WZ';

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

async function count(table: typeof outbox | typeof jobs): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return Number(row!.n);
}

describe('queueMail / queueSms', () => {
  it('writes nothing when the caller’s transaction rolls back', async () => {
    await expect(
      t.database.transaction(async (tx) => {
        await queueMail(
          tx,
          { clock },
          {
            to: 'a@example.org',
            template: 'workplace_activation',
            params: { displayName: 'Max', username: 'max', firstLoginUrl: 'https://x.example/' },
            language: 'de',
            companyId,
          },
        );
        expect(await tx.select().from(outbox)).toHaveLength(1);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await count(outbox)).toBe(0);
    expect(await count(jobs)).toBe(0);
  });

  it('commits outbox row and delivery job together', async () => {
    const id = await t.database.transaction((tx) =>
      queueSms(
        tx,
        { clock },
        {
          to: '+491701234567',
          template: 'temporary_password',
          params: { username: 'u', password: 'pw-123456', expiresAt: 'morgen' },
          language: 'en',
          companyId: null,
        },
      ),
    );
    const row = await getOutboxMessage(t.database.db, id);
    expect(row).toMatchObject({ channel: 'sms', status: 'queued', subject: null, language: 'en' });
    expect(row!.body).toContain('pw-123456');
    expect(row!.redactedBody).not.toContain('pw-123456');
    expect(await jobOf(id)).toMatchObject({ kind: DELIVER_JOB, status: 'queued' });
  });

  it('refuses a missing param and an attachment of another company', async () => {
    await expect(
      queueMail(
        t.database.db,
        { clock },
        {
          to: 'a@example.org',
          template: 'admin_invitation',
          params: { companyName: 'X' },
          language: 'de',
          companyId,
        },
      ),
    ).rejects.toThrow(/needs the parameter\(s\) invitedBy, code, expiresAt, registerUrl/);
    const other = await insertTestCompany(t.database.db, 'Andere AG');
    const documentId = await storeDocument(t.database.db, 'secret-'.padEnd(40, 'x'), {
      companyId: other,
      kind: 'welcome_letter',
      filename: 'brief.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.7'),
      createdBy: null,
      createdAt: clock.now(),
    });
    await expect(
      queueMail(
        t.database.db,
        { clock },
        {
          to: 'a@example.org',
          template: 'welcome_letter',
          params: { companyName: 'X', providerName: 'P', productName: 'C', portalUrl: 'u' },
          language: 'de',
          companyId,
          attachments: [{ documentId, filename: 'brief.pdf' }],
        },
      ),
    ).rejects.toThrow(/attachment document\(s\) not found/);
    expect(await count(outbox)).toBe(0);
  });
});

describe('delivery without a gateway', () => {
  it('keeps mail and SMS readable as "no_gateway" and finishes the job', async () => {
    const runner = worker(testConfig());
    const mailId = await activationMail();
    const smsId = await passwordSms();
    expect(await runner.drain()).toBe(2);
    const mail = await getOutboxMessage(t.database.db, mailId);
    expect(mail).toMatchObject({
      status: 'no_gateway',
      attempts: 1,
      lastError: null,
      sentAt: null,
    });
    expect(mail!.body).toContain(CODE);
    expect(mail!.subject).toBe('Ihr Freischaltcode für das Service-Portal');
    expect((await getOutboxMessage(t.database.db, smsId))!.status).toBe('no_gateway');
    expect((await jobOf(mailId))!.status).toBe('done');
    expect(outboxStatusLabel(mail!.status, 'de')).toBe('nicht versendet (kein Gateway)');
    expect(logs.text).not.toContain(CODE);
  });
});

describe('operator console and documents', () => {
  it('lists the outbox newest first, filtered and paged, without bodies', async () => {
    const other = await insertTestCompany(t.database.db, 'Andere AG');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await activationMail(`admin${i}@example.org`));
      clock.advance(1000);
    }
    ids.push(await passwordSms());
    clock.advance(1000);
    await queueSms(
      t.database.db,
      { clock },
      {
        to: '+4930123456',
        template: 'temporary_password',
        params: { username: 'x', password: 'pw-99999', expiresAt: 'bald' },
        language: 'de',
        companyId: other,
      },
    );

    const all = await listOutbox(t.database.db, { page: 1, pageSize: 2 });
    expect(all.total).toBe(5);
    expect(all.items).toHaveLength(2);
    expect(all.items[0]!.companyId).toBe(other);
    expect(all.items[1]!.id).toBe(ids[3]);
    expect(all.items[0]).not.toHaveProperty('body');
    expect(all.items[0]).not.toHaveProperty('redactedBody');

    const page2 = await listOutbox(t.database.db, { page: 2, pageSize: 2, channel: 'email' });
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.items.map((i) => i.id)).toEqual([ids[0]]);

    const mine = await listOutbox(t.database.db, { page: 1, pageSize: 10, companyId });
    expect(mine.total).toBe(4);
    const queuedSms = await listOutbox(t.database.db, {
      page: 1,
      pageSize: 10,
      status: 'queued',
      channel: 'sms',
      companyId: other,
    });
    expect(queuedSms.total).toBe(1);
    expect(await listOutbox(t.database.db, { page: 1, pageSize: 10, status: 'sent' })).toEqual({
      items: [],
      total: 0,
    });
    expect(await getOutboxMessage(t.database.db, 'not-a-uuid')).toBeNull();
  });

  it('stores documents encrypted and loads them only for their company', async () => {
    const secret = testConfig().secret;
    const content = Buffer.from(`%PDF-1.7 Einmal-Passwort ${CODE}`);
    const documentId = await storeDocument(t.database.db, secret, {
      companyId,
      kind: 'welcome_letter',
      filename: 'Willkommensbrief.pdf',
      contentType: 'application/pdf',
      content,
      createdBy: null,
      createdAt: clock.now(),
    });
    const [raw] = await t.database.db
      .select({ content: documents.content })
      .from(documents)
      .where(eq(documents.id, documentId));
    expect(raw!.content.includes(Buffer.from(CODE))).toBe(false);

    const loaded = await loadDocument(t.database.db, secret, { companyId, documentId });
    expect(loaded).toMatchObject({
      filename: 'Willkommensbrief.pdf',
      contentType: 'application/pdf',
    });
    expect(loaded!.content.equals(content)).toBe(true);
    const other = await insertTestCompany(t.database.db, 'Andere AG');
    expect(await loadDocument(t.database.db, secret, { companyId: other, documentId })).toBeNull();
    expect(await loadDocument(t.database.db, secret, { companyId, documentId: 'x' })).toBeNull();
  });
});
