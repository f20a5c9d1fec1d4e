import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDotEnv } from './env-file.ts';

describe('loadDotEnv', () => {
  it('loads variables from .env without overriding the environment', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zt-env-')), '.env');
    writeFileSync(file, 'ZT_ENV_TEST_A=from-file\nZT_ENV_TEST_B=from-file\n');
    process.env.ZT_ENV_TEST_B = 'from-env';
    expect(loadDotEnv(file)).toBe(true);
    expect(process.env.ZT_ENV_TEST_A).toBe('from-file');
    expect(process.env.ZT_ENV_TEST_B).toBe('from-env');
  });

  it('does nothing without a file', () => {
    expect(loadDotEnv(path.join(tmpdir(), 'does-not-exist', '.env'))).toBe(false);
  });
});
