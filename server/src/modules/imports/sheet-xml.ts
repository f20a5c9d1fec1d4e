// Small helpers for the sheet XML: cell references, attributes, entities.

/** "AB12" → 27 (0-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      n = n * 26 + (c - 64);
    } else if (c >= 97 && c <= 122) {
      n = n * 26 + (c - 96);
    } else {
      break;
    }
  }
  return n - 1;
}

/** 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The value of an attribute in an element's head (the text between its name and ">"). */
export function attr(head: string, name: string): string | null {
  const key = ` ${name}="`;
  let i = head.indexOf(key);
  if (i < 0) {
    // Attributes may follow a line break or tab instead of a space.
    if (!head.includes('\n') && !head.includes('\t') && !head.includes('\r')) {
      return null;
    }
    const m = attributePattern(name).exec(head);
    return m ? (m[1] ?? '') : null;
  }
  i += key.length;
  return head.slice(i, head.indexOf('"', i));
}

const patterns = new Map<string, RegExp>();

function attributePattern(name: string): RegExp {
  let pattern = patterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name}="([^"]*)"`);
    patterns.set(name, pattern);
  }
  return pattern;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and the OOXML escape _xHHHH_ (control characters in strings). */
export function decode(value: string): string {
  let out = value;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e] ?? ''),
    );
  }
  if (out.includes('_x')) {
    out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
  return out;
}

// Reading an element head in place (the sheet scanner): character codes, no substrings.

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOS = 39;

const isSpace = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;

/** Whether the element name that started before `at` ends there (`<c` but not `<col`). */
export function nameEnds(xml: string, at: number): boolean {
  const c = xml.charCodeAt(at);
  return c === GT || c === SLASH || isSpace(c);
}

/** Where an attribute's name and value are in the XML text. */
export interface Attribute {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * Reads the next attribute of an element head (between its name and ">") into `out`; returns
 * where to go on, or -1 when there is none. XML allows either quote.
 */
export function nextAttribute(xml: string, from: number, end: number, out: Attribute): number {
  let i = from;
  while (i < end && isSpace(xml.charCodeAt(i))) {
    i++;
  }
  const nameStart = i;
  while (i < end && xml.charCodeAt(i) !== EQUALS && !isSpace(xml.charCodeAt(i))) {
    i++;
  }
  const nameEnd = i;
  while (i < end && xml.charCodeAt(i) !== EQUALS) {
    i++;
  }
  i++;
  while (i < end && isSpace(xml.charCodeAt(i))) {
    i++;
  }
  const quote = xml.charCodeAt(i);
  if (i >= end || (quote !== QUOTE && quote !== APOS)) {
    return -1;
  }
  const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
  if (close < 0 || close > end) {
    return -1;
  }
  out.nameStart = nameStart;
  out.nameEnd = nameEnd;
  out.valueStart = i + 1;
  out.valueEnd = close;
  return close + 1;
}

/** The 1-letter attribute name at the bounds (r, t, s …), or 0 for longer names. */
export const shortName = (xml: string, a: Attribute) =>
  a.nameEnd - a.nameStart === 1 ? xml.charCodeAt(a.nameStart) : 0;

/** A non-negative integer written at the bounds, or NaN. */
export function integerAt(xml: string, start: number, end: number): number {
  if (start >= end || end - start > 15) {
    return Number.NaN;
  }
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return Number.NaN;
    }
    n = n * 10 + d;
  }
  return n;
}

/** "AB12" at the bounds → 27 (0-based column); -1 without letters. */
export function columnAt(xml: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      n = n * 26 + (c - 64);
    } else if (c >= 97 && c <= 122) {
      n = n * 26 + (c - 96);
    } else {
      break;
    }
  }
  return n - 1;
}
