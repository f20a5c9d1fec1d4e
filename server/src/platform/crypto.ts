import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

const VERSION = 1;

const keys = new Map<string, Buffer>();

/** HKDF once per secret and purpose (an installation has one secret; bounded all the same). */
function deriveKey(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= 16) {
      keys.clear();
    }
    key = Buffer.from(hkdfSync('sha256', secret, 'zentrale', purpose, 32));
    keys.set(id, key);
  }
  return key;
}

/** AES-256-GCM with a key derived from the installation secret: version ‖ iv ‖ tag ‖ ciphertext. */
export function encrypt(secret: string, plaintext: Buffer | string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, 'data-v1'), iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function decrypt(secret: string, sealed: Buffer): Buffer {
  if (sealed[0] !== VERSION || sealed.length < 29) {
    throw new Error('unknown ciphertext format');
  }
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveKey(secret, 'data-v1'),
    sealed.subarray(1, 13),
  );
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

/** Keyed hash for one-time codes: lookups by value without storing the value. */
export function hmacCode(secret: string, code: string): string {
  return createHmac('sha256', deriveKey(secret, 'codes-v1'))
    .update(normalizeCode(code))
    .digest('hex');
}

/** Codes are compared without spaces, dashes and case, as people type them from paper. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// No 0/O, 1/I/L: letter codes are typed from paper.
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random code from an unambiguous alphabet, grouped in fours: "K7QX-M2PD-…". */
export function readableCode(groups = 4): string {
  const chars = Array.from({ length: groups * 4 }, () => READABLE[randomInt(READABLE.length)]);
  return Array.from({ length: groups }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}

export function numericCode(digits = 8): string {
  return Array.from({ length: digits }, () => String(randomInt(10))).join('');
}

/** An opaque random token (sessions, API tokens), URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
