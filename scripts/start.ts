// `npm start`: builds the web app when its sources changed since the last build, then runs the
// server in this process. A fresh clone needs nothing but `npm ci` first.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = path.join(root, 'dist/web');
const stampFile = path.join(distDir, '.build-hash');
const inputs = ['web', 'common/src', 'package-lock.json'];

function hashInputs(): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const full = path.join(root, rel);
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry !== 'node_modules' && !entry.endsWith('.test.ts')) {
          visit(path.join(rel, entry));
        }
      }
      return;
    }
    hash.update(rel).update('\0').update(readFileSync(full));
  };
  inputs.forEach(visit);
  return hash.digest('hex');
}

const wanted = hashInputs();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (wanted !== built || !existsSync(path.join(distDir, 'index.html'))) {
  console.log('Web-Oberfläche wird gebaut (vite build) …');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error('Der Bau der Web-Oberfläche ist fehlgeschlagen (npm run build zeigt Details).');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, wanted + '\n');
}

await import('../server/src/main.ts');
