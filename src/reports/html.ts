/**
 * HTML for printable, self-contained reports (no scripts, no external assets: the pages
 * are served under a CSP that allows inline styles and nothing else). Values are escaped
 * by the `html` tag unless they are already `Html`, so report code cannot forget it.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Tagged template: `html\`<td>${text}</td>\`` escapes `text`; nested `Html` stays as is. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i] as HtmlValue) : ''), ''));
}

/** Trusted markup (e.g. SVG built by svg.ts). */
export const raw = (markup: string): Html => new Html(markup);

export function table(headers: readonly string[], rows: readonly (readonly HtmlValue[])[], opts: { className?: string; numeric?: readonly number[] } = {}): Html {
  const num = new Set(opts.numeric ?? []);
  return html`<table${opts.className ? raw(` class="${escapeHtml(opts.className)}"`) : ''}><thead><tr>${headers.map((h, i) => html`<th${num.has(i) ? raw(' class="num"') : ''}>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c, i) => html`<td${num.has(i) ? raw(' class="num"') : ''}>${c}</td>`)}</tr>`,
  )}</tbody></table>`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
.meta { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figcaption { font-size: .85rem; color: #444; }
svg text { font-family: inherit; }
.status-late { color: #a4262c; font-weight: 600; } .status-done { color: #107c10; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } .noprint { display: none; } }
`;

/**
 * A complete page: language, title, print-friendly CSS. All content sits in landmarks
 * (title in the header, the report in main) so screen-reader users can jump to it.
 */
export function page(opts: { lang: string; title: string; body: Html; subtitle?: string }): string {
  const header = html`<header><h1>${opts.title}</h1>${opts.subtitle ? html`<p class="meta">${opts.subtitle}</p>` : ''}</header>`;
  return `<!doctype html>\n${html`<html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${opts.title}</title><style>${raw(CSS)}</style></head><body>${header}<main>${opts.body}</main></body></html>`.value}\n`;
}
