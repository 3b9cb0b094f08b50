/**
 * The frame of every page residents see (the promise page, its embed variant, an earlier
 * version, the accessibility statement): landmarks, a skip link, the language switch and
 * the footer with the accessibility statement. Self-contained: one inline stylesheet
 * allowed by its hash (PUBLIC_STYLE_HASH goes into the CSP), no scripts, no other assets.
 */
import { createHash } from 'node:crypto';
import { html, raw, type Html } from '../html.js';

/** Colours chosen for WCAG AA contrast on white (≥ 4.5:1 for text), also in grey print. */
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; margin: 0; color: #1b1b1b; background: #fff; line-height: 1.5; font-size: 1rem; }
.wrap { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; color: #0b4f8a; padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
header.site, footer.site { background: #f3f3f3; border-bottom: 1px solid #d0d0d0; }
footer.site { border-top: 1px solid #d0d0d0; border-bottom: 0; margin-top: 3rem; padding: 1rem 0; font-size: .95rem; }
header.site .wrap { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; padding-top: .6rem; padding-bottom: .6rem; }
.org { font-weight: 600; }
a { color: #0b4f8a; text-decoration: underline; }
a:focus-visible, summary:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1.5rem 0 .3rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #bdbdbd; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
.meta { color: #4a4a4a; font-size: .95rem; }
.notice { border-left: 4px solid #0b4f8a; background: #eef4fa; padding: .6rem .9rem; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.late { color: #a4262c; font-weight: 600; }
.done { color: #0e6b0e; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #4a4a4a; }
ul.plain { padding-left: 1.2rem; }
.embed main { padding-top: .5rem; }
.embed h1 { font-size: 1.4rem; margin-top: .5rem; }
@media print {
  header.site, .skip, .noprint { display: none; }
  body { font-size: 11pt; }
  .wrap { max-width: none; padding: 0; }
  a { color: #000; }
  h2, h3 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  footer.site { background: none; border: 0; }
}
`;

/** The CSP source that allows exactly this stylesheet. */
export const PUBLIC_STYLE_HASH = `'sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}'`;

export interface LayoutInput {
  lang: 'sv' | 'en';
  title: string;
  organisation: string;
  body: Html;
  /** The same page in the other language. */
  alternate?: { href: string; lang: 'sv' | 'en'; label: string };
  footerLinks: { href: string; label: string }[];
  /** Skip link text. */
  skip: string;
  /** The embed variant: no site header, links open outside the frame. */
  embed?: boolean;
  headLinks?: Html;
}

export function publicLayout(p: LayoutInput): string {
  const target = p.embed ? raw(' target="_top"') : '';
  const alt = p.alternate
    ? html`<a href="${p.alternate.href}" lang="${p.alternate.lang}" hreflang="${p.alternate.lang}"${target}>${p.alternate.label}</a>`
    : '';
  const header = p.embed ? '' : html`<header class="site"><div class="wrap"><span class="org">${p.organisation}</span><nav aria-label="${p.lang === 'en' ? 'Language' : 'Språk'}">${alt}</nav></div></header>`;
  const footer = html`<footer class="site"><div class="wrap">${p.embed && p.alternate ? html`<p>${alt}</p>` : ''}<ul class="plain">${p.footerLinks.map(
    (l) => html`<li><a href="${l.href}"${target}>${l.label}</a></li>`,
  )}</ul><p class="meta">${p.organisation}</p></div></footer>`;
  const doc = html`<html lang="${p.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${p.title}</title>${p.headLinks ?? ''}<style>${raw(CSS)}</style></head><body${p.embed ? raw(' class="embed"') : ''}><a class="skip" href="#main"${raw('')}>${p.skip}</a>${header}<main id="main" class="wrap" tabindex="-1">${p.body}</main>${footer}</body></html>`;
  return `<!doctype html>\n${doc.value}\n`;
}
