// Number search of seed 001 ("Rufnummernübersicht filtern / Nach Rufnummern suchen"): "0xy…" and
// "+49xy…" match from the start, "*digits" anywhere ("*030" finds 022863803058). Matches are
// computed arithmetically on ranges, so a block with a million numbers needs no rows.

export type NumberSearch = { mode: 'prefix' | 'contains'; digits: string };

/**
 * Reads a search input; separators are ignored. Returns null for input that holds no digits or
 * characters other than digits, separators, a leading "+" or "*".
 */
export function parseNumberSearch(input: string): NumberSearch | null {
  const compact = input.trim().replace(/[\s/().\-–]/g, '');
  if (compact.startsWith('*')) {
    const digits = compact.slice(1);
    return /^\d+$/.test(digits) ? { mode: 'contains', digits } : null;
  }
  let digits = compact;
  if (digits.startsWith('+49')) {
    digits = `0${digits.slice(3)}`;
  } else if (digits.startsWith('0049')) {
    digits = `0${digits.slice(4)}`;
  }
  if (!/^\d+$/.test(digits)) {
    return null;
  }
  // A search that does not start with 0 cannot mean an area code: it matches anywhere.
  return { mode: digits.startsWith('0') ? 'prefix' : 'contains', digits };
}

/** A set of suffixes x in [0, 10^m): the digits at [offset, offset+len) spell `value`. */
interface FixedDigits {
  offset: number;
  len: number;
  value: number;
}

/** The constraint sets whose union is "head + suffix matches the search". */
function constraintSets(
  head: string,
  m: number,
  search: NumberSearch,
): FixedDigits[] | 'all' | 'none' {
  const q = search.digits;
  if (search.mode === 'prefix') {
    if (q.length <= head.length) {
      return head.startsWith(q) ? 'all' : 'none';
    }
    if (!q.startsWith(head) || q.length - head.length > m) {
      return 'none';
    }
    const rest = q.slice(head.length);
    return [{ offset: 0, len: rest.length, value: Number(rest) }];
  }
  if (head.includes(q)) {
    return 'all';
  }
  const sets: FixedDigits[] = [];
  // The match starts in the head and ends in the suffix.
  for (let k = 1; k < q.length; k++) {
    const rest = q.slice(k);
    if (head.endsWith(q.slice(0, k)) && rest.length <= m) {
      sets.push({ offset: 0, len: rest.length, value: Number(rest) });
    }
  }
  // The match lies inside the suffix.
  for (let j = 0; j + q.length <= m; j++) {
    sets.push({ offset: j, len: q.length, value: Number(q) });
  }
  return sets.length > 0 ? sets : 'none';
}

/** The smallest element ≥ s of one constraint set, or null. */
function nextIn(set: FixedDigits, m: number, s: number): number | null {
  const block = 10 ** (m - set.offset); // span of one value of the leading free digits
  const unit = 10 ** (m - set.offset - set.len); // span of the trailing free digits
  const blocks = 10 ** set.offset;
  let hi = Math.floor(s / block);
  while (hi < blocks) {
    const start = hi * block + set.value * unit;
    const end = start + unit; // exclusive
    if (s < start) {
      return start;
    }
    if (s < end) {
      return s;
    }
    hi++;
    s = hi * block;
  }
  return null;
}

/**
 * Indexes (ascending) of the suffixes of length m after `head` that match the search, starting
 * at `from`, at most `limit`. head + suffix is the number as the user sees it ("0" + national).
 */
export function matchingSuffixes(
  head: string,
  m: number,
  search: NumberSearch,
  from = 0,
  limit = 50,
): number[] {
  const total = 10 ** m;
  const sets = constraintSets(head, m, search);
  const out: number[] = [];
  if (sets === 'none') {
    return out;
  }
  let s = from;
  while (s < total && out.length < limit) {
    let best: number | null;
    if (sets === 'all') {
      best = s;
    } else {
      best = null;
      for (const set of sets) {
        const candidate = nextIn(set, m, s);
        if (candidate !== null && (best === null || candidate < best)) {
          best = candidate;
        }
      }
    }
    if (best === null) {
      break;
    }
    out.push(best);
    s = best + 1;
  }
  return out;
}

/** Whether a single number (as "0" + national) matches. */
export function matchesNumber(display: string, search: NumberSearch): boolean {
  return search.mode === 'prefix'
    ? display.startsWith(search.digits)
    : display.includes(search.digits);
}
