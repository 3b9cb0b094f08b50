/**
 * The regional picture's reports at /reports/regional/<ownerDigest>/<run>.{html,md,csv,json},
 * only through a signed, expiring link like the lägesbild's. The audience is always the
 * steering audience (the picture holds nothing else); the language is signed when it is
 * not the default, so a link's language cannot be changed.
 */
import { ownerDigest } from '../../domain/regional/ownerDigest.js';
import { withQuery, type LinkSigner } from '../../http/signedLink.js';
import type { Lang } from '../../i18n/index.js';
import type { Config } from '../../config.js';

export const regionalReportFormats = ['html', 'md', 'csv', 'json'] as const;
export type RegionalReportFormat = (typeof regionalReportFormats)[number];

export const regionalReportPath = (digest: string, run: string, format: RegionalReportFormat) => `/reports/regional/${digest}/${run}.${format}`;

const SIGNED_KEYS = ['lang'] as const;

/** What signing and checking a link needs; an organisation's Services has it. */
export interface RegionalLinkDeps {
  links: LinkSigner;
  clock: () => Date;
  config: Pick<Config, 'PUBLIC_URL' | 'REPORT_LINK_TTL_MINUTES' | 'DEFAULT_LOCALE'>;
}

export function regionalReportLinks(deps: RegionalLinkDeps, ownerKey: string, run: string, lang?: Lang): Record<RegionalReportFormat, string> {
  const base = deps.config.PUBLIC_URL.replace(/\/$/, '');
  const now = deps.clock();
  const digest = ownerDigest(ownerKey);
  const params = { lang: lang && lang !== deps.config.DEFAULT_LOCALE ? lang : undefined };
  const link = (f: RegionalReportFormat) => `${base}${deps.links.sign(regionalReportPath(digest, run, f), now, deps.config.REPORT_LINK_TTL_MINUTES, params)}`;
  return { html: link('html'), md: link('md'), csv: link('csv'), json: link('json') };
}

/** The picture's TTL in the store: as long as its links. */
export const regionalTtlSeconds = (deps: RegionalLinkDeps) => deps.config.REPORT_LINK_TTL_MINUTES * 60;

export type RegionalLinkCheck = { ok: true; lang: Lang | undefined; what: string } | { ok: false; status: 403 | 410 };

export function checkRegionalLink(deps: RegionalLinkDeps, path: string, query: Record<string, unknown>): RegionalLinkCheck {
  const { lang } = query;
  if (lang !== undefined && lang !== 'sv' && lang !== 'en') return { ok: false, status: 403 };
  const check = deps.links.verify(path, query, deps.clock(), SIGNED_KEYS);
  if (check === 'ok') return { ok: true, lang, what: withQuery(path, { lang }) };
  return { ok: false, status: check === 'expired' ? 410 : 403 };
}
