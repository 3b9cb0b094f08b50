/**
 * The residents' page and open data, without sign-in, under /invanare/<slug>:
 *
 *   /                       the page in the reader's language (Accept-Language)
 *   /sv, /en                the page in one language
 *   /inbaddning, /en/inbaddning   the embed variant (framable from PUBLIC_EMBED_ORIGINS only)
 *   /tillganglighet, /en/tillganglighet   the accessibility statement
 *   /data.json, /data.csv, /uppdateringar.atom   open data of the current version, the feed
 *   /versioner/<date>[/en], /versioner/<date>/data.{json,csv}   the version of a local date
 *   /invanare/schema/v1.json   the JSON Schema of data.json
 *
 * Everything is served from renderings made once per publication (PublicSite), with
 * ETag, Last-Modified and Cache-Control; conditional requests get 304.
 */
import { Router, type Request, type Response } from 'express';
import { isIsoDate } from '../domain/calendar/localDate.js';
import { PUBLIC_SCHEMA_VERSION } from '../domain/public/publicVersion.js';
import { messages, type Lang } from '../i18n/index.js';
import { renderAccessibilityStatement } from '../reports/public/accessibility.js';
import { PUBLIC_STYLE_HASH, publicLayout } from '../reports/public/layout.js';
import { publicAtom, publicCsv, publicDocument, publicJsonSchema, type Publication } from '../reports/public/openData.js';
import { renderPublicPage } from '../reports/public/page.js';
import { html } from '../reports/html.js';
import type { Services } from '../services/services.js';
import { PublicSite, publicationDates, publicationOn, rendered, type Rendered, type SiteState } from './public/publicSite.js';

const HTML = 'text/html; charset=utf-8';
/** Current pages may change with the next publication; a CDN or browser re-checks (cheaply, 304) after this. */
const CURRENT_CACHE = 'public, max-age=300';
/** A past date's version never changes (today's may still get a later publication). */
const PAST_CACHE = 'public, max-age=86400';

type Kind = 'page' | 'embed' | 'data';

export function publicRouter(s: Services, opts: { recheckMs?: number } = {}): Router {
  const site = new PublicSite(s, opts.recheckMs);
  const router = Router();
  // The residents' pages live at the deployment's root (/invanare/<slug>), not under /o/<orgId>.
  const base = s.platform.config.PUBLIC_URL.replace(/\/$/, '');
  const org = s.config.PUBLIC_ORGANISATION_NAME;
  const embedAncestors = s.config.PUBLIC_EMBED_ORIGINS.length ? s.config.PUBLIC_EMBED_ORIGINS.join(' ') : "'none'";

  const headersFor = (res: Response, kind: Kind) => {
    if (kind === 'data') {
      res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
      // Open data: anyone's web page may read it.
      res.setHeader('Access-Control-Allow-Origin', '*');
      return;
    }
    const ancestors = kind === 'embed' ? embedAncestors : "'none'";
    res.setHeader('Content-Security-Policy', `default-src 'none'; style-src ${PUBLIC_STYLE_HASH}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`);
    // frame-ancestors decides; X-Frame-Options cannot name origins, so it stays only where nothing may frame.
    if (kind === 'embed') res.removeHeader('X-Frame-Options');
  };

  const send = (req: Request, res: Response, r: Rendered, kind: Kind, cache: string, vary?: string) => {
    headersFor(res, kind);
    res.setHeader('Content-Type', r.contentType);
    res.setHeader('ETag', r.etag);
    if (r.lastModified) res.setHeader('Last-Modified', r.lastModified);
    res.setHeader('Cache-Control', cache);
    if (vary) res.setHeader('Vary', vary);
    if (notModified(req, r)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', String(r.body.length));
    res.end(r.body);
  };

  const notFoundPage = (res: Response, lang: Lang, message: string) => {
    const m = messages(lang);
    headersFor(res, 'page');
    res.setHeader('Cache-Control', 'no-cache');
    res
      .status(404)
      .type(HTML)
      .send(publicLayout({ lang, title: m.public.pageTitle(org), organisation: org, skip: m.public.skipToContent, footerLinks: [], body: html`<h1>${m.public.pageTitle(org)}</h1><p>${message}</p>` }));
  };

  const pageOf = (state: SiteState, p: Publication, lang: Lang, opts: { embed?: boolean; past?: boolean }) => ({
    body: renderPublicPage(
      {
        organisation: org,
        slug: p.organisation.slug,
        lang,
        version: p.version,
        publishedDate: p.publishedDate,
        versionDates: publicationDates(state),
        ...(opts.past ? { pastDate: p.publishedDate } : {}),
        ...(opts.embed ? { embed: true } : {}),
      },
      messages(lang),
    ),
    contentType: HTML,
    lastModified: new Date(p.publishedAt),
  });
  const current = (state: SiteState) => state.publications.at(-1)!;

  const page = (lang: (req: Request) => Lang, embed: boolean, vary?: string) => async (req: Request, res: Response) => {
    const slug = String(req.params.slug);
    const l = lang(req);
    const r = await site.rendered(slug, `${embed ? 'embed' : 'page'}:${l}`, (st) => pageOf(st, current(st), l, { embed }));
    if (!r) return notFoundPage(res, l, messages(l).public.notPublished);
    send(req, res, r, embed ? 'embed' : 'page', CURRENT_CACHE, vary);
  };
  const negotiate = (req: Request): Lang => {
    const found = req.acceptsLanguages('sv', 'en');
    return found === 'en' || found === 'sv' ? found : s.config.DEFAULT_LOCALE;
  };

  router.get('/schema/v:n.json', (req, res) => {
    if (req.params.n !== String(PUBLIC_SCHEMA_VERSION)) return notFoundPage(res, 'sv', messages('sv').public.notPublished);
    send(req, res, schemaRendering(), 'data', CURRENT_CACHE);
  });
  router.get('/:slug', page(negotiate, false, 'Accept-Language'));
  router.get('/:slug/sv', page(() => 'sv', false));
  router.get('/:slug/en', page(() => 'en', false));
  router.get('/:slug/inbaddning', page(() => 'sv', true));
  router.get('/:slug/en/inbaddning', page(() => 'en', true));

  const statement = (lang: Lang) => (req: Request, res: Response) => {
    const slug = String(req.params.slug);
    if (slug !== s.config.PUBLIC_SLUG) return notFoundPage(res, lang, messages(lang).public.notPublished);
    send(req, res, statementRendering(slug, org, lang), 'page', CURRENT_CACHE);
  };
  router.get('/:slug/tillganglighet', statement('sv'));
  router.get('/:slug/en/tillganglighet', statement('en'));

  const data = (file: 'data.json' | 'data.csv' | 'uppdateringar.atom') => async (req: Request, res: Response) => {
    const slug = String(req.params.slug);
    const r = await site.rendered(slug, file, (st) => {
      const p = current(st);
      const lastModified = new Date(p.publishedAt);
      if (file === 'data.json') return { body: `${JSON.stringify(publicDocument(p, base), null, 2)}\n`, contentType: 'application/json; charset=utf-8', lastModified };
      if (file === 'data.csv') return { body: publicCsv(p.version), contentType: 'text/csv; charset=utf-8; header=present', lastModified };
      return { body: publicAtom(st.publications, base, messages('sv')), contentType: 'application/atom+xml; charset=utf-8', lastModified };
    });
    if (!r) return notFoundPage(res, 'sv', messages('sv').public.notPublished);
    if (file === 'data.csv') res.setHeader('Content-Disposition', `inline; filename="medborgarlofte-${slug}.csv"`);
    send(req, res, r, 'data', CURRENT_CACHE);
  };
  router.get('/:slug/data.json', data('data.json'));
  router.get('/:slug/data.csv', data('data.csv'));
  router.get('/:slug/uppdateringar.atom', data('uppdateringar.atom'));

  /** The version of a local date: `/versioner/<date>`, `/en`, `/data.json`, `/data.csv`. */
  const past = (what: 'sv' | 'en' | 'data.json' | 'data.csv') => async (req: Request, res: Response) => {
    const slug = String(req.params.slug);
    const date = String(req.params.date);
    const lang: Lang = what === 'en' ? 'en' : 'sv';
    const state = isIsoDate(date) ? await site.state(slug) : null;
    const p = state ? publicationOn(state, date) : null;
    if (!state || !p) return notFoundPage(res, lang, messages(lang).public.noVersionOnDate);
    // Keyed by publication, not date: any number of dates share the few renderings.
    const r = await site.rendered(slug, `past:${p.number}:${what}`, (st) => {
      if (what === 'data.json') return { body: `${JSON.stringify(publicDocument(p, base), null, 2)}\n`, contentType: 'application/json; charset=utf-8', lastModified: new Date(p.publishedAt) };
      if (what === 'data.csv') return { body: publicCsv(p.version), contentType: 'text/csv; charset=utf-8; header=present', lastModified: new Date(p.publishedAt) };
      return pageOf(st, p, lang, { past: true });
    });
    if (!r) return notFoundPage(res, lang, messages(lang).public.noVersionOnDate);
    const isPast = p.number !== current(state).number || date < current(state).publishedDate;
    send(req, res, r, what.startsWith('data') ? 'data' : 'page', isPast ? PAST_CACHE : CURRENT_CACHE);
  };
  router.get('/:slug/versioner/:date', past('sv'));
  router.get('/:slug/versioner/:date/en', past('en'));
  router.get('/:slug/versioner/:date/data.json', past('data.json'));
  router.get('/:slug/versioner/:date/data.csv', past('data.csv'));
  return router;
}

/**
 * RFC 9110 §13.2.2 as an origin server: If-None-Match decides when present, else
 * If-Modified-Since. (Express's req.fresh also honours the request's `Cache-Control:
 * no-cache`, a cache directive that browsers' fetch adds to every conditional request.)
 */
export function notModified(req: Request, r: Rendered): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const tags = inm.split(',').map((x) => x.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(r.etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined || !r.lastModified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(r.lastModified) <= since;
}

const statements = new Map<string, Rendered>();
function statementRendering(slug: string, org: string, lang: Lang): Rendered {
  const key = `${slug}:${lang}`;
  let r = statements.get(key);
  if (!r) {
    r = rendered(renderAccessibilityStatement({ organisation: org, slug, lang }, messages(lang)), HTML);
    statements.set(key, r);
  }
  return r;
}

let schema: Rendered | undefined;
function schemaRendering(): Rendered {
  schema ??= rendered(`${JSON.stringify(publicJsonSchema(), null, 2)}\n`, 'application/schema+json; charset=utf-8');
  return schema;
}


