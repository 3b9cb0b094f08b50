import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { langOf, messages, type Lang } from '../../src/i18n/index.js';
import { sv } from '../../src/i18n/sv.js';

type Shape = string | { [key: string]: Shape };

/** The catalog's skeleton: 'string', 'function/<arity>', 'array/<length>' or a nested object. */
function shape(value: unknown): Shape {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}:${value.map((v) => typeof v).join(',')}`;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value;
}

/** Every leaf as [path, value], for checks on the texts themselves. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [[path, value]];
}

describe('i18n catalogs', () => {
  it('sv and en have exactly the same key structure (functions vs strings, arities)', () => {
    expect(shape(en)).toEqual(shape(sv));
  });

  it('the structure check can fail (sanity)', () => {
    expect(shape({ a: 'x', b: { c: (n: string) => n } })).not.toEqual(shape({ a: 'x', b: { c: 'n' } }));
    expect(shape({ a: 'x' })).not.toEqual(shape({ a: 'x', extra: 'y' }));
  });

  const svLeaves = leaves(sv);
  it.each(svLeaves.map(([p]) => p))('%s: non-empty in both languages', (path) => {
    const enValue = new Map(leaves(en)).get(path);
    const svValue = new Map(svLeaves).get(path);
    for (const v of [svValue, enValue]) {
      if (typeof v === 'string') expect(v.trim().length).toBeGreaterThan(0);
      else if (typeof v === 'function') expect(String((v as (...a: unknown[]) => unknown)('X', 'Y')).trim().length).toBeGreaterThan(0);
      else expect.fail(`${path}: unexpected ${typeof v}`);
    }
  });

  it('locales and messages()', () => {
    expect(sv.locale).toBe('sv-SE');
    expect(en.locale).toMatch(/^en/);
    expect(messages('sv')).toBe(sv);
    expect(messages('en')).toBe(en);
  });
});

describe('langOf', () => {
  it.each([
    ['en-US', 'sv', 'en'],
    ['en-GB', 'sv', 'en'],
    ['EN', 'sv', 'en'],
    ['sv-SE', 'en', 'sv'],
    ['sv', 'en', 'sv'],
    ['SV-fi', 'en', 'sv'],
    [undefined, 'sv', 'sv'],
    [undefined, 'en', 'en'],
    ['', 'en', 'en'],
    ['de-DE', 'sv', 'sv'],
    ['de-DE', 'en', 'en'],
    ['fi-FI', 'sv', 'sv'],
  ] as [string | undefined, Lang, Lang][])('langOf(%j, %s) = %s', (locale, fallback, expected) => {
    expect(langOf(locale, fallback)).toBe(expected);
  });
});
