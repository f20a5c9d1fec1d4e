import { describe, expect, it } from 'vitest';
import { diff, withoutSecrets } from './audit.ts';

describe('withoutSecrets', () => {
  it('masks secret-looking fields at any depth and keeps the rest', () => {
    expect(
      withoutSecrets({
        username: 'anna',
        dialCode: '2',
        password: 'x',
        nested: {
          sipPassword: 'y',
          ha1: 'z',
          apiToken: 't',
          code: 'c',
          list: [{ pin: '1234', name: 'ok' }],
        },
        when: new Date('2026-01-01T00:00:00Z'),
      }),
    ).toEqual({
      username: 'anna',
      dialCode: '2',
      password: '[redacted]',
      nested: {
        sipPassword: '[redacted]',
        ha1: '[redacted]',
        apiToken: '[redacted]',
        code: '[redacted]',
        list: [{ pin: '[redacted]', name: 'ok' }],
      },
      when: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('diff', () => {
  it('keeps only changed fields', () => {
    expect(diff({ a: 1, b: [1], c: 'x' }, { a: 1, b: [1, 2], c: 'y', d: true })).toEqual({
      before: { b: [1], c: 'x', d: undefined },
      after: { b: [1, 2], c: 'y', d: true },
    });
  });
});
