/**
 * The residents' URLs of one organisation (relative, so the pages work behind any host).
 * Stable: they are linked from the municipality's website and reused as open data.
 */
export type PublicFormat = 'json' | 'csv';

export function publicPaths(slug: string) {
  const base = `/invanare/${slug}`;
  return {
    base,
    /** The page in the reader's language (Accept-Language): the address to link from a website. */
    negotiated: base,
    /** The page in one language. */
    page: (lang: 'sv' | 'en') => `${base}/${lang}`,
    embed: (lang: 'sv' | 'en') => (lang === 'en' ? `${base}/en/inbaddning` : `${base}/inbaddning`),
    accessibility: (lang: 'sv' | 'en') => (lang === 'en' ? `${base}/en/tillganglighet` : `${base}/tillganglighet`),
    json: `${base}/data.json`,
    csv: `${base}/data.csv`,
    atom: `${base}/uppdateringar.atom`,
    past: (date: string, lang: 'sv' | 'en') => (lang === 'en' ? `${base}/versioner/${date}/en` : `${base}/versioner/${date}`),
    pastData: (date: string, format: PublicFormat) => `${base}/versioner/${date}/data.${format}`,
  };
}
export type PublicPaths = ReturnType<typeof publicPaths>;

/** Where the JSON schema of open data version `n` is served. */
export const publicSchemaPath = (n: number) => `/invanare/schema/v${n}.json`;
