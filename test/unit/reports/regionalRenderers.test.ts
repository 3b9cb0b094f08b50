import { describe, expect, it } from 'vitest';
import { buildRegionalPicture } from '../../../src/domain/regional/regionalPicture.js';
import { messages, type Lang } from '../../../src/i18n/index.js';
import { BOM } from '../../../src/reports/csv.js';
import { renderRegionalCsv } from '../../../src/reports/regional/csv.js';
import { renderRegionalHtml } from '../../../src/reports/regional/html.js';
import { renderRegionalJson } from '../../../src/reports/regional/json.js';
import { renderRegionalMarkdown } from '../../../src/reports/regional/markdown.js';
import { ALDERBY, BJORKVIK, CEDERSTAD, MARK, sourceOf, type Municipality } from '../domain/regional/fixture.js';

const hostile: Municipality = { ...CEDERSTAD, orgName: 'Cederstad <b>&</b> kommun', question: '=Vad gör polisen <script>x</script> åt | skadegörelsen?' };
const picture = buildRegionalPicture([ALDERBY, BJORKVIK, hostile].map((m) => sourceOf(m)), { compiledAt: '2027-05-20T08:00:00.000Z' });

const formats: Record<string, (lang: Lang) => string> = {
  html: (lang) => renderRegionalHtml(picture, messages(lang), lang),
  md: (lang) => renderRegionalMarkdown(picture, messages(lang), lang),
  csv: (lang) => renderRegionalCsv(picture, messages(lang), lang),
  json: () => renderRegionalJson(picture),
};

describe.each(Object.keys(formats))('%s', (format) => {
  const render = formats[format]!;
  it.each(['sv', 'en'] as Lang[])('every municipality, the merged question tagged with both, no känslig content (%s)', (lang) => {
    const out = render(lang);
    for (const name of ['Alderby kommun', 'Björkvik kommun']) expect(out).toContain(name);
    expect(out).toContain(ALDERBY.question);
    expect(out).toContain(BJORKVIK.question);
    expect(out).toContain(MARK.intern);
    expect(out).not.toContain(MARK.kanslig);
  });
});

describe.each(['sv', 'en'] as Lang[])('language (%s)', (lang) => {
  const m = messages(lang).regional;
  it.each(['html', 'md'])('%s: the headings are in the language', (format) => {
    const out = formats[format]!(lang);
    for (const h of [m.title, m.responseTitle, m.districtsTitle, m.themesTitle, m.questionsTitle]) expect(out).toContain(h);
  });
  it('csv: the header row is in the language', () => {
    expect(formats.csv!(lang).slice(1).split('\r\n')[0]).toBe([m.csv.section, m.csv.municipality, m.csv.item, m.csv.value, m.csv.detail].join(';'));
  });
});

describe('the printable HTML report', () => {
  const page = renderRegionalHtml(picture, messages('sv'), 'sv');

  it('is self-contained and escapes user text', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(page).toContain('Cederstad &lt;b&gt;&amp;&lt;/b&gt; kommun');
  });

  it('keeps the landmarks and the language: header, main, a labelled section per part', () => {
    expect(page).toMatch(/<html lang="sv">/);
    expect(page).toMatch(/<header><h1>Regional lägesbild<\/h1>/);
    expect(page).toContain('<main>');
    for (const id of ['rate', 'districts', 'themes', 'questions']) expect(page).toContain(`<section aria-labelledby="${id}"><h2 id="${id}">`);
  });

  it('every chart has a table with the same numbers', () => {
    const m = messages('sv').regional;
    // Response rate, one trend chart per municipality, themes.
    expect(page.match(/<svg /g)?.length).toBe(5);
    expect(page).toContain(`aria-label="${m.chartRate}"`);
    expect(page.match(/<table>/g)?.length).toBe(1 + 3 + 1 + 1);
    // Björkvik: 3 of 4 forums = 75 %, in the table beside the chart.
    expect(page).toMatch(/<td>Björkvik kommun<\/td><td>Styrgruppsmöte 2\/2027<\/td><td class="num">3<\/td><td class="num">4<\/td><td class="num">75<\/td>/);
  });

  it('lists the merged question once, with every municipality that asked it', () => {
    const rows = page.match(/<tr><td class="num">\d+<\/td><td><strong>[^<]*trygghetsvandringar[^<]*<\/strong>.*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('<td>Alderby kommun, Björkvik kommun</td>');
  });
});

describe('CSV', () => {
  const csv = renderRegionalCsv(picture, messages('sv'), 'sv');
  it('UTF-8 with BOM, semicolons, CRLF; one question row per municipality that asked it', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const walks = lines.filter((l) => l.includes('trygghetsvandringar'));
    expect(walks.map((l) => l.split(';').slice(0, 3))).toEqual([
      ['Fråga till polisen', 'Alderby kommun', '1'],
      ['Fråga till polisen', 'Björkvik kommun', '1'],
    ]);
    expect(lines).toContain('Svarsfrekvens;Björkvik kommun;2027-2;75;3/4');
  });
  it('neutralises formulas', () => {
    expect(csv).toContain(";'=Vad gör polisen <script>x</script> åt | skadegörelsen?;");
  });
});

describe('Markdown', () => {
  it('escapes user text', () => {
    const md = renderRegionalMarkdown(picture, messages('sv'), 'sv');
    expect(md).toContain('Cederstad \\<b\\>&\\</b\\> kommun');
    expect(md).toContain('\\| skadegörelsen');
  });
});

describe('JSON', () => {
  it('is the picture as stored', () => {
    expect(JSON.parse(renderRegionalJson(picture))).toEqual({ regional: picture });
  });
});
