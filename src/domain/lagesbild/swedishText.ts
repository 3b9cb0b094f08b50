/**
 * Swedish-aware normalisation of short free texts (frågor till polisen, proposed agenda
 * items, egna teman) so that texts that mean the same can be found: lower case, stop words
 * removed, each word stemmed (the Snowball Swedish stemmer of @orama/stemmers, on the
 * unfolded word: "förråd" keeps its "åd"), diacritics folded (å, ä → a, ö → o), then
 * mapped onto the domain lexicon (swedishLexicon.ts): synonyms to one concept ("knark" →
 * narkotika), compounds split into their parts ("kvällstid" → kvall, "narkotikaförsäljning"
 * → narkotika + forsaljning). The result is a set of tokens; the tokens that name a
 * district, a place of a kind, a time or an offence are its must-match features.
 */
import { stemmer } from '@orama/stemmers/swedish';
import { FOLLOW_UP_TOKEN, lexiconWords, type FeatureKind, type LexiconEntry } from './swedishLexicon.js';

/**
 * Words that carry no topic. Folded (å/ä → a, ö → o), because folding runs first: "på" is
 * "pa", "för" "for", "är" "ar". Besides the common function words the list holds the
 * question words and light verbs a question is phrased with ("vad gör … åt", "hur arbetar
 * … mot") and "polisen" itself: every fråga till polisen names the police, so the word
 * says nothing about which question it is.
 */
/**
 * Which tokenizer made a stored token key (PeriodSummary.questionKeys): bump it when
 * topicTokens() gives other tokens for the same text. 1 was the hand-written stemmer
 * without the domain lexicon (keys such as `narkotikaforsaljning`).
 */
export const TOKENIZER_VERSION = 2;

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
  fa far ga gar bland ur forbi utanfor infor
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

/** One Swedish word (lower case, not folded) stemmed with Snowball, then folded. */
export function stemSwedish(word: string): string {
  return foldSwedish(stemmer(word.toLowerCase()));
}

/** Endings tried when a compound's part is looked up: "skolan" finds "skol", "kvällarnas" "kvall". */
const INFLECTIONS = ['', 'arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'ens', 'ets', 'ans', 'na', 'en', 'et', 'an', 'ar', 'er', 'or', 'n', 's', 'a', 'e'] as const;
const MIN_PART = 3;
/** An unknown part of a compound must be at least this long to stand as a token of its own. */
const MIN_UNKNOWN_PART = 4;

/**
 * The lexicon plus the districts of one picture: folded word or stem → concept, and the
 * must-match kind of each concept token. Built once per set of districts (cached).
 */
export class TopicVocabulary {
  private readonly entries = new Map<string, LexiconEntry>();
  private readonly kinds = new Map<string, FeatureKind>();
  private readonly wordCache = new Map<string, readonly string[]>();

  constructor(districts: Iterable<string> = []) {
    // Districts first: a district's name wins over a lexicon word of the same spelling.
    for (const d of districts) {
      const name = d.trim().toLowerCase();
      if (!name || /[^\p{L}\p{N}]/u.test(name)) continue; // names of several words: their words are too common
      this.add(name, { token: stemSwedish(name), kind: 'place' });
    }
    for (const { word, entry } of lexiconWords()) this.add(word, entry);
  }

  private add(word: string, entry: LexiconEntry): void {
    for (const key of [foldSwedish(word), stemSwedish(word)]) if (key.length >= MIN_PART && !this.entries.has(key)) this.entries.set(key, entry);
    if (entry.kind && entry.token && !this.kinds.has(entry.token)) this.kinds.set(entry.token, entry.kind);
  }

  /** The must-match kind of a token, if it has one. */
  kindOf(token: string): FeatureKind | undefined {
    return this.kinds.get(token);
  }

  /** The concept of a folded word or part of a compound, allowing an inflectional ending. */
  private lookup(part: string): LexiconEntry | undefined {
    for (const ending of INFLECTIONS) {
      if (part.length - ending.length < MIN_PART || !part.endsWith(ending)) continue;
      const entry = this.entries.get(ending ? part.slice(0, -ending.length) : part);
      if (entry) return entry;
    }
    return undefined;
  }

  /** The tokens of one word (lower case, not folded; not a stop word). */
  tokensOfWord(word: string): readonly string[] {
    let tokens = this.wordCache.get(word);
    if (tokens === undefined) {
      tokens = this.computeTokens(word);
      if (this.wordCache.size < 50_000) this.wordCache.set(word, tokens);
    }
    return tokens;
  }

  private computeTokens(word: string): string[] {
    const folded = foldSwedish(word);
    const stem = stemSwedish(word);
    const whole = this.entries.get(folded) ?? this.entries.get(stem) ?? this.lookup(folded);
    if (whole) return whole.token ? [whole.token] : [];
    const parts = this.splitCompound(folded);
    if (parts) return parts.filter(Boolean);
    // Snowball leaves the definite neuter ending: "området" and "område" should meet.
    return [stem.length >= 6 && stem.endsWith('et') ? stem.slice(0, -2) : stem];
  }

  /**
   * A compound as the fewest lexicon parts, each optionally followed by a linking s
   * ("kvälls|tid", "narkotika|försäljning"); failing that, a known head after an unknown
   * modifier ("bostads|inbrott") or a known modifier before an unknown head. Tokens of
   * the parts, or undefined when the word is no compound of known parts.
   */
  private splitCompound(word: string): string[] | undefined {
    const n = word.length;
    const best: (string[] | undefined)[] = new Array(n + 1);
    best[0] = [];
    for (let i = 0; i < n; i++) {
      const before = best[i];
      if (!before) continue;
      for (let j = i + MIN_PART; j <= n; j++) {
        const entry = this.lookup(word.slice(i, j));
        if (!entry) continue;
        const parts = [...before, entry.token];
        for (const end of word[j] === 's' && j + 1 < n ? [j, j + 1] : [j]) {
          const current = best[end];
          if (!current || parts.length < current.length) best[end] = parts;
        }
      }
    }
    const full = best[n];
    if (full && full.length >= 2) return full;
    // Only a concept of its own stands beside an unknown part: no framing word, nothing shorter than four letters.
    for (let i = MIN_UNKNOWN_PART; i <= n - MIN_UNKNOWN_PART; i++) {
      const head = this.lookup(word.slice(i));
      if (head?.token) return [stemSwedish(word.slice(0, word[i - 1] === 's' ? i - 1 : i)), head.token];
    }
    for (let j = n - MIN_UNKNOWN_PART; j >= MIN_UNKNOWN_PART; j--) {
      const modifier = this.lookup(word.slice(0, j));
      if (modifier?.token) return [modifier.token, stemSwedish(word.slice(word[j] === 's' ? j + 1 : j))];
    }
    return undefined;
  }

  /**
   * The tokens that identify a text's topic: words minus stop words, through the lexicon,
   * deduplicated and sorted. A text of stop words only ("Vad gör ni?") keeps its stemmed
   * words so that it is still compared with texts like it; a text with no letters or digits
   * at all is one token of its trimmed form.
   */
  topicTokens(text: string): string[] {
    const all = text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const content = all.filter((w) => w.length > 1 && !swedishStopWords.has(foldSwedish(w)));
    if (content.length === 0) {
      if (all.length === 0) return [text.replace(/\s+/g, '')];
      return [...new Set(all.map(stemSwedish))].sort();
    }
    const tokens = new Set<string>();
    for (const w of content) for (const t of this.tokensOfWord(w)) tokens.add(t);
    // Only framing words ("Hur går det?"): their stems, as for a text of stop words.
    if (tokens.size === 0) return [...new Set(content.map(stemSwedish))].sort();
    return [...tokens].sort();
  }

  /** The must-match features of a token set, as "kind:token", and whether it is a follow-up. */
  features(tokens: readonly string[]): string[] {
    const out: string[] = [`followUp:${tokens.includes(FOLLOW_UP_TOKEN)}`];
    for (const t of tokens) {
      const kind = this.kinds.get(t);
      if (!kind) continue;
      out.push(`${kind}:${t}`);
      // Districts and places of a kind together answer "where": "vid resecentrum" and "i Tannefors" are two places.
      if (kind === 'place' || kind === 'facility') out.push(`where:${t}`);
    }
    return out;
  }
}

const vocabularies = new Map<string, TopicVocabulary>();

/** The vocabulary of a set of districts, built once and kept (a few sets of districts per process). */
export function vocabularyFor(districts: Iterable<string> = []): TopicVocabulary {
  const names = [...new Set(districts)].sort();
  const key = names.join('\u0001');
  let v = vocabularies.get(key);
  if (!v) {
    if (vocabularies.size >= 32) vocabularies.delete(vocabularies.keys().next().value!);
    v = new TopicVocabulary(names);
    vocabularies.set(key, v);
  }
  return v;
}

/** topicTokens() with the lexicon and no districts. */
export function topicTokens(text: string, vocabulary: TopicVocabulary = vocabularyFor()): string[] {
  return vocabulary.topicTokens(text);
}
