import { describe, expect, it } from 'vitest';
import { foldSwedish, stemSwedish, swedishStopWords, topicTokens, words } from '../../../../src/domain/lagesbild/swedishText.js';

describe('foldSwedish and words', () => {
  it('lower-cases and folds å, ä, ö and other diacritics', () => {
    expect(foldSwedish('Åtgärder i SKÄGGETORP, Öster och Café')).toBe('atgarder i skaggetorp, oster och cafe');
  });

  it('splits on punctuation, dashes and white space, keeping digits', () => {
    expect(words('Narkotikaförsäljning vid Ryds centrum – vad gör polisen?! (24/7)')).toEqual(['narkotikaforsaljning', 'vid', 'ryds', 'centrum', 'vad', 'gor', 'polisen', '24', '7']);
  });
});

describe('stemSwedish (Snowball, on folded words)', () => {
  it.each([
    ['narkotikaforsaljningen', 'narkotikaforsaljning'],
    ['narkotikaforsaljning', 'narkotikaforsaljning'],
    ['ryds', 'ryd'],
    ['ryd', 'ryd'],
    ['ungdomarna', 'ungdom'],
    ['ungdomar', 'ungdom'],
    ['kvallarna', 'kvall'],
    ['kvallar', 'kvall'],
    ['gangtunnlarna', 'gangtunnl'],
    ['skaggetorps', 'skaggetorp'],
    ['bergas', 'berg'],
    ['berga', 'berg'],
    ['trygghet', 'trygg'],
    ['tryggheten', 'trygg'],
    ['otrygga', 'otrygg'],
    ['polisen', 'polis'],
    ['ko', 'ko'],
  ])('%s → %s', (word, stem) => {
    expect(stemSwedish(word)).toBe(stem);
  });
});

describe('topicTokens', () => {
  it('the three phrasings of the Ryd centrum question give the same tokens', () => {
    const expected = ['centrum', 'narkotikaforsaljning', 'ryd'];
    expect(topicTokens('Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?')).toEqual(expected);
    expect(topicTokens('Vad gör polisen åt narkotikaförsäljning i Ryd centrum')).toEqual(expected);
    expect(topicTokens('Narkotikaförsäljning vid Ryds centrum – vad gör polisen?')).toEqual(expected);
  });

  it('drops stop words, keeps each stem once, sorted', () => {
    expect(topicTokens('Kan polisen öka närvaron, närvaron, vid Berga centrum på kvällarna?')).toEqual(['berg', 'centrum', 'kvall', 'narvaron']);
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
