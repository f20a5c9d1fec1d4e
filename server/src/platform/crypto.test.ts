import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, hmacCode, numericCode, readableCode, safeEqual } from './crypto.ts';

const secret = 's'.repeat(40);

describe('crypto', () => {
  it('encrypts and decrypts; a wrong secret or a flipped bit fails', () => {
    const sealed = encrypt(secret, 'Grüße, Geheimnis');
    expect(sealed.toString('utf8')).not.toContain('Geheimnis');
    expect(decrypt(secret, sealed).toString('utf8')).toBe('Grüße, Geheimnis');
    expect(() => decrypt('t'.repeat(40), sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decrypt(secret, tampered)).toThrow();
  });

  it('hashes codes independent of case, spaces and dashes', () => {
    expect(hmacCode(secret, 'abcd-efgh')).toBe(hmacCode(secret, 'ABCD EFGH'));
    expect(hmacCode(secret, 'ABCDEFGH')).not.toBe(hmacCode('x'.repeat(40), 'ABCDEFGH'));
  });

  it('makes readable and numeric codes of the requested shape', () => {
    expect(readableCode()).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(numericCode(8)).toMatch(/^\d{8}$/);
    expect(new Set(Array.from({ length: 50 }, () => readableCode())).size).toBe(50);
  });

  it('compares in constant time', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
