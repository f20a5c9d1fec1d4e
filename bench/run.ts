// `npm run bench -- <name>`: runs bench/<name>.ts and prints its figures.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'stats.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !existsSync(path.join(dir, `${name}.ts`)) || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ')})`);
  process.exit(2);
}
const mod = (await import(`./${name}.ts`)) as { run: () => Promise<void> };
await mod.run();
