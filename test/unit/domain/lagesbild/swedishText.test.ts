import { describe, expect, it } from 'vitest';
import { foldSwedish, stemSwedish, swedishStopWords, topicTokens, vocabularyFor, words } from '../../../../src/domain/lagesbild/swedishText.js';

describe('foldSwedish and words', () => {
  it('lower-cases and folds å, ä, ö and other diacritics', () => {
    expect(foldSwedish('Åtgärder i SKÄGGETORP, Öster och Café')).toBe('atgarder i skaggetorp, oster och cafe');
  });

  it('splits on punctuation, dashes and white space, keeping digits', () => {
    expect(words('Narkotikaförsäljning vid Ryds centrum – vad gör polisen?! (24/7)')).toEqual(['narkotikaforsaljning', 'vid', 'ryds', 'centrum', 'vad', 'gor', 'polisen', '24', '7']);
  });
});

describe('stemSwedish (Snowball Swedish from @orama/stemmers, on the unfolded word, then folded)', () => {
  it.each([
    ['narkotikaförsäljningen', 'narkotikaforsaljning'],
    ['Ryds', 'ryd'],
    ['ungdomarna', 'ungdom'],
    ['kvällarna', 'kvall'],
    ['skäggetorps', 'skaggetorp'],
    ['tryggheten', 'trygg'],
    ['polisen', 'polis'],
    // Stemming the folded word (as the hand-written stemmer did) cut "åd" as if it were "ad".
    ['förråd', 'forrad'],
    ['källarförråd', 'kallarforrad'],
    ['område', 'omrad'],
    ['ko', 'ko'],
  ])('%s → %s', (word, stem) => {
    expect(stemSwedish(word)).toBe(stem);
  });
});

describe('topicTokens', () => {
  it.each([
    // The pair: compound kvällstid vs kvällarna.
    ['Kan polisen öka närvaron vid Bergaskolan på kvällarna?', 'Kan polisen öka närvaron vid Bergaskolan kvällstid'],
    // Compound vs phrase, everyday synonym, other inflection.
    ['Vad gör polisen åt narkotikaförsäljningen i Berga centrum?', 'Försäljning av knark i Berga centrum'],
    ['Ungdomsgäng vid Skäggetorps centrum', 'Grupper av ungdomar vid Skäggetorp centrum'],
    ['Kameraövervakning i Ryds centrum', 'Övervakningskameror i Ryd centrum'],
    ['Mopedbuskörning i Ryd', 'buskörning med mopeder i Ryd'],
    ['Källarinbrott i Ryd', 'Inbrott i källarförråd i Ryd'],
  ])('%s ≡ %s', (a, b) => {
    const v = vocabularyFor(['Berga', 'Ryd', 'Skäggetorp']);
    expect(v.topicTokens(a)).toEqual(v.topicTokens(b));
  });

  it.each([
    ['Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?', ['centrum', 'forsaljning', 'narkotika', 'ryd']],
    ['Kan polisen öka närvaron, närvaron, vid Berga centrum på kvällarna?', ['berg', 'centrum', 'kvall', 'narvaro']],
    ['Bilar sätts i brand nattetid i Skäggetorp', ['bil', 'brand', 'natt', 'skaggetorp']],
    ['Trygghetsvandring i Ryd under våren', ['ryd', 'trygghetsvandring', 'varen']],
    // "vår" alone is "our", not the season.
    ['Vem är vår kontaktperson hos polisen?', ['kontakt']],
    // An unknown modifier before a known head stands as its own token.
    ['Bostadsinbrott i Lambohov', ['bost', 'inbrott', 'lambohov']],
  ])('%s → %j', (text, tokens) => {
    expect(vocabularyFor(['Berga', 'Ryd', 'Skäggetorp', 'Lambohov']).topicTokens(text)).toEqual(tokens);
  });

  it('a text of stop words only keeps its words', () => {
    expect(topicTokens('Vad gör ni?')).toEqual(['gor', 'ni', 'vad']);
  });

  it('a text without letters or digits is one token', () => {
    expect(topicTokens('?? !')).toEqual(['??!']);
  });

  it('the stop word list is folded (no å, ä, ö)', () => {
    expect([...swedishStopWords].filter((w) => /[åäö]/.test(w))).toEqual([]);
    for (const w of ['och', 'att', 'pa', 'for', 'ar', 'hur', 'vad', 'finns', 'inte', 'polisen']) expect(swedishStopWords.has(w)).toBe(true);
  });
});

describe('features (must-match)', () => {
  const v = vocabularyFor(['Berga', 'Ryd', 'Skäggetorp']);
  it.each([
    ['Närvaro vid Bergaskolan på kvällarna', ['followUp:false', 'place:berg', 'where:berg', 'time:kvall', 'facility:skola', 'where:skola']],
    ['Narkotikaförsäljning i Skäggetorps centrum', ['followUp:false', 'facility:centrum', 'where:centrum', 'offence:narkotika', 'place:skaggetorp', 'where:skaggetorp']],
    ['Vem är vår kontaktperson?', ['followUp:false']],
    ['Vad hände med våra anmälningar om inbrott i Ryd?', ['followUp:true', 'offence:inbrott', 'place:ryd', 'where:ryd']],
  ])('%s → %j', (text, features) => {
    expect(v.features(v.topicTokens(text))).toEqual(features);
  });

  it('a district named like a lexicon word is a place', () => {
    const withPark = vocabularyFor(['Park']);
    expect(withPark.features(withPark.topicTokens('Otryggt i Park'))).toContain('place:park');
  });
});
