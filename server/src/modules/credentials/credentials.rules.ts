// Pure rules of SIP device credentials: how usernames and passwords look, the HA1 digest, the
// provisioning address. Randomness comes from node:crypto; nothing here touches the database.
import { createHash, randomInt } from 'node:crypto';

/**
 * Letters and digits without the look-alikes 0/O, 1/I/l: phones accept them everywhere (no
 * characters that need escaping in SIP URIs or provisioning files) and people can copy them
 * from the screen onto a keypad.
 */
export const SIP_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** At least 128 bits of entropy: 22 characters from 57 symbols give about 128.3 bits. */
export const SIP_PASSWORD_LENGTH = Math.ceil(128 / Math.log2(SIP_PASSWORD_ALPHABET.length));

/** Entropy in bits of a password drawn uniformly from the alphabet. */
export const sipPasswordEntropyBits = (length = SIP_PASSWORD_LENGTH) =>
  length * Math.log2(SIP_PASSWORD_ALPHABET.length);

/** A new random SIP password. */
export function generateSipPassword(): string {
  let out = '';
  for (let i = 0; i < SIP_PASSWORD_LENGTH; i += 1) {
    out += SIP_PASSWORD_ALPHABET[randomInt(SIP_PASSWORD_ALPHABET.length)];
  }
  return out;
}

/** Digits only, so it can be typed on any desk phone's keypad; never starts with 0. */
export const SIP_USERNAME_DIGITS = 12;

/** A new random SIP username (the caller checks it is unused). */
export function generateSipUsername(): string {
  let out = String(1 + randomInt(9));
  for (let i = 1; i < SIP_USERNAME_DIGITS; i += 1) {
    out += String(randomInt(10));
  }
  return out;
}

/** The digest the registrar checks (RFC 2617): MD5(username:realm:password), lower-case hex. */
export function sipHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`).digest('hex');
}

/**
 * Where a desk phone fetches its configuration: `<base>/provisioning/<mac>.cfg` with the MAC in
 * lower-case hex without separators, or the device id while no MAC is known.
 */
export function provisioningUrl(
  baseUrl: string,
  device: { id: string; macAddress: string | null },
): string {
  const mac = device.macAddress?.toLowerCase().replace(/[^0-9a-f]/g, '') ?? '';
  const name = mac.length === 12 ? mac : device.id;
  return `${baseUrl.replace(/\/+$/, '')}/provisioning/${encodeURIComponent(name)}.cfg`;
}
