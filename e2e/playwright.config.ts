import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD } from './demo.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
// E2E_PORT lets two runs (a developer's and a CI check) share one machine.
const port = Number(process.env.E2E_PORT ?? 3100);
const ownServer = process.env.E2E_BASE_URL === undefined;

// Playwright loads this file in the runner and again in every worker; the workers inherit the
// runner's environment, so only the runner creates (and at exit removes) the data directory.
if (process.env.E2E_DATA_DIR === undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zentrale-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

const serverEnv: Record<string, string> = {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: process.env.E2E_DATA_DIR,
  LOG_LEVEL: 'warn',
  // The demo logins (operator, demo-admin) get a known password for the browser tests.
  ZENTRALE_DEMO_PASSWORD: DEMO_PASSWORD,
};
if (process.env.ZENTRALE_WEB_DIR !== undefined) {
  serverEnv.ZENTRALE_WEB_DIR = process.env.ZENTRALE_WEB_DIR;
}
if (process.env.DATABASE_URL !== undefined) {
  serverEnv.DATABASE_URL = process.env.DATABASE_URL;
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: path.join(repoRoot, 'test-results/e2e.json') }]],
  outputDir: path.join(repoRoot, 'test-results/e2e-artifacts'),
  use: {
    baseURL: process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`,
    headless: true,
    locale: 'de-DE',
    // No transitions: axe would otherwise measure contrast on half-faded dialogs.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: ownServer
    ? {
        // process.execPath: the Node 24 that runs Playwright, not whatever `node` is on PATH.
        command: `"${process.execPath}" server/src/main.ts`,
        cwd: repoRoot,
        env: serverEnv,
        url: `http://127.0.0.1:${port}/healthz`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
