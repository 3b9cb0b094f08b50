import { describe, expect, it } from 'vitest';
import { defaultThemeIds, defaultThemes, themeLabel } from '../../../../src/domain/inputs/themes.js';

describe('defaultThemes', () => {
  it('lists the eight default themes in order', () => {
    expect(defaultThemes.map((t) => t.sv)).toEqual([
      'Narkotika',
      'Ungdomar i riskmiljöer',
      'Skadegörelse',
      'Otrygghet i offentlig miljö',
      'Våld i nära relation',
      'Ordningsstörningar',
      'Gängkriminalitet',
      'Bedrägerier',
    ]);
  });

  it.each(defaultThemes.map((t) => [t.id]))('%s is a unique ASCII slug without commas', (id) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(defaultThemeIds.filter((x) => x === id)).toHaveLength(1);
  });

  it.each([
    ['sv', 'Våld i nära relation'],
    ['en', 'Domestic violence'],
  ] as const)('themeLabel in %s', (locale, label) => {
    expect(themeLabel(defaultThemes[4], locale)).toBe(label);
  });
});
