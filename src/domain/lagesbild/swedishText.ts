/**
 * Swedish-aware normalisation of short free texts (frågor till polisen, proposed agenda
 * items) so that near-duplicates can be found: lower case, diacritics folded (å, ä → a,
 * ö → o, é → e), punctuation removed, stop words removed, then a light stemmer (the
 * Snowball Swedish algorithm, run on the folded text). The result is a set of tokens.
 */

/**
 * Words that carry no topic. Folded (å/ä → a, ö → o), because folding runs first: "på" is
 * "pa", "för" "for", "är" "ar". Besides the common function words the list holds the
 * question words and light verbs a question is phrased with ("vad gör … åt", "hur arbetar
 * … mot") and "polisen" itself: every fråga till polisen names the police, so the word
 * says nothing about which question it is.
 */
export const swedishStopWords: ReadonlySet<string> = new Set(
  `
  och att det som en ett i pa for med till av om ar vi ni de dom den detta denna dessa
  dar har hade var varit vara blir bli blev bliva sig sin sitt sina man jag du han hon hen
  oss er era ert deras dem vars vilka vilken vilket varfor nar nu da sa an mer mest mycket
  alla allt nagon nagot nagra ocksa aven eller men utan under over efter fore vid mot at
  fran inom mellan genom hos sedan redan bara kunna kunde kan ska skall skulle maste bor
  vill ville gor gora gors goras gjort gjorde gjordes arbeta arbetar arbetat jobba jobbar jobbat
  hur vad vem vems var varifran vart finns fanns inte ej ingen inget inga
  ha haft hur just nagonting samt per sa pa ut in upp ned ner
  polis polisen polisens kring angaende gallande runt
  oka okar okat okade insats insatsen insatser insatserna atgard atgarden atgarder atgarderna plan planen planer
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower case, diacritics removed (NFD + combining marks dropped). */
export function foldSwedish(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Folded words: every run of letters and digits, punctuation and symbols dropped. */
export function words(text: string): string[] {
  return foldSwedish(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The tokens that identify a text's topic: folded words minus stop words, stemmed,
 * deduplicated and sorted. A text of stop words only ("Vad gör ni?") keeps its stemmed
 * words so that it is still compared with texts like it; a text with no letters or digits
 * at all is one token of its trimmed form.
 */
export function topicTokens(text: string): string[] {
  const all = words(text);
  const content = all.filter((w) => !swedishStopWords.has(w));
  const chosen = content.length > 0 ? content : all;
  if (chosen.length === 0) return [text.replace(/\s+/g, '')];
  return [...new Set(chosen.map(stemSwedish))].sort();
}

const VOWELS = new Set('aeiouyäåö');
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** Snowball step 1 suffixes, longest first so the first match is the longest. */
const STEP1_SUFFIXES = [
  'heterna', 'hetens', 'anden', 'heten', 'heter', 'arnas', 'ernas', 'ornas', 'andes', 'arens', 'andet',
  'arna', 'erna', 'orna', 'ande', 'arne', 'aste', 'aren', 'ades', 'erns',
  'ade', 'are', 'ern', 'ens', 'het', 'ast',
  'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at',
  'a', 'e',
] as const;
const VALID_S_ENDING = new Set('bcdfghjklmnoprtvy');
const STEP2_ENDINGS = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'] as const;

/**
 * A light stemmer for one folded Swedish word: the Snowball Swedish algorithm (steps 1-3).
 * "narkotikaförsäljningen" → "narkotikaforsaljning", "ryds" → "ryd", "ungdomarna" →
 * "ungdom". Suffixes are removed only from the R1 region (after the first non-vowel that
 * follows a vowel, and at least three letters in), so short words are left alone.
 */
export function stemSwedish(word: string): string {
  const r1 = regionOne(word);
  let w = word;

  // Step 1: the longest suffix in R1, or an s after a valid s-ending.
  const inR1 = (suffix: string) => w.endsWith(suffix) && w.length - suffix.length >= r1;
  const suffix = STEP1_SUFFIXES.find(inR1);
  if (suffix) w = w.slice(0, -suffix.length);
  else if (inR1('s') && VALID_S_ENDING.has(w.charAt(w.length - 2))) w = w.slice(0, -1);

  // Step 2: a double or hard consonant ending in R1 loses its last letter.
  if (STEP2_ENDINGS.some(inR1)) w = w.slice(0, -1);

  // Step 3: derivational endings.
  if (inR1('fullt')) w = w.slice(0, -1);
  else if (inR1('lost')) w = w.slice(0, -1);
  else {
    const derivational = ['lig', 'els', 'ig'].find(inR1);
    if (derivational) w = w.slice(0, -derivational.length);
  }
  return w;
}

/** Start of R1: after the first non-vowel following a vowel, but at least 3. */
function regionOne(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(3, i + 1);
  }
  return word.length;
}
