import { describe, expect, it } from 'vitest';
import { readUpload, UploadError } from './upload-reader.ts';

const rowsOf = (bytes: Buffer) =>
  readUpload(bytes, { maxRows: 10 }).rows.map((r) => [r.r, r.cells]);

describe('CSV uploads as spreadsheet programs save them', () => {
  it('UTF-8 with BOM, semicolons', () => {
    expect(rowsOf(Buffer.from('\uFEFFVorname;Straße\r\nJürgen;Hauptstraße 1\r\n'))).toEqual([
      [1, ['Vorname', 'Straße']],
      [2, ['Jürgen', 'Hauptstraße 1']],
    ]);
  });

  it('UTF-8 without BOM, commas, a quoted line break keeps the row numbers of the sheet', () => {
    expect(rowsOf(Buffer.from('a,b\n"x\ny",2\n\nz,3\n'))).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '2']],
      [4, ['z', '3']],
    ]);
  });

  it('Windows-1252 (German Excel "CSV (Trennzeichen-getrennt)") and UTF-16 with BOM', () => {
    expect(rowsOf(Buffer.from('Name;Ort\nMüller;Köln\n', 'latin1'))[1]).toEqual([
      2,
      ['Müller', 'Köln'],
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('a\tb\nc\td\n', 'utf16le'),
    ]);
    expect(rowsOf(utf16)).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
  });

  it('too many rows stops reading at once', () => {
    const text = ['h;i', ...Array.from({ length: 20 }, (_, i) => `${i};x`)].join('\n');
    expect(() => readUpload(Buffer.from(text), { maxRows: 5 })).toThrow(UploadError);
  });
});
