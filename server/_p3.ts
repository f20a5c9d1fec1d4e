import { sql } from 'drizzle-orm';
const t0 = performance.now();
const lap = (l: string) => console.log(l, Math.round(performance.now() - t0));
const { openPglite } = await import('./src/db/client.ts'); lap('import');
const db = await openPglite({}); lap('open mem');
for (let i = 0; i < 200; i++) await db.db.execute(sql`select 1`);
lap('200 selects');
await db.close(); lap('closed');
