/**
 * Inline SVG charts for the HTML reports: no scripts, no fonts, no external references,
 * so they print and work under a strict CSP. Every text is escaped; sizes are fixed so a
 * chart looks the same on screen and on paper.
 */
import { escapeHtml, raw, type Html } from './html.js';

export interface BarSeries {
  name: string;
  color: string;
  values: readonly number[];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * Horizontal stacked bars: one bar per category, one colour per series, with a legend.
 * Zero totals draw an empty bar (the category is still listed).
 */
export function stackedBarChart(opts: { title: string; categories: readonly string[]; series: readonly BarSeries[]; width?: number }): Html {
  const width = opts.width ?? 720;
  const labelW = 220;
  const barH = 22;
  const gap = 8;
  const legendH = 26;
  const top = 8;
  const plotW = width - labelW - 50;
  const totals = opts.categories.map((_, i) => opts.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const height = top + opts.categories.length * (barH + gap) + legendH + 8;
  const parts: string[] = [];
  opts.categories.forEach((cat, i) => {
    const y = top + i * (barH + gap);
    parts.push(`<text x="${labelW - 6}" y="${y + barH * 0.7}" text-anchor="end" font-size="12">${escapeHtml(truncate(cat, 34))}</text>`);
    let x = labelW;
    for (const s of opts.series) {
      const v = Math.max(0, s.values[i] ?? 0);
      if (v === 0) continue;
      const w = (v / max) * plotW;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${escapeHtml(s.color)}"><title>${escapeHtml(`${s.name}: ${fmt(v)}`)}</title></rect>`);
      if (w > 16) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + barH * 0.7}" text-anchor="middle" font-size="11" fill="#fff">${fmt(v)}</text>`);
      x += w;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + barH * 0.7}" font-size="11" fill="#333">${fmt(totals[i] ?? 0)}</text>`);
  });
  let lx = labelW;
  const ly = top + opts.categories.length * (barH + gap) + 6;
  for (const s of opts.series) {
    parts.push(`<rect x="${lx}" y="${ly}" width="12" height="12" fill="${escapeHtml(s.color)}"/><text x="${lx + 16}" y="${ly + 10}" font-size="11">${escapeHtml(s.name)}</text>`);
    lx += 24 + s.name.length * 6.5;
  }
  return svg(width, height, opts.title, parts);
}

export interface LinePoint {
  label: string;
  value: number;
}

/** A percentage axis: the whole 0–100, so 98 % looks like nearly all, not like the top of a cliff. */
export const PERCENT_AXIS = { min: 0, max: 100 } as const;

/**
 * A line of values over time (labels are shown as given, e.g. dates), with optional
 * dashed reference lines (a target, a baseline). `axis` fixes the value axis (e.g.
 * PERCENT_AXIS); without it the axis fits the values. Callers show a single value as a
 * number instead (one dot on an axis says nothing).
 */
export function lineChart(opts: {
  title: string;
  points: readonly LinePoint[];
  references?: readonly { name: string; value: number; color: string }[];
  unit?: string;
  width?: number;
  height?: number;
  axis?: { min: number; max: number };
}): Html {
  const width = opts.width ?? 520;
  const height = opts.height ?? 220;
  const pad = { left: 56, right: 16, top: 16, bottom: 44 };
  const refs = opts.references ?? [];
  const values = [...opts.points.map((p) => p.value), ...refs.map((r) => r.value)];
  let lo = opts.axis ? opts.axis.min : values.length ? Math.min(...values) : 0;
  let hi = opts.axis ? opts.axis.max : values.length ? Math.max(...values) : 1;
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  if (!opts.axis) {
    const span = hi - lo;
    lo -= span * 0.1;
    hi += span * 0.1;
  }
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const n = opts.points.length;
  const x = (i: number) => pad.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const parts: string[] = [
    `<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#999"/>`,
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}" stroke="#999"/>`,
    `<text x="${pad.left - 6}" y="${y(hi - (hi - lo) * 0.05).toFixed(1)}" text-anchor="end" font-size="10">${escapeHtml(fmt(hi))}</text>`,
    `<text x="${pad.left - 6}" y="${y(lo).toFixed(1)}" text-anchor="end" font-size="10">${escapeHtml(fmt(lo))}</text>`,
  ];
  for (const r of refs) {
    parts.push(
      `<line x1="${pad.left}" y1="${y(r.value).toFixed(1)}" x2="${pad.left + plotW}" y2="${y(r.value).toFixed(1)}" stroke="${escapeHtml(r.color)}" stroke-dasharray="5 4"/><text x="${pad.left + plotW}" y="${(y(r.value) - 4).toFixed(1)}" text-anchor="end" font-size="10" fill="${escapeHtml(r.color)}">${escapeHtml(`${r.name} ${fmt(r.value)}`)}</text>`,
    );
  }
  if (n > 1) parts.push(`<polyline fill="none" stroke="#0f6cbd" stroke-width="2" points="${opts.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}"/>`);
  opts.points.forEach((p, i) => {
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="#0f6cbd"><title>${escapeHtml(`${p.label}: ${fmt(p.value)}${opts.unit ? ` ${opts.unit}` : ''}`)}</title></circle>`);
    parts.push(`<text x="${x(i).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle" font-size="10">${escapeHtml(p.label)}</text>`);
  });
  return svg(width, height, opts.title, parts);
}

function svg(width: number, height: number, title: string, parts: string[]): Html {
  return raw(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`);
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
