import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../../src/reports/csv.js';
import { escapeHtml, html, page, raw, table } from '../../../src/reports/html.js';
import { document, heading, md, mdEscape, mdTable } from '../../../src/reports/markdown.js';
import { lineChart, PERCENT_AXIS, stackedBarChart } from '../../../src/reports/svg.js';

describe('html', () => {
  it('escapes interpolated values, keeps nested Html', () => {
    const evil = '<script>alert("x")</script> & \'y\'';
    expect(html`<p>${evil}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>');
    expect(html`<div>${html`<b>${'a<b'}</b>`}</div>`.value).toBe('<div><b>a&lt;b</b></div>');
    expect(html`${[1, 'a', null, false, undefined]}`.value).toBe('1a');
    expect(escapeHtml('"&')).toBe('&quot;&amp;');
  });

  it('table: headers, escaped cells, numeric columns right-aligned', () => {
    const t = table(['Namn', 'Antal'], [['<x>', 6]], { numeric: [1] }).value;
    expect(t).toContain('<th>Namn</th><th class="num">Antal</th>');
    expect(t).toContain('<td>&lt;x&gt;</td><td class="num">6</td>');
  });

  it('page: a complete document with lang, title, print CSS and no scripts', () => {
    const p = page({ lang: 'sv', title: 'Uppföljning <1>', subtitle: 's', body: raw('<p>x</p>') });
    expect(p.startsWith('<!doctype html>')).toBe(true);
    expect(p).toContain('<html lang="sv">');
    expect(p).toContain('<title>Uppföljning &lt;1&gt;</title>');
    expect(p).toContain('@media print');
    expect(p).not.toMatch(/<script|src=|href=/i);
  });

  it('page: every piece of content in a landmark — title in the header, the report in main', () => {
    const p = page({ lang: 'sv', title: 'T', subtitle: 's', body: raw('<h2>x</h2>') });
    expect(p).toContain('<body><header><h1>T</h1><p class="meta">s</p></header><main><h2>x</h2></main></body>');
  });
});

describe('svg', () => {
  it('stacked bars: one rect per non-zero value, escaped labels, a legend', () => {
    const s = stackedBarChart({
      title: 'Åtgärder <per> åtagande',
      categories: ['A & B', 'C'],
      series: [
        { name: 'I tid', color: '#0f6cbd', values: [2, 0] },
        { name: 'Sen', color: '#c50f1f', values: [1, 3] },
      ],
    }).value;
    expect(s.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(s).toContain('<title>Åtgärder &lt;per&gt; åtagande</title>');
    expect(s).toContain('A &amp; B');
    expect(s.match(/<rect [^>]*height="22"/g)).toHaveLength(3);
    expect(s).toContain('>I tid</text>');
    expect(s).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('stacked bars cope with all zeros and no categories', () => {
    expect(stackedBarChart({ title: 't', categories: ['x'], series: [{ name: 'a', color: '#000', values: [0] }] }).value).not.toMatch(/NaN/);
    expect(stackedBarChart({ title: 't', categories: [], series: [] }).value).toContain('<svg');
  });

  it('line chart: a polyline through the points and dashed reference lines', () => {
    const s = lineChart({ title: 'Trygghet', points: [{ label: '2026-03-01', value: 55 }, { label: '2026-09-01', value: 60 }], references: [{ name: 'Mål', value: 70, color: '#107c10' }], unit: '%' }).value;
    expect(s).toContain('<polyline');
    expect(s).toContain('stroke-dasharray');
    expect(s).toContain('Mål 70');
    expect(s).toContain('2026-09-01: 60 %');
    expect(lineChart({ title: 'tom', points: [] }).value).not.toMatch(/NaN/);
    // A fixed axis (percentages) is drawn as given, without the fitted axis's padding.
    const pct = lineChart({ title: 'p', points: [{ label: 'a', value: 100 }, { label: 'b', value: 100 }], axis: PERCENT_AXIS }).value;
    expect([...pct.matchAll(/text-anchor="end" font-size="10">([^<]+)</g)].map((x) => x[1])).toEqual(['100', '0']);
    expect(pct).toContain('points="56.0,16.0 504.0,16.0"'); // 100 % at the very top of the plot
    const fitted = lineChart({ title: 'f', points: [{ label: 'a', value: 100 }] }).value;
    expect([...fitted.matchAll(/text-anchor="end" font-size="10">([^<]+)</g)].map((x) => x[1])).toEqual(['101.2', '98.8']);
    expect(lineChart({ title: 'en', points: [{ label: 'a', value: 3 }] }).value).not.toMatch(/NaN|<polyline/);
  });
});

describe('markdown', () => {
  it('escapes Markdown in user text and flattens newlines', () => {
    expect(mdEscape('a|b *c* _d_ [l](u)\n#x')).toBe('a\\|b \\*c\\* \\_d\\_ \\[l\\](u) #x');
    expect(mdEscape('# rubrik')).toBe('\\# rubrik');
    expect(mdEscape('- punkt')).toBe('\\- punkt');
    expect(mdEscape('6. sök (sex)')).toBe('6\\. sök (sex)');
    expect(mdEscape('Senast: 61 % (2027-02-01)')).toBe('Senast: 61 % (2027-02-01)');
  });

  it('tables keep trusted cells and escape the rest', () => {
    const t = mdTable(['A', 'B|C'], [[md('**fet**'), 'x|y'], [3, '']]);
    expect(t.split('\n')).toEqual(['| A | B\\|C |', '| --- | --- |', '| **fet** | x\\|y |', '| 3 |   |']);
  });

  it('document joins blocks with blank lines and drops empty ones', () => {
    expect(document([heading(1, 'Rubrik'), null, 'text', false])).toBe('# Rubrik\n\ntext\n');
  });
});

describe('csv', () => {
  it('starts with a UTF-8 BOM, uses ; and CRLF', () => {
    const out = toCsv([['Åtgärd', 'Antal'], ['Trygghetsvandring', 6]]);
    expect(out.startsWith(BOM)).toBe(true);
    expect(Buffer.from(out, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.slice(1)).toBe('Åtgärd;Antal\r\nTrygghetsvandring;6\r\n');
  });

  it('quotes separators, quotes and newlines; neutralises formulas', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('sa "hej"')).toBe('"sa ""hej"""');
    expect(csvCell('rad1\nrad2')).toBe('"rad1\nrad2"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+46 13 20 60 00')).toBe("'+46 13 20 60 00");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(toCsv([['a,b']], { separator: ',', bom: false })).toBe('"a,b"\r\n');
  });
});
