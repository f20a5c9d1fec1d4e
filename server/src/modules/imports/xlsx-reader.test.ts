import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, decode, isDateFormat } from './xlsx-reader.ts';
import { ZipArchive, ZipError } from './zip.ts';

/** A one-entry ZIP whose directory declares `declared` bytes for `data`. */
function zip(name: string, data: Buffer, declared: number): Buffer {
  const file = Buffer.from(name);
  const packed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + packed.length, 16);
  return Buffer.concat([local, file, packed, central, file, end]);
}

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ZipError ? err.problem : String(err);
  }
  return null;
};

describe('the guarded ZIP reader (zip bombs)', () => {
  it('reads an honest entry', () => {
    const data = Buffer.from('<sheetData/>');
    expect(new ZipArchive(zip('a.xml', data, data.length)).read('a.xml')).toEqual(data);
  });

  it('refuses from the directory alone: a huge declared size or ratio', () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    expect(problemOf(() => new ZipArchive(zip('a.xml', zeros, zeros.length)))).toBe('zip_bomb');
    expect(problemOf(() => new ZipArchive(zip('a.xml', Buffer.from('x'), 3_000_000_000)))).toBe(
      'zip_bomb',
    );
  });

  it('never inflates beyond the declared size (a lying header)', () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    const archive = new ZipArchive(zip('a.xml', zeros, 100));
    expect(problemOf(() => archive.read('a.xml'))).toBe('zip_bomb');
  });

  it('something that only starts like a ZIP is corrupt', () => {
    expect(problemOf(() => new ZipArchive(Buffer.from('PK\u0003\u0004 nothing else')))).toBe(
      'corrupt',
    );
  });
});

describe('cells', () => {
  it.each([
    ['A1', 0],
    ['Z9', 25],
    ['AA10', 26],
    ['AH2', 33],
  ])('%s is column %i', (ref, index) => {
    expect(columnIndex(ref)).toBe(index);
    expect(columnLetter(index)).toBe(ref.replace(/\d+/, ''));
  });

  it('decodes XML entities and the OOXML escape _xHHHH_', () => {
    expect(decode('M&amp;M &lt;b&gt; &#228;&#x00FC; Zeile_x000D_')).toBe('M&M <b> äü Zeile\r');
  });

  it.each([
    ['dd.mm.yyyy', true],
    ['DD.MM.YYYY', true],
    ['[$-407]d. mmmm yyyy;@', true],
    ['0.00', false],
    ['"Tag" 0', false],
    ['General', false],
    ['@', false],
  ])('number format %j shows a date: %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});
