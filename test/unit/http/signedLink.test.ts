import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LinkSigner } from '../../../src/http/signedLink.js';

const SECRET = 'x'.repeat(32);
const NOW = new Date('2027-03-01T10:00:00Z');
const signer = new LinkSigner(SECRET);

/** The query of a signed link as a route sees it (one value per key, or an array when repeated). */
function queryOf(link: string, edit: (q: URLSearchParams) => void = () => {}): Record<string, unknown> {
  const q = new URLSearchParams(link.slice(link.indexOf('?') + 1));
  edit(q);
  const out: Record<string, unknown> = {};
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

describe('LinkSigner signs every parameter that decides the response', () => {
  const PATH = '/reports/uppfoljning/p1/2027-1.html';
  const english = signer.sign(PATH, NOW, 60, { lang: 'en' });
  const swedish = signer.sign(PATH, NOW, 60);

  it('puts the parameters before exp and sig', () => {
    expect(english).toMatch(/^\/reports\/uppfoljning\/p1\/2027-1\.html\?lang=en&exp=\d+&sig=[\w-]+$/);
    expect(swedish).toMatch(/^\/reports\/uppfoljning\/p1\/2027-1\.html\?exp=\d+&sig=[\w-]+$/);
  });

  it.each([
    ['the link as issued (English)', english, (_q: URLSearchParams) => {}, 'ok'],
    ['the link as issued (default language)', swedish, (_q: URLSearchParams) => {}, 'ok'],
    ['lang changed', english, (q: URLSearchParams) => q.set('lang', 'sv'), 'invalid'],
    ['lang added to a default-language link', swedish, (q: URLSearchParams) => q.set('lang', 'en'), 'invalid'],
    ['lang dropped', english, (q: URLSearchParams) => q.delete('lang'), 'invalid'],
    ['lang repeated', english, (q: URLSearchParams) => q.append('lang', 'sv'), 'invalid'],
    ['exp changed', english, (q: URLSearchParams) => q.set('exp', String(Number(q.get('exp')) + 60)), 'invalid'],
    ['an unsigned extra parameter the route does not read', english, (q: URLSearchParams) => q.set('utm', 'x'), 'ok'],
  ])('%s → %s', (_why, link, edit, expected) => {
    expect(signer.verify(PATH, queryOf(link, edit), NOW, ['lang'])).toBe(expected);
  });

  it('refuses the link on another path and after it expires', () => {
    expect(signer.verify('/reports/uppfoljning/p1/2027-2.html', queryOf(english), NOW, ['lang'])).toBe('invalid');
    expect(signer.verify(PATH, queryOf(english), new Date(NOW.getTime() + 61 * 60_000), ['lang'])).toBe('expired');
  });

  it('keeps several parameters in key order whatever order they were given in', () => {
    const a = signer.sign('/reports/2027-1.html', NOW, 60, { lang: 'en', aud: 'chairs' });
    expect(a).toMatch(/^\/reports\/2027-1\.html\?aud=chairs&lang=en&exp=/);
    expect(signer.verify('/reports/2027-1.html', queryOf(a), NOW, ['aud', 'lang'])).toBe('ok');
    expect(signer.verify('/reports/2027-1.html', queryOf(a, (q) => q.set('aud', 'open')), NOW, ['aud', 'lang'])).toBe('invalid');
  });

  it('still accepts a link issued before the language was signed when it had none (same signature)', () => {
    // Before: HMAC over "<path>?aud=<aud>\n<exp>" for lägesbild links, "<path>\n<exp>" for follow-up links.
    const exp = Math.floor(NOW.getTime() / 1000) + 3600;
    const old = (signed: string) => createHmac('sha256', Buffer.from(SECRET)).update(`${signed}\n${exp}`).digest('base64url');
    expect(signer.verify('/reports/2027-1.html', { aud: 'steering', exp: String(exp), sig: old('/reports/2027-1.html?aud=steering') }, NOW, ['aud', 'lang'])).toBe('ok');
    expect(signer.verify(PATH, { exp: String(exp), sig: old(PATH) }, NOW, ['lang'])).toBe('ok');
    // An old English link carried an unsigned lang: refused now (it expires within REPORT_LINK_TTL_MINUTES anyway).
    expect(signer.verify(PATH, { lang: 'en', exp: String(exp), sig: old(PATH) }, NOW, ['lang'])).toBe('invalid');
  });
});
