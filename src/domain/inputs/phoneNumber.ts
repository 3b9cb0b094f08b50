/**
 * Finds Swedish phone numbers in free text: mobile and landline, national
 * ("070-123 45 67", "013-12 34 56", "08-123 456 78", "0701234567") or international
 * ("+46 70 123 45 67", "+46 (0)13-12 34 56", "0046 70 123 45 67").
 *
 * Rules that keep ordinary numbers in steering-group text alone (years, counts such as
 * "6 narkotikasök", dates such as 2027-03-10, times, "vecka 12", "3 av 15"):
 * - a number starts with 0 followed by 1–9, or with +46 / 0046;
 * - it does not continue another number ("2027-03-10" has no number starting at "03");
 * - it has 8 to 10 digits in national form (leading 0 included);
 * - written in groups, the first group is an area code of 2–4 digits (08 is the only
 *   two-digit one, which also spares "05-12" and the like) and later groups have 2–8
 *   digits; a DD-MM-YYYY date and an HHMM-HHMM time range ("0800-1700") are never
 *   phone numbers.
 * Groups are tried as a growing prefix, so trailing numbers ("… 45 67 10 gånger") do
 * not hide a phone number in front of them.
 */

export interface PhoneMatch {
  kind: 'phone';
  index: number;
}

// Starts not preceded by a digit, nor by a digit and date/time/decimal punctuation.
const START = /(?<!\d[-./:,]?)(?:\+46|0046|0(?=[1-9]))/g;
// Between digit groups: one space (plain or non-breaking), or a dash with optional spaces.
const GROUP_SEPARATOR = /^(?:[ \u00a0]?[-\u2010\u2011\u2013][ \u00a0]?|[ \u00a0])(?=\d)/;
const INTERNATIONAL_TRUNK = /^[ \u00a0-]?(?:\(0\)[ \u00a0-]?)?/;
const DIGITS = /^\d+/;
const MIN_DIGITS = 8;
const MAX_DIGITS = 10;
/** Enough groups for any real layout; bounds the work per start on long digit lists. */
const MAX_GROUPS = 6;

/** The first Swedish phone number in `text`, or null. */
export function findPhoneNumber(text: string): PhoneMatch | null {
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const international = m[0] !== '0';
    const groups = digitGroups(text, international ? m.index + m[0].length : m.index, international);
    if (groups && looksLikePhone(groups)) return { kind: 'phone', index: m.index };
    START.lastIndex = m.index + 1;
  }
  return null;
}

/**
 * The digit groups from `at`, in national form: an international number gets its
 * trunk 0 back ("+46 70" → "070"), with or without a written "(0)" or "0".
 */
function digitGroups(text: string, at: number, international: boolean): string[] | null {
  let pos = at;
  if (international) pos += INTERNATIONAL_TRUNK.exec(text.slice(pos, pos + 6))?.[0].length ?? 0;
  const groups: string[] = [];
  let digitCount = 0;
  while (groups.length < MAX_GROUPS && digitCount <= MAX_DIGITS) {
    const run = DIGITS.exec(text.slice(pos, pos + MAX_DIGITS + 2))?.[0];
    if (!run) break;
    groups.push(run);
    digitCount += run.length;
    pos += run.length;
    const sep = GROUP_SEPARATOR.exec(text.slice(pos, pos + 4))?.[0];
    if (!sep) break;
    pos += sep.length;
  }
  const first = groups[0];
  if (first === undefined) return null;
  if (international) {
    const national = first.startsWith('0') ? first : `0${first}`;
    if (!/^0[1-9]/.test(national)) return null;
    groups[0] = national;
  }
  return groups;
}

/** Whether some leading run of the groups is a plausibly written phone number. */
function looksLikePhone(groups: readonly string[]): boolean {
  let digits = 0;
  for (let k = 1; k <= groups.length; k++) {
    digits += groups[k - 1]?.length ?? 0;
    if (digits > MAX_DIGITS) return false;
    if (digits >= MIN_DIGITS && wellFormed(groups.slice(0, k))) return true;
  }
  return false;
}

function wellFormed(groups: readonly string[]): boolean {
  const [area = '', ...rest] = groups;
  if (rest.length === 0) return true; // all digits together: "0701234567"
  if (area.length < 2 || area.length > 4 || (area.length === 2 && area !== '08')) return false;
  if (rest.some((g) => g.length < 2 || g.length > 8)) return false;
  const isDateShape = groups.length === 3 && area.length === 2 && rest[0]?.length === 2 && rest[1]?.length === 4;
  const isTimeRange = groups.length === 2 && isHhmm(area) && isHhmm(rest[0] ?? '');
  return !isDateShape && !isTimeRange;
}

const isHhmm = (g: string) => /^(?:[01]\d|2[0-3])[0-5]\d$/.test(g);
