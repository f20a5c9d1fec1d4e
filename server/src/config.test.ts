import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, parseEnv } from './config.ts';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.ZENTRALE_DEMO).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['SMS_GATEWAY_URL', 'gateway'],
    ['ZENTRALE_SECRET', 'too-short'],
    ['ZENTRALE_DEMO', 'maybe'],
    ['ZENTRALE_DEMO_PASSWORD', 'short'],
    ['DATABASE_POOL_MAX', '0'],
    ['METRICS_TOKEN', 'abc'],
  ])('a bad %s (%j) is refused with a message naming it', (variable, value) => {
    let caught: unknown;
    try {
      parseEnv({ [variable]: value });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.map((p) => p.variable)).toContain(variable);
    expect(error.message).toContain(variable);
  });

  it('requires ZENTRALE_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/ZENTRALE_SECRET/);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', ZENTRALE_SECRET: 's'.repeat(32) }),
    ).not.toThrow();
  });

  it('reports every bad variable at once', () => {
    try {
      parseEnv({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
        'LOG_LEVEL',
        'PORT',
      ]);
    }
  });
});

describe('configFromEnv', () => {
  it('derives the public URL from host and port unless PUBLIC_URL is set', () => {
    expect(configFromEnv(parseEnv({ PORT: '8080' }), 's').publicUrl).toBe('http://127.0.0.1:8080');
    expect(configFromEnv(parseEnv({ HOST: '0.0.0.0' }), 's').publicUrl).toBe(
      'http://127.0.0.1:3000',
    );
    expect(
      configFromEnv(parseEnv({ PUBLIC_URL: 'https://portal.example.org/' }), 's').publicUrl,
    ).toBe('https://portal.example.org');
  });
});
