import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../../../src/domain/inputs/luhn.js';

describe('luhnValid', () => {
  const cases: [string, boolean][] = [
    ['8112189876', true], // Skatteverket's example personnummer
    ['8112189875', false],
    ['7010632391', true], // Skatteverket's example samordningsnummer
    ['0000000000', true],
    ['79927398713', true], // the textbook Luhn example (odd length)
    ['79927398710', false],
    ['', false],
    ['81121898a6', false],
  ];
  it.each(cases)('%s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});
