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
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(head);
    return m ? (m[1] ?? '') : null;
  }
  i += key.length;
  return head.slice(i, head.indexOf('"', i));
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
