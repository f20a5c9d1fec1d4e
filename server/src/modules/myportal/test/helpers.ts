// Small helpers of the MyPortal integration tests: the newest outbox message and the temporary
// password in it.
import { and, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outbox } from '../../../db/schema/index.ts';
import type { TestApp } from '../../../test/test-app.ts';

/** The readable temporary password: three groups of four without 0/O/1/I. */
export const TEMP_PASSWORD = /[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/;

export async function messagesTo(t: TestApp, recipient: string) {
  return t.ctx.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, recipient))
    .orderBy(desc(outbox.createdAt), desc(outbox.id));
}

/** The temporary password of the newest temporary_password message on a channel to a recipient. */
export async function temporaryPasswordSentTo(
  t: TestApp,
  channel: 'sms' | 'email',
  recipient: string,
): Promise<string> {
  const rows = await t.ctx.database.db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.recipient, recipient),
        eq(outbox.channel, channel),
        eq(outbox.template, 'temporary_password'),
      ),
    )
    .orderBy(desc(outbox.createdAt));
  const body = rows[0]?.body ?? '';
  const match = TEMP_PASSWORD.exec(body);
  expect(match, `temporary password by ${channel} to ${recipient}`).not.toBeNull();
  return match![0];
}
