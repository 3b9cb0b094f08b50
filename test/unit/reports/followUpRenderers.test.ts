import { describe, expect, it } from 'vitest';
import type { Malbild } from '../../../src/domain/malbilder/malbild.js';
import { messages } from '../../../src/i18n/index.js';
import { renderFollowUpCsv } from '../../../src/reports/followUp/csv.js';
import { followUpDocument } from '../../../src/reports/followUp/document.js';
import { renderFollowUpHtml } from '../../../src/reports/followUp/html.js';
import { meetingLabel } from '../../../src/reports/followUp/labels.js';
import { renderFollowUpMarkdown } from '../../../src/reports/followUp/markdown.js';
import { action, citizenPromise, commitment, followUp } from '../domain/promise/fixtures.js';

const malbild: Malbild = {
  id: 'malbild-berga',
  district: 'Berga',
  statements: ['Trygga kvällar'],
  indicators: [
    {
      id: 'i1',
      name: 'Andel trygga',
      unit: '%',
      direction: 'increase',
      baseline: { value: 50, date: '2025-10-01' },
      target: { value: 70, date: '2027-10-01' },
      readings: [
        { value: 55, date: '2026-03-01', by: 'x' },
        { value: 60, date: '2026-09-01', by: 'x' },
      ],
    },
  ],
};

const promise = citizenPromise([
  commitment(
    'c1',
    [
      action('x1', { text: 'Narkotikasök <i skolor>', followUps: [followUp('2026-1', 'Två sök'), followUp('2026-2', '6 narkotikasök genomförda', { count: 6 })] }),
      action('x2', { text: 'Trygghetsvandring', due: '2026-03-01' }),
    ],
    { text: 'Minska narkotikan | i Berga', malbildId: 'malbild-berga' },
  ),
  commitment('c2', [action('x3', { status: 'klar', completedAt: '2026-07-01', due: '2026-06-15', ownerName: 'Åsa Öberg' })], { text: 'Fler vuxna ute', responsible: 'polisen' }),
]);
const m = messages('sv');
const meetingDoc = followUpDocument(promise, '2026-2', '2026-10-01', [malbild], 'meeting');
const periodDoc = followUpDocument(promise, '2026-2', '2026-10-01', [malbild], 'period');

describe('follow-up Markdown', () => {
  const out = renderFollowUpMarkdown(meetingDoc, m, 'sv');

  it('has the title, summary table per party and the commitments with escaped user text', () => {
    expect(out).toContain('# Uppföljning: Medborgarlöfte 2026–2027 – Styrgruppsmöte 2/2026');
    expect(out).toContain('| Ansvarig part | Pågår i tid | Försenade | Klara i tid | Klara efter datum | Stoppade | Totalt |');
    expect(out).toContain('| Polisen | 0 | 0 | 0 | 1 | 0 | 1 |');
    // On 2026-10-01 both open items are past due; x3 was done after its due date.
    expect(out).toContain('| **Totalt** | 0 | 2 | 0 | 1 | 0 | 3 |');
    expect(out).toContain('## Minska narkotikan \\| i Berga');
    expect(out).toContain('Narkotikasök \\<i skolor\\>');
    expect(out).toContain('| 6 narkotikasök genomförda | 6 |');
    expect(out).toContain('– ingen uppföljning ännu –');
    expect(out).toContain('### Målbild Berga');
    expect(out).toContain('50 % av vägen till målet');
  });

  it('the period version lists every meeting’s entry', () => {
    const p = renderFollowUpMarkdown(periodDoc, m, 'sv');
    expect(p).toContain('hela perioden');
    expect(p).toContain('Styrgruppsmöte 1/2026: Två sök / Styrgruppsmöte 2/2026: 6 narkotikasök genomförda');
  });

  it('English too', () => {
    expect(renderFollowUpMarkdown(meetingDoc, messages('en'), 'en')).toContain('# Follow-up: Medborgarlöfte 2026–2027 – Steering group meeting 2/2026');
  });
});

describe('follow-up HTML', () => {
  const out = renderFollowUpHtml(meetingDoc, m, 'sv');

  it('is a self-contained printable page with inline SVG charts and escaped text', () => {
    expect(out).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(out.match(/<svg /g)?.length).toBe(2); // the stacked bars + one indicator line chart
    expect(out).toContain('<polyline');
    expect(out).toContain('Narkotikasök &lt;i skolor&gt;');
    expect(out).not.toContain('<i skolor>');
    expect(out).toContain('class="status-late"');
    expect(out).toContain('@media print');
    expect(out).not.toMatch(/<script|<link|<img/i);
  });
});

describe('follow-up HTML: indicator readings', () => {
  it('with two readings or more: the chart and the same numbers in a table', () => {
    const out = renderFollowUpHtml(meetingDoc, m, 'sv');
    expect(out).toContain('<th>Datum</th><th class="num">Värde (%)</th>');
    expect(out).toContain('<td>2026-03-01</td><td class="num">55</td>');
    expect(out).toContain('<td>2026-09-01</td><td class="num">60</td>');
  });

  it('with one reading: the number in the text, no one-dot chart', () => {
    const one: Malbild = { ...malbild, indicators: [{ ...malbild.indicators[0]!, readings: [malbild.indicators[0]!.readings[0]!] }] };
    const out = renderFollowUpHtml(followUpDocument(promise, '2026-2', '2026-10-01', [one], 'meeting'), m, 'sv');
    expect(out.match(/<svg /g)?.length).toBe(1); // the stacked bars only
    expect(out).toMatch(/<p>Andel trygga · [^<]*55/);
  });
});

describe('follow-up CSV', () => {
  it('BOM, header, one row per item (period: per entry), formulas neutralised', () => {
    const csv = renderFollowUpCsv(meetingDoc, m, 'sv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Åtagande;Ansvarig part;Stadsdelar;Åtgärd;Ansvarig;Klart senast;Status;Möte;Uppföljning;Antal');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('Minska narkotikan | i Berga;Polisen och kommunen;Berga;Narkotikasök <i skolor>;Olle Ägare;2026-06-15;Försenad;Styrgruppsmöte 2/2026;6 narkotikasök genomförda;6');
    const period = renderFollowUpCsv(periodDoc, m, 'sv').slice(1).trimEnd().split('\r\n');
    expect(period).toHaveLength(5); // x1 twice (two meetings), x2 and x3 once each
  });
});

describe('meetingLabel', () => {
  it('names meetings by their id, leaves other ids alone', () => {
    expect(meetingLabel('2027-3', 'sv')).toBe('Styrgruppsmöte 3/2027');
    expect(meetingLabel('2027-3', 'en')).toBe('Steering group meeting 3/2027');
    expect(meetingLabel('special', 'sv')).toBe('special');
  });
});
