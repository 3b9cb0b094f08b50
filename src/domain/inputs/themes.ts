/**
 * Themes a forum can tick in its inspel (pre-meeting input). The list is configurable;
 * these are the defaults from the common crime-prevention agenda. Ids are ASCII slugs
 * because they travel as Adaptive Card choice values and in stored answers.
 */
export interface Theme {
  id: string;
  sv: string;
  en: string;
}

export const defaultThemes = [
  { id: 'narkotika', sv: 'Narkotika', en: 'Drugs' },
  { id: 'ungdomar-i-riskmiljoer', sv: 'Ungdomar i riskmiljöer', en: 'Young people in risk environments' },
  { id: 'skadegorelse', sv: 'Skadegörelse', en: 'Vandalism' },
  { id: 'otrygghet-i-offentlig-miljo', sv: 'Otrygghet i offentlig miljö', en: 'Feeling unsafe in public places' },
  { id: 'vald-i-nara-relation', sv: 'Våld i nära relation', en: 'Domestic violence' },
  { id: 'ordningsstorningar', sv: 'Ordningsstörningar', en: 'Public disorder' },
  { id: 'gangkriminalitet', sv: 'Gängkriminalitet', en: 'Gang crime' },
  { id: 'bedragerier', sv: 'Bedrägerier', en: 'Fraud' },
] as const satisfies readonly Theme[];

export type DefaultThemeId = (typeof defaultThemes)[number]['id'];

export const defaultThemeIds: readonly string[] = defaultThemes.map((t) => t.id);

/** A theme's label in the user's language. */
export function themeLabel(theme: Theme, locale: 'sv' | 'en'): string {
  return locale === 'en' ? theme.en : theme.sv;
}
