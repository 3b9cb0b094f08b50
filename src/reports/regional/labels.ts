/** What the regional renderers share: names, percentages, the theme's label in the language. */
import type { Lang } from '../../i18n/index.js';
import type { RegionalPicture } from '../../domain/regional/regionalPicture.js';
import { percentOf } from '../lagesbild/document.js';

export { percentOf };

export const themeLabel = (t: { sv: string; en: string }, lang: Lang) => (lang === 'en' ? t.en : t.sv);

/** "2027-05-20T08:00:00.000Z" → "2027-05-20 08:00" (UTC, as the lägesbild's reports). */
export const compiledText = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export const municipalityNames = (p: RegionalPicture) => p.municipalities.map((x) => x.orgName).join(', ');

/** Questions asked in more than one municipality, the most asked first. */
export const sharedQuestions = (p: RegionalPicture) => p.questions.groups.filter((g) => g.municipalities.length > 1);
