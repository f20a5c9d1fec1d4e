import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { usingPostgres } from '../../test/test-db.ts';
import { assignNumber } from './numbers.assign.ts';
import { createBlock } from './numbers.service.ts';

let t: TestApp;
let companyId: string;
beforeAll(async () => {
  t = await createTestApp();
  companyId = (await seedDemoData(t.ctx.database, t.clock, 'Demo-Passwort-2026')).companyId!;
  await createBlock(t.ctx, SYSTEM_ACTOR, companyId, {
    kind: 'block',
    number: '089 5555',
    extensionLength: 2,
  });
});
afterAll(() => t.close());

describe(`exclusive assignment under concurrency (${usingPostgres ? 'PostgreSQL pool' : 'PGlite'})`, () => {
  it('50 parallel assignments of one number: exactly one succeeds, the others get number_taken', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        assignNumber(t.ctx, SYSTEM_ACTOR, companyId, {
          number: '089 5555-42',
          target: { type: 'workplace', id: `wp-${i}` },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe('number_taken');
      expect((r.reason as AppError).params).toEqual({ number: '089 5555-42' });
    }
  });
});
