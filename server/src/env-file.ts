import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Loads ./.env with Node's own loader when it exists. Variables already set in the environment
 * win over the file, as with `node --env-file`.
 */
export function loadDotEnv(file = path.resolve('.env')): boolean {
  if (!existsSync(file)) {
    return false;
  }
  process.loadEnvFile(file);
  return true;
}
