const t0 = performance.now();
const lap = (l: string) => console.log(l, Math.round(performance.now() - t0));
const { createTestDb } = await import('./src/test/test-db.ts'); lap('import');
const db = await createTestDb(); lap('testdb');
await db.close(); lap('closed');
