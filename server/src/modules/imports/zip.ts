// A guarded ZIP reader for uploaded .xlsx files. The central directory is read and checked BEFORE
// anything is inflated: entry count, the declared uncompressed sizes (each and in total) and the
// compression ratio; inflating is then capped at the declared size, so a lying header cannot
// blow up either. Only "stored" and "deflate" entries exist in OOXML files.
import { inflateRawSync } from 'node:zlib';

export type ZipProblem = 'corrupt' | 'encrypted' | 'zip_bomb';

export class ZipError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, detail: string) {
    super(detail);
    this.name = 'ZipError';
    this.problem = problem;
  }
}

export interface ZipLimits {
  /** At most this many entries (an .xlsx has a few dozen). */
  maxEntries: number;
  /** Sum of all declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Highest allowed uncompressed/compressed ratio for entries above 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** verifyAll keeps at most this many inflated bytes for the reads that follow. */
const KEEP_MAX_BYTES = 32 * 1024 * 1024;

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** True when the bytes start like a ZIP archive (local header or an empty archive). */
export const looksLikeZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly buf: Buffer;
  private readonly inflated = new Map<string, Buffer>();

  constructor(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory(limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated with the declared size as hard cap. */
  read(name: string): Buffer | null {
    const known = this.inflated.get(name);
    if (known) {
      return known;
    }
    const entry = this.entries.get(name);
    if (!entry) {
      return null;
    }
    const buf = this.buf;
    const at = entry.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOC) {
      throw new ZipError('corrupt', `bad local header of ${name}`);
    }
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buf.length) {
      throw new ZipError('corrupt', `${name} runs past the end of the file`);
    }
    const data = buf.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) {
        throw new ZipError('corrupt', `stored entry ${name} with two sizes`);
      }
      return data;
    }
    let out: Buffer;
    try {
      // One byte more than declared: a larger result proves the header lied.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError('zip_bomb', `${name} inflates beyond its declared size`);
      }
      throw new ZipError('corrupt', `${name} does not inflate`);
    }
    if (out.length !== entry.size) {
      throw new ZipError(
        out.length > entry.size ? 'zip_bomb' : 'corrupt',
        `${name}: ${out.length} bytes, ${entry.size} declared`,
      );
    }
    return out;
  }

  /**
   * Inflates every entry once (caps as in read): afterwards any ZIP library may open the file.
   * The parts `keep` names are kept (up to 32 MB in all), so that reading them next costs nothing.
   */
  verifyAll(keep: (name: string) => boolean = () => false): void {
    let kept = 0;
    for (const name of this.entries.keys()) {
      const data = this.read(name);
      if (data && keep(name) && kept + data.length <= KEEP_MAX_BYTES) {
        kept += data.length;
        this.inflated.set(name, data);
      }
    }
  }

  private readDirectory(limits: ZipLimits): void {
    const buf = this.buf;
    const eocd = findEocd(buf);
    if (eocd < 0) {
      throw new ZipError('corrupt', 'no end of central directory');
    }
    const count = buf.readUInt16LE(eocd + 10);
    const dirSize = buf.readUInt32LE(eocd + 12);
    const dirOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) {
      // ZIP64: never needed for an upload of a few megabytes.
      throw new ZipError('corrupt', 'zip64 archives are not accepted');
    }
    if (count > limits.maxEntries) {
      throw new ZipError('zip_bomb', `${count} entries`);
    }
    if (dirOffset + dirSize > eocd) {
      throw new ZipError('corrupt', 'central directory out of range');
    }
    let at = dirOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== CEN) {
        throw new ZipError('corrupt', 'bad central directory entry');
      }
      const flags = buf.readUInt16LE(at + 8);
      const method = buf.readUInt16LE(at + 10);
      const compressedSize = buf.readUInt32LE(at + 20);
      const size = buf.readUInt32LE(at + 24);
      const nameLength = buf.readUInt16LE(at + 28);
      const extraLength = buf.readUInt16LE(at + 30);
      const commentLength = buf.readUInt16LE(at + 32);
      const localOffset = buf.readUInt32LE(at + 42);
      const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (flags & 0x1) {
        throw new ZipError('encrypted', `${name} is encrypted`);
      }
      if (method !== 0 && method !== 8) {
        throw new ZipError('corrupt', `${name}: compression method ${method}`);
      }
      if (compressedSize === 0xffffffff || size === 0xffffffff) {
        throw new ZipError('corrupt', 'zip64 entries are not accepted');
      }
      total += size;
      if (total > limits.maxTotalBytes) {
        throw new ZipError('zip_bomb', `more than ${limits.maxTotalBytes} bytes uncompressed`);
      }
      if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > limits.maxRatio) {
        throw new ZipError('zip_bomb', `${name} compresses ${Math.round(size / compressedSize)}:1`);
      }
      if (localOffset >= buf.length) {
        throw new ZipError('corrupt', `${name}: local header out of range`);
      }
      if (!name.endsWith('/')) {
        this.entries.set(name.replace(/^\//, ''), {
          name,
          method,
          compressedSize,
          size,
          localOffset,
        });
      }
    }
  }
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      return i;
    }
  }
  return -1;
}
