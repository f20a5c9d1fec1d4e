import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from './db/lock.ts';
import { freePort, spawnServer, waitForOk } from './test/processes.ts';
import { createPostgresDatabase } from './test/test-db.ts';

describe('start-up (node server/src/main.ts)', () => {
  it.each([
    ['PORT', 'abc'],
    ['LOG_LEVEL', 'chatty'],
    ['DATABASE_URL', 'mysql://x/y'],
    ['SMTP_URL', 'not-a-url'],
  ])('a bad %s stops start-up with a message naming it', async (variable, value) => {
    const server = spawnServer({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zt-')),
      [variable]: value,
    });
    expect(await server.exited).toBe(78);
    expect(server.stderr()).toContain(`${variable}:`);
    expect(server.stdout()).not.toContain('Zentrale läuft');
  });

  it('serves /healthz, seeds the demo once, and guards the data directory with a lock', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zt-main-'));
    const port = await freePort();
    const pg = process.env.DATABASE_URL
      ? await createPostgresDatabase(process.env.DATABASE_URL)
      : null;
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    };
    const first = spawnServer(env);
    try {
      await waitForOk(`http://127.0.0.1:${port}/healthz`);
      const meta = (await (await fetch(`http://127.0.0.1:${port}/api/v1/meta`)).json()) as {
        providerName: string;
      };
      expect(meta.providerName).toBe('Demo-Carrier');
      expect(first.stdout()).toContain(`http://127.0.0.1:${port}/`);
      expect(first.stdout()).toContain('Demo-Daten angelegt');

      if (!process.env.DATABASE_URL) {
        expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
        const second = spawnServer({ ...env, PORT: String(await freePort()) });
        expect(await second.exited).toBe(75);
        expect(second.stderr()).toContain('wird bereits von Prozess');
        expect(second.stderr()).toContain(String(first.child.pid));
      }
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    // A restart on the same data seeds nothing twice.
    const again = spawnServer(env);
    try {
      await waitForOk(`http://127.0.0.1:${port}/healthz`);
      expect(again.stdout()).not.toContain('Demo-Daten angelegt');
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await again.exited).toBe(0);
    await pg?.drop();
  });
});
