// The sheet scanner on XML as spreadsheet programs write it: attributes in any layout, shared
// and inline strings, formulas with and without a cached value, errors, booleans, dates.
import { describe, expect, it } from 'vitest';
import { sharedStrings, sheetRows, XlsxError } from './sheet-rows.ts';

const sheet = (rows: string) =>
  `<?xml version="1.0"?><worksheet><sheetData>${rows}</sheetData></worksheet>`;
const read = (rows: string, shared: string[] = [], dates: boolean[] = [false, true]) =>
  sheetRows(sheet(rows), shared, dates, 100);

describe('sheet rows', () => {
  it('reads every kind of cell', () => {
    const rows = read(
      '<row r="2" spans="1:9">' +
        '<c r="A2" t="s"><v>1</v></c>' +
        '<c r="B2"><v>228123456</v></c>' +
        '<c r="C2" s="1"><v>47498</v></c>' +
        '<c r="D2" t="b"><v>1</v></c>' +
        '<c r="E2" t="e"><v>#N/A</v></c>' +
        '<c r="F2" t="str"><f>A2&amp;B2</f><v>x &amp; y</v></c>' +
        '<c r="G2"><f>1+1</f></c>' +
        '<c r="H2" t="inlineStr"><is><r><t>In</t></r><r><t xml:space="preserve">line </t></r><rPh sb="0" eb="1"><t>ruby</t></rPh></is></c>' +
        '<c r="I2" t="d"><v>2030-01-15T00:00:00</v></c>' +
        '</row>',
      ['zero', 'Anna'],
    );
    expect(rows).toEqual([
      {
        r: 2,
        cells: [
          'Anna',
          228123456,
          { kind: 'date', serial: 47498 },
          true,
          { kind: 'error', text: '#N/A' },
          'x & y',
          { kind: 'formula_without_value' },
          'Inline ',
          '2030-01-15T00:00:00',
        ],
      },
    ]);
  });

  it('reads attributes after line breaks and tabs, in single quotes, with spaces around "="', () => {
    const rows = read(
      "<row\n r='3'><c\n\tr='B3'\tt = \"s\"><v>0</v></c><c r=\"D3\" s='1'><v>2</v></c></row>",
      ['Bonn'],
    );
    expect(rows).toEqual([{ r: 3, cells: [null, 'Bonn', null, { kind: 'date', serial: 2 }] }]);
  });

  it('counts rows and columns without r attributes, skips empty rows and cells', () => {
    const rows = read(
      '<row><c><v>1</v></c><c/><c><v>3</v></c></row>' +
        '<row r="5"/>' +
        '<row><c t="s"><v>0</v></c></row>' +
        '<row r="9"><c r="A9" t="s"><v>1</v></c></row>',
      ['x', ''],
    );
    expect(rows).toEqual([
      { r: 1, cells: [1, null, 3] },
      { r: 6, cells: ['x'] },
    ]);
  });

  it('ends where a damaged sheet is cut off', () => {
    const cut =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2';
    expect(sheetRows(cut, [], [], 100)).toEqual([
      { r: 1, cells: [1] },
      { r: 2, cells: [2] },
    ]);
    for (let end = 20; end < cut.length; end++) {
      expect(() => sheetRows(cut.slice(0, end), [], [], 100)).not.toThrow();
    }
  });

  it('stops at the row limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`);
    expect(() => sheetRows(sheet(many.join('')), [], [], 4)).toThrow(XlsxError);
    expect(sheetRows(sheet(many.join('')), [], [], 5)).toHaveLength(5);
  });
});

describe('shared strings', () => {
  it('reads plain, rich and empty strings, without phonetic runs', () => {
    const xml =
      '<sst count="4"><si><t>Konferenz</t></si><si/><si><r><t>Gruppen</t></r><r><rPr><b/></rPr><t xml:space="preserve">funktion </t></r></si>' +
      '<si><t>M&amp;M_x000D_</t><rPh sb="0" eb="1"><t>em</t></rPh></si></sst>';
    expect(sharedStrings(xml)).toEqual(['Konferenz', '', 'Gruppenfunktion ', 'M&M\r']);
  });
});
