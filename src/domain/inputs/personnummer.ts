/**
 * Finds Swedish personnummer (personal identity numbers) and samordningsnummer
 * (co-ordination numbers: the same shape, with 60 added to the day) in free text.
 *
 * Accepted shapes: YYMMDD-NNNC, YYMMDDNNNC, YYYYMMDD-NNNC, YYYYMMDDNNNC, where the
 * separator may be '-', '+' (the holder is 100 or older), a space, or a dash variant
 * pasted from a word processor. A candidate counts only when the date part is plausible
 * and the Luhn digit over the 10-digit form is right: case numbers and other long
 * numbers that merely look similar fail one of those and are left alone (about nine in
 * ten random 10-digit numbers fail Luhn alone).
 */
import { luhnValid } from './luhn.js';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

export interface IdentityNumberMatch {
  kind: IdentityNumberKind;
  index: number;
}

// An optional separator: '-', '+', U+2010/2011 hyphens, en dash or minus sign (each
// may have one space either side), or one plain or non-breaking space.
const SEPARATOR = String.raw`(?:[ \u00a0]?[-+\u2010\u2011\u2013\u2212][ \u00a0]?|[ \u00a0])?`;
// Digit look-arounds keep us from starting or ending inside a longer number, which also
// keeps the scan linear on long digit runs. Letters around the number are fine: "pnr:850101-…".
const CANDIDATE = new RegExp(String.raw`(?<!\d)(\d{2})?(\d{6})${SEPARATOR}(\d{4})(?!\d)`, 'g');

/** The first plausible, checksum-valid identity number in `text`, or null. */
export function findIdentityNumber(text: string): IdentityNumberMatch | null {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const [, century, dateDigits = '', serial = ''] = m;
    const kind = classify(century, dateDigits, serial);
    if (kind) return { kind, index: m.index };
    // A rejected candidate may overlap a valid one that starts after a separator.
    CANDIDATE.lastIndex = m.index + 1;
  }
  return null;
}

/** What a YYMMDD + NNNC pair (with an optional century) is, or null when implausible. */
export function classify(century: string | undefined, yymmdd: string, serial: string): IdentityNumberKind | null {
  // Twelve-digit numbers start with a real century; anything else is some other number.
  if (century !== undefined && !['18', '19', '20'].includes(century)) return null;
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const kind: IdentityNumberKind | null = day >= 1 && day <= 31 ? 'personnummer' : day >= 61 && day <= 91 ? 'samordningsnummer' : null;
  if (!kind) return null;
  return luhnValid(yymmdd + serial) ? kind : null;
}
