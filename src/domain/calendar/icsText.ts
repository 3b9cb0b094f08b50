/**
 * RFC 5545 text mechanics: value escaping (§3.3.11), parameter quoting (§3.2) and
 * line folding (§3.1). Lines are limited to 75 octets, not characters — 'å' is two
 * octets in UTF-8 — and a fold must never split a character.
 */

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

// Control characters other than tab are not allowed in any value (§3.1, "CONTROL").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** A TEXT value: backslash, semicolon and comma escaped, newlines as '\n'. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/** A value that is not TEXT (URI, CAL-ADDRESS): no escaping exists, so just drop what would break the line. */
export function sanitizeRaw(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(CONTROL, '');
}

/** A parameter value, always quoted; DQUOTE cannot be escaped, so it becomes a single quote. */
export function quoteParam(value: string): string {
  return `"${sanitizeRaw(value).replace(/"/g, "'")}"`;
}

/** Splits a content line into CRLF-joined physical lines of at most 75 octets each. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' '; // a continuation line starts with one space, which counts
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}
