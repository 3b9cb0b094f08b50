/** The tillgänglighetsredogörelse (accessibility statement) of the residents' page, as the law requires. */
import type { Catalog } from '../../i18n/index.js';
import { html } from '../html.js';
import { publicLayout } from './layout.js';
import { publicPaths } from './paths.js';

export function renderAccessibilityStatement(input: { organisation: string; slug: string; lang: 'sv' | 'en' }, m: Catalog): string {
  const t = m.public;
  const paths = publicPaths(input.slug);
  const other = input.lang === 'sv' ? 'en' : 'sv';
  return publicLayout({
    lang: input.lang,
    title: t.a11yTitle(input.organisation),
    organisation: input.organisation,
    skip: t.skipToContent,
    alternate: { href: paths.accessibility(other), lang: other, label: t.otherLanguage },
    footerLinks: [{ href: paths.page(input.lang), label: t.a11yBack }],
    body: html`<h1>${t.a11yTitle(input.organisation)}</h1><p class="meta">${t.a11yStatus}</p>${t.a11yBody(input.organisation).map((p) => html`<p>${p}</p>`)}<p><a href="${paths.page(input.lang)}">${t.a11yBack}</a></p>`,
  });
}
