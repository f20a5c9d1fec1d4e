import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.ts';
import { OuterHandleInTransactionError, rowsOf } from './client.ts';
import { providers } from './schema/index.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('Database.transaction', () => {
  it('commits what the tx handle wrote', async () => {
    const id = await t.database.transaction(async (tx) => {
      const rows = await tx
        .insert(providers)
        .values({ name: 'A', productName: 'P' })
        .returning({ id: providers.id });
      return rows[0]!.id;
    });
    const found = await t.database.db.select().from(providers).where(eq(providers.id, id));
    expect(found).toHaveLength(1);
  });

  it('rolls back when the callback throws', async () => {
    await expect(
      t.database.transaction(async (tx) => {
        await tx.insert(providers).values({ name: 'rollback-me', productName: 'P' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await t.database.db
      .select()
      .from(providers)
      .where(eq(providers.name, 'rollback-me'));
    expect(found).toHaveLength(0);
  });

  it.each(['select', 'insert', 'update', 'delete', 'execute', 'transaction'] as const)(
    'using the outer handle (db.%s) inside a transaction fails loudly instead of deadlocking',
    async (method) => {
      await expect(
        t.database.transaction(async () => {
          // Touching the property is enough to trip the guard.
          void (t.database.db as unknown as Record<string, unknown>)[method];
          return Promise.resolve();
        }),
      ).rejects.toBeInstanceOf(OuterHandleInTransactionError);
    },
  );

  it('a nested Database.transaction() call is refused too', async () => {
    await expect(
      t.database.transaction(() => t.database.transaction(() => Promise.resolve(1))),
    ).rejects.toBeInstanceOf(OuterHandleInTransactionError);
  });

  it('the outer handle works again after the transaction and in parallel code outside it', async () => {
    const outside = t.database.db.execute(sql`select 1 as n`);
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`select 2 as n`);
    });
    expect(rowsOf<{ n: number }>(await outside)[0]?.n).toBe(1);
    expect(await t.database.ping()).toBe(true);
  });
});
