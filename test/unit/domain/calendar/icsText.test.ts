import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, quoteParam, sanitizeRaw } from '../../../../src/domain/calendar/icsText.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['Berga, Ryd; Skäggetorp', 'Berga\\, Ryd\\; Skäggetorp'],
    ['C:\\temp', 'C:\\\\temp'],
    ['rad 1\nrad 2\r\nrad 3\rrad 4', 'rad 1\\nrad 2\\nrad 3\\nrad 4'],
    ['a\u0007b\tc', 'ab\tc'], // control characters dropped, tab kept
    ['\\,', '\\\\\\,'], // backslash escaped before the comma's escape is added
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('parameter and raw values', () => {
  it.each([
    ['Anna Öberg', '"Anna Öberg"'],
    ['Öberg, Anna; ordf.', '"Öberg, Anna; ordf."'],
    ['Anna "Ordf" Öberg', `"Anna 'Ordf' Öberg"`],
  ])('quoteParam(%j) → %s', (input, expected) => {
    expect(quoteParam(input)).toBe(expected);
  });

  it('sanitizeRaw keeps URL punctuation but no line breaks', () => {
    expect(sanitizeRaw('https://x.se/a,b;c?d=1\r\nX-EVIL:1')).toBe('https://x.se/a,b;c?d=1 X-EVIL:1');
  });
});

describe('foldLine', () => {
  it.each([
    ['short ASCII', 'SUMMARY:kort'],
    ['exactly 75 octets', 'X'.repeat(75)],
    ['76 octets', 'X'.repeat(76)],
    ['long ASCII', 'DESCRIPTION:' + 'abcdefghij'.repeat(30)],
    ['two-octet letters', 'DESCRIPTION:' + 'åäö'.repeat(100)],
    ['odd offset before two-octet letters', 'DESCRIPTION:x' + 'Ö'.repeat(100)],
    ['four-octet emoji', 'DESCRIPTION:' + '🚓'.repeat(40)],
  ])('%s: ≤ 75 octets per line, no split character, unfolds to the original', (_name, line) => {
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const [i, p] of physical.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$/); // no dangling high surrogate
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    }
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('fills lines to exactly 75 octets when it can', () => {
    expect(foldLine('X'.repeat(76)).split('\r\n')).toEqual(['X'.repeat(75), ' X']);
    expect(foldLine('X'.repeat(74) + 'ä').split('\r\n')).toEqual(['X'.repeat(74), ' ä']); // 'ä' would make 76
  });
});
