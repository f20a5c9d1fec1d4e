// Time from process start to the first 200 on /healthz, cold (empty data dir) and warm
// (existing data dir), next to a bare `node -e 0` measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnServer } from '../server/src/test/processes.ts';
import { percentile, round, summary } from './stats.ts';

const RUNS_BARE = 10;
const RUNS_COLD = 3;
const RUNS_WARM = 7;

function bareNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - started));
  });
}

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnServer({
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ZENTRALE_WORKERS: 'true',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) {
          return performance.now() - started;
        }
      } catch {
        // not yet listening
      }
      if (server.child.exitCode !== null) {
        throw new Error(`server exited early: ${server.stderr()}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

export async function run(): Promise<void> {
  const bare: number[] = [];
  for (let i = 0; i < RUNS_BARE; i++) {
    bare.push(await bareNode());
  }
  const cold: number[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < RUNS_COLD; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'zt-bench-startup-'));
    dirs.push(dir);
    cold.push(await timeToHealthy(dir));
  }
  const warm: number[] = [];
  for (let i = 0; i < RUNS_WARM; i++) {
    warm.push(await timeToHealthy(dirs[0]!));
  }
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));

  const bareP50 = percentile(bare, 50);
  const rows = [
    ['node -e 0 (baseline)', bare],
    ['cold start (empty DATA_DIR)', cold],
    ['warm start (existing DATA_DIR)', warm],
  ] as const;
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'}`);
  console.log('what                              runs    p50 ms    max ms   × baseline');
  for (const [label, samples] of rows) {
    console.log(
      `${label.padEnd(34)}${String(samples.length).padStart(4)}${round(percentile(samples, 50))
        .toString()
        .padStart(10)}${round(Math.max(...samples))
        .toString()
        .padStart(10)}${round(percentile(samples, 50) / bareP50)
        .toString()
        .padStart(13)}`,
    );
  }
  summary('startup', {
    node_bare_p50_ms: round(bareP50),
    cold_p50_ms: round(percentile(cold, 50)),
    warm_p50_ms: round(percentile(warm, 50)),
    cold_ratio: round(percentile(cold, 50) / bareP50),
    warm_ratio: round(percentile(warm, 50) / bareP50),
  });
}
