import { describe, expect, it } from 'vitest';
import { approveAgenda } from '../../../src/domain/agenda/edits.js';
import type { Audience } from '../../../src/domain/inputs/sensitivity.js';
import { compileLagesbild } from '../../../src/domain/lagesbild/compile.js';
import { defaultThemes } from '../../../src/domain/inputs/themes.js';
import { messages, type Lang } from '../../../src/i18n/index.js';
import { BOM } from '../../../src/reports/csv.js';
import { agendaFor, answerRows, lagesbildReport } from '../../../src/reports/lagesbild/document.js';
import { renderLagesbildCsv } from '../../../src/reports/lagesbild/csv.js';
import { renderLagesbildHtml } from '../../../src/reports/lagesbild/html.js';
import { renderLagesbildMarkdown } from '../../../src/reports/lagesbild/markdown.js';
import { agendaOf, forums, MARK, meetingSnapshots } from '../lagesbild/fixture.js';

const { s1, s2 } = meetingSnapshots();
const doc = (audience: Audience) => lagesbildReport({ snapshot: s2, audience, stale: false, agenda: approveAgenda(agendaOf(s2)), earlier: [s1] });
const json = (audience: Audience) => JSON.stringify(doc(audience));

type Renderer = (audience: Audience, lang: Lang) => string;
const formats: Record<string, Renderer> = {
  html: (a, lang) => renderLagesbildHtml(doc(a), messages(lang), lang),
  md: (a, lang) => renderLagesbildMarkdown(doc(a), messages(lang), lang),
  csv: (a, lang) => renderLagesbildCsv(doc(a), messages(lang), lang),
  json: (a) => json(a),
};

describe.each(Object.keys(formats))('%s: sensitivity is enforced', (format) => {
  const render = formats[format]!;
  it.each(['sv', 'en'] as Lang[])('chairs see everything, steering never känslig, open only öppen (%s)', (lang) => {
    const chairs = render('chairs', lang);
    const steering = render('steering', lang);
    const open = render('open', lang);
    for (const mark of Object.values(MARK)) expect(chairs, mark).toContain(mark);
    expect(steering).toContain(MARK.oppen);
    expect(steering).toContain(MARK.intern);
    expect(steering).not.toContain(MARK.kanslig);
    expect(open).toContain(MARK.oppen);
    expect(open).not.toContain(MARK.intern);
    expect(open).not.toContain(MARK.kanslig);
  });
});

describe('the printable HTML report', () => {
  const page = renderLagesbildHtml(doc('chairs'), messages('sv'), 'sv');

  it('is self-contained: no scripts, no external references, escaped text', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(page).not.toContain('<b>&</b>');
    expect(page).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
  });

  it('has three inline SVG charts: ratings per district, themes, the response rate over the meetings', () => {
    const m = messages('sv').lagesbild.report;
    expect(page.match(/<svg /g)?.length).toBe(3);
    for (const title of [m.chartTrend, m.chartThemes, m.chartRate]) expect(page).toContain(`aria-label="${title}"`);
    // Both meetings on the response-rate line, the net per district over both meetings.
    expect(page).toContain('Styrgruppsmöte 1/2027');
    expect(page).toContain('Styrgruppsmöte 2/2027');
    expect(page).toContain('<polyline');
  });

  it('draws the response rate on a 0–100 axis, with the same numbers in a table', () => {
    const m = messages('sv').lagesbild.report;
    const chart = page.slice(page.indexOf(`aria-label="${m.chartRate}"`), page.indexOf('</svg>', page.indexOf(`aria-label="${m.chartRate}"`)));
    const axisLabels = [...chart.matchAll(/text-anchor="end" font-size="10">([^<]+)</g)].map((x) => x[1]);
    expect(axisLabels).toEqual(['100', '0']);
    const rates = doc('chairs').history.map((h) => Math.round(h.counts.rate * 100));
    expect(page).toContain(`<th>${m.meeting}</th><th class="num">${m.rate} (%)</th>`);
    expect(page).toContain(`<td>Styrgruppsmöte 1/2027</td><td class="num">${rates[0]}</td>`);
    expect(page).toContain(`<td>Styrgruppsmöte 2/2027</td><td class="num">${rates[1]}</td>`);
  });

  it.each(['sv', 'en'] as Lang[])('with only one meeting shows the rate as a number, not a one-dot chart (%s)', (lang) => {
    const first = lagesbildReport({ snapshot: s1, audience: 'chairs', stale: false, agenda: null, earlier: [] });
    expect(first.history).toHaveLength(1);
    const one = renderLagesbildHtml(first, messages(lang), lang);
    const m = messages(lang).lagesbild.report;
    expect(one).not.toContain(`aria-label="${m.chartRate}"`);
    expect(one.match(/<svg /g)?.length).toBe(2); // ratings per district and themes only
    expect(one).toContain(m.rateAt(lang === 'sv' ? 'Styrgruppsmöte 1/2027' : 'Steering group meeting 1/2027', Math.round(first.history[0]!.counts.rate * 100)));
  });

  it('shows the change since the previous meeting and the approved agenda', () => {
    expect(page).toContain('sedan förra mötet');
    expect(page).toContain('Dagordning (godkänd)');
    for (const item of agendaOf(s2).items) expect(page).toContain(item.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});

describe('CSV of all answers', () => {
  it('UTF-8 with BOM, semicolons, CRLF, one row per piece of each visible answer', () => {
    const csv = renderLagesbildCsv(doc('steering'), messages('sv'), 'sv');
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Möte;Forum;Typ;Stadsdel;Utveckling;Prioritet;Tema;Text;Synlighet');
    expect(lines.length - 1).toBe(answerRows(doc('steering').view, 'sv').length);
    expect(csv).toContain('Trygghetsrådet Berga;Utveckling;Berga;Bättre;;;');
    expect(csv).not.toContain('Känslig');
    expect(csv).toContain('Skadegörelse');
  });

  it('neutralises formulas', () => {
    const s = compileLagesbild({
      meeting: { id: '2027-3', date: '2027-09-01' },
      forums,
      answers: [{ forumId: 'tr-berga', submittedAt: '2027-08-20T10:00:00Z', late: false, version: 1, answer: { districts: [], themes: [], questions: [], agendaItems: [], needs: '=HYPERLINK("x")', sensitivity: 'oppen' } }],
      themes: defaultThemes,
      compiledAt: '2027-08-30T10:00:00Z',
    });
    const csv = renderLagesbildCsv(lagesbildReport({ snapshot: s, audience: 'open', stale: false, agenda: null, earlier: [] }), messages('sv'), 'sv');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('the Teams join link (Graph on)', () => {
  const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
  const withJoin = lagesbildReport({ snapshot: s2, audience: 'steering', stale: false, agenda: null, earlier: [], joinUrl });
  it('is a link in the HTML and the Markdown, and absent without one', () => {
    expect(renderLagesbildHtml(withJoin, messages('sv'), 'sv')).toContain(`<a href="${joinUrl}">Anslut till Teams-mötet</a>`);
    expect(renderLagesbildMarkdown(withJoin, messages('en'), 'en')).toContain(`[Join the Teams meeting](${joinUrl})`);
    expect(renderLagesbildHtml(doc('steering'), messages('sv'), 'sv')).not.toContain('Anslut till Teams-mötet');
  });
});

describe('Markdown', () => {
  it('escapes user text and lists the agenda', () => {
    const md = renderLagesbildMarkdown(doc('chairs'), messages('sv'), 'sv');
    expect(md).toContain('# Lägesbild inför Styrgruppsmöte 2/2027');
    expect(md).toContain('\\<b\\>&\\</b\\>');
    expect(md).toMatch(/## Dagordning \(godkänd\)\n\n1\. Lägesbild — 20 min/);
  });
});

describe('a meeting without answers', () => {
  const empty = compileLagesbild({ meeting: { id: '2027-3', date: '2027-09-01' }, forums, answers: [], themes: defaultThemes, compiledAt: '2027-08-30T10:00:00Z' });
  const d = lagesbildReport({ snapshot: empty, audience: 'chairs', stale: true, agenda: null, earlier: [s1, s2] });
  it.each(['sv', 'en'] as Lang[])('every format says so (%s)', (lang) => {
    const m = messages(lang);
    expect(renderLagesbildHtml(d, m, lang)).toContain(m.lagesbild.noAnswers);
    expect(renderLagesbildMarkdown(d, m, lang)).toContain(m.lagesbild.noAnswers);
    expect(renderLagesbildHtml(d, m, lang)).toContain(m.lagesbild.report.stale);
    expect(renderLagesbildCsv(d, m, lang).trimEnd().split('\r\n')).toHaveLength(1);
    expect(d.history.map((h) => h.meetingId)).toEqual(['2027-1', '2027-2', '2027-3']);
  });
});

it('agendaFor leaves out items the audience may not see and recounts the minutes', () => {
  const agenda = agendaOf(s2);
  const withSecret = { ...agenda, items: [...agenda.items, { ...agenda.items.at(-1)!, id: 'q-secret', title: MARK.kanslig, sensitivity: 'kanslig' as const }] };
  const cut = agendaFor(withSecret, 'steering');
  expect(JSON.stringify(cut)).not.toContain(MARK.kanslig);
  expect(cut.totalMinutes).toBe(cut.items.reduce((s, i) => s + i.minutes, 0));
  expect(agendaFor(withSecret, 'chairs').items).toHaveLength(withSecret.items.length);
});
