import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Expiring signed links for reports: `?exp=<unix seconds>&sig=<hmac>` over path and expiry.
 * Without LINK_SECRET a random per-process secret is used (links die on restart).
 */
export class LinkSigner {
  private readonly secret: Buffer;

  constructor(secret: string | undefined) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  private mac(path: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${exp}`).digest('base64url');
  }

  /** A path with its signature, valid for `ttlMinutes` from `now`. */
  sign(path: string, now: Date, ttlMinutes: number): string {
    const exp = Math.floor(now.getTime() / 1000) + ttlMinutes * 60;
    return `${path}?exp=${exp}&sig=${this.mac(path, exp)}`;
  }

  verify(path: string, exp: unknown, sig: unknown, now: Date): 'ok' | 'expired' | 'invalid' {
    if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'invalid';
    const expected = Buffer.from(this.mac(path, Number(exp)));
    const got = Buffer.from(sig);
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return 'invalid';
    return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
  }
}
