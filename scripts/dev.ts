// `npm run dev`: the API server with reload (port 3000) and Vite's dev server (port 5173, which
// proxies /api, /healthz and /metrics to the API). Stops both when either exits or on Ctrl+C.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const viteBin = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');

// Same effect as --env-file-if-exists=.env, which crashes `node --watch` on Ctrl+C when the file
// is missing and leaves the server running (nodejs/node#64819). Create .env → restart `npm run dev`.
const envFileArgs = existsSync(path.join(repoRoot, '.env')) ? ['--env-file=.env'] : [];

interface Child {
  name: string;
  process: ChildProcess;
}

function start(name: string, args: string[]): Child {
  // process.execPath: the Node 24 running this script, not whatever `node` is on PATH.
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  return { name, process: child };
}

const children: Child[] = [
  start('server', ['--watch', ...envFileArgs, 'server/src/main.ts']),
  start('web', [viteBin, '--config', 'web/vite.config.ts']),
];

let stopping = false;

function stopAll(signal: NodeJS.Signals): void {
  for (const { process: child } of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
  }
}

function shutdown(signal: NodeJS.Signals, exitCode: number): void {
  if (stopping) {
    return;
  }
  stopping = true;
  process.exitCode = exitCode;
  stopAll(signal);
  // A child that ignores the signal must not keep `npm run dev` alive forever.
  setTimeout(() => stopAll('SIGKILL'), 5_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => shutdown(signal, 0));
}

for (const { name, process: child } of children) {
  child.on('error', (error) => {
    console.error(`[dev] ${name} could not start: ${error.message}`);
    shutdown('SIGTERM', 1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? `code ${code ?? 0}`}); stopping the rest`);
    }
    shutdown('SIGTERM', code ?? (stopping ? 0 : 1));
  });
}
