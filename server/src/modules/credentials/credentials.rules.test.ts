import { describe, expect, it } from 'vitest';
import {
  generateSipPassword,
  generateSipUsername,
  provisioningUrl,
  SIP_PASSWORD_ALPHABET,
  SIP_PASSWORD_LENGTH,
  sipHa1,
  sipPasswordEntropyBits,
} from './credentials.rules.ts';

describe('SIP passwords', () => {
  it('have at least 128 bits of entropy', () => {
    expect(sipPasswordEntropyBits()).toBeGreaterThanOrEqual(128);
    expect(generateSipPassword()).toHaveLength(SIP_PASSWORD_LENGTH);
  });

  it('use only letters and digits phones accept, without look-alikes', () => {
    expect(SIP_PASSWORD_ALPHABET).toMatch(/^[A-Za-z0-9]+$/);
    expect(SIP_PASSWORD_ALPHABET).not.toMatch(/[0O1Il]/);
    expect(new Set(SIP_PASSWORD_ALPHABET).size).toBe(SIP_PASSWORD_ALPHABET.length);
    for (let i = 0; i < 50; i += 1) {
      expect(generateSipPassword()).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    }
  });

  it('are different every time', () => {
    const seen = new Set(Array.from({ length: 200 }, generateSipPassword));
    expect(seen.size).toBe(200);
  });
});

describe('SIP usernames', () => {
  it('are 12 digits, typed on any keypad, never starting with 0', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(generateSipUsername()).toMatch(/^[1-9]\d{11}$/);
    }
  });
});

describe('HA1', () => {
  it('is MD5(username:realm:password) as in RFC 2617', () => {
    expect(sipHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life')).toBe(
      '939e7578ed9e3c518a452acee763bce9',
    );
  });
});

describe('provisioning URL of desk phones', () => {
  const id = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
  it.each([
    ['00:15:65:AB:CD:EF', 'https://p.example/provisioning/001565abcdef.cfg'],
    ['00-15-65-ab-cd-ef', 'https://p.example/provisioning/001565abcdef.cfg'],
    [null, `https://p.example/provisioning/${id}.cfg`],
  ])('MAC %j → %s', (mac, url) => {
    expect(provisioningUrl('https://p.example/', { id, macAddress: mac })).toBe(url);
  });
});
