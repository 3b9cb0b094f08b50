import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The query parameters that decide a response (a report's audience, its language):
 * signed with the path, so changing, adding or removing one breaks the signature.
 */
export type SignedParams = Readonly<Record<string, string | undefined>>;

/**
 * Expiring signed links for reports: `?<params>&exp=<unix seconds>&sig=<hmac>` over the
 * path, the parameters that decide the response and the expiry.
 * Without LINK_SECRET a random per-process secret is used (links die on restart).
 */
export class LinkSigner {
  private readonly secret: Buffer;

  /**
   * `scope`: the organisation the links belong to, mixed into every signature, so a link
   * of one organisation never verifies under another's path. Empty for the organisation
   * upgraded from the single-municipality version: its links sent before the upgrade verify.
   */
  constructor(
    secret: string | Buffer | undefined,
    private readonly scope = '',
  ) {
    this.secret = typeof secret === 'string' ? Buffer.from(secret) : (secret ?? randomBytes(32));
  }

  /** The same secret, signing for one organisation. */
  scoped(scope: string): LinkSigner {
    return new LinkSigner(this.secret, scope);
  }

  private mac(signed: string, exp: number): string {
    const h = createHmac('sha256', this.secret);
    if (this.scope) h.update(`${this.scope}\n`);
    return h.update(`${signed}\n${exp}`).digest('base64url');
  }

  /** A path with its parameters and signature, valid for `ttlMinutes` from `now`. */
  sign(path: string, now: Date, ttlMinutes: number, params: SignedParams = {}): string {
    const exp = Math.floor(now.getTime() / 1000) + ttlMinutes * 60;
    const signed = withQuery(path, params);
    return `${signed}${signed === path ? '?' : '&'}exp=${exp}&sig=${this.mac(signed, exp)}`;
  }

  /**
   * Checks a request against its signature. `keys` names the parameters the route reads
   * besides exp and sig: each is taken from the request as it came, so a tampered,
   * added or dropped one is 'invalid'.
   */
  verify(path: string, query: Record<string, unknown>, now: Date, keys: readonly string[] = []): 'ok' | 'expired' | 'invalid' {
    const { exp, sig } = query;
    if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'invalid';
    const params: Record<string, string | undefined> = {};
    for (const key of keys) {
      const value = query[key];
      if (value !== undefined && typeof value !== 'string') return 'invalid'; // ?lang=a&lang=b
      params[key] = value;
    }
    const expected = Buffer.from(this.mac(withQuery(path, params), Number(exp)));
    const got = Buffer.from(sig);
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return 'invalid';
    return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
  }
}

/**
 * The path and its present parameters in key order: `/r/1.html?aud=chairs&lang=en`.
 * Absent parameters leave no trace, so a link signed before a key was added (no lang)
 * still verifies while it has not expired.
 */
export function withQuery(path: string, params: SignedParams): string {
  const pairs = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}
