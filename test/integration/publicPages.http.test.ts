import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hideKey, publicVersionSchema } from '../../src/domain/public/publicVersion.js';
import { publicDocumentSchema } from '../../src/reports/public/openData.js';
import { CHAIR } from '../support/activities.js';
import { OWNER, SECRET_FOLLOW_UP, publishNow, seedPublishedPromise, type PublicSeed } from '../support/publicSeed.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * The residents' page and open data over real HTTP: no sign-in, sv/en by Accept-Language
 * and by link, the embed variant's framing policy, JSON/CSV/Atom, earlier versions by
 * date, caching headers and 304s, and that nothing non-public is ever served.
 */
let t: TestRuntime;
let seed: PublicSeed;
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.botUrl}${path}`, { headers });
const P = '/invanare/linkoping';

beforeAll(async () => {
  // 2027-05-10: the Berga walks (due 2027-03-31) are late.
  t = await startTestRuntime({ now: new Date('2027-05-10T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, PUBLIC_EMBED_ORIGINS: 'https://www.linkoping.se' } });
  seed = await seedPublishedPromise(t.runtime.services);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('the residents’ page', () => {
  it('is served without sign-in in Swedish, with what is late and why, per district and the date of the latest follow-up', async () => {
    const res = await get(P);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')).toContain('Accept-Language');
    const body = await res.text();
    expect(body).toContain('<html lang="sv">');
    expect(body).toContain('Medborgarlöfte – Linköpings kommun');
    expect(body).toContain('Senast uppdaterad 10 maj 2027');
    // The 2027-2 follow-up carries personal data and is withheld, so tertial 1 is the latest public one.
    expect(body).toContain('Senaste uppföljning: Tertial 1 2027');
    expect(body).toMatch(/Försenat – och varför[\s\S]*Trygghetsvandringar varje månad i Berga[\s\S]*Två av fyra vandringar gjorda/);
    expect(body).toContain('<h3>Ryd</h3>');
    expect(body).toContain('Målbild för Berga');
    expect(body).toContain('Andel som känner sig trygga');
    expect(body).toContain('href="/invanare/linkoping/en"');
    expect(body).toContain('href="/invanare/linkoping/tillganglighet"');
    expect(body).not.toMatch(/<script/i);
  });

  it('speaks English by Accept-Language and at /en', async () => {
    for (const res of [await get(P, { 'Accept-Language': 'en-GB,en;q=0.9' }), await get(`${P}/en`, { 'Accept-Language': 'sv' })]) {
      const body = await res.text();
      expect(body).toContain('<html lang="en">');
      expect(body).toContain('Citizen promise – Linköpings kommun');
      expect(body).toContain('Late – and why');
    }
    expect(await (await get(`${P}/sv`, { 'Accept-Language': 'en' })).text()).toContain('<html lang="sv">');
  });

  it.each([
    ['owner names', OWNER.name],
    ['owner ids', OWNER.aadObjectId],
    ['the chair', CHAIR.aadObjectId],
    ['personal data in a follow-up', SECRET_FOLLOW_UP],
    ['personal data (number only)', '070-123 45 67'],
    ['the internal promise id', 'lofte-2027-2028'],
    ['internal malbild ids', 'mb-'],
  ])('never serves %s (page, embed, en, JSON, CSV, Atom, past version)', async (_what, secret) => {
    const date = '2027-05-10';
    for (const path of [P, `${P}/en`, `${P}/inbaddning`, `${P}/data.json`, `${P}/data.csv`, `${P}/uppdateringar.atom`, `${P}/versioner/${date}`, `${P}/versioner/${date}/data.json`]) {
      const body = await (await get(path)).text();
      expect(body, path).not.toContain(secret);
    }
  });

  it('has its own CSP: the stylesheet by hash, no framing; the embed variant is framable from the configured origins only', async () => {
    const page = await get(P);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const embed = await get(`${P}/inbaddning`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors https://www.linkoping.se');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const body = await embed.text();
    expect(body).not.toContain('<header class="site">');
    expect(body).toContain('target="_top"');
    // Every other route stays as strict as before.
    const health = await get('/healthz');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(health.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the accessibility statement in both languages', async () => {
    const sv = await (await get(`${P}/tillganglighet`)).text();
    expect(sv).toContain('Tillgänglighetsredogörelse');
    expect(sv).toContain('WCAG 2.1');
    expect(await (await get(`${P}/en/tillganglighet`)).text()).toContain('Accessibility statement');
  });

  it('says so, with 404, for an unknown organisation or a date before the first publication', async () => {
    const other = await get('/invanare/norrkoping');
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('har inte publicerats');
    const early = await get(`${P}/versioner/2020-01-01`);
    expect(early.status).toBe(404);
    expect(await early.text()).toContain('ingen publicerad version');
    expect((await get(`${P}/versioner/2027-02-30`)).status).toBe(404);
  });
});

describe('open data', () => {
  it('JSON follows the versioned schema, with stable public ids and the JSON Schema served', async () => {
    const res = await get(`${P}/data.json`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const doc = publicDocumentSchema.parse(await res.json());
    expect(doc.schemaVersion).toBe(1);
    expect(doc.$schema).toBe('https://samverkan.example.se/invanare/schema/v1.json');
    expect(doc.published).toMatchObject({ number: 1, date: '2027-05-10' });
    expect(publicVersionSchema.safeParse({ ...doc, $schema: undefined }).success).toBe(true);
    expect(doc.commitments[0]!.id).toMatch(/^c-[0-9a-f]{12}$/);
    const schema = (await (await get('/invanare/schema/v1.json')).json()) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'commitments', 'goals', 'published']));
  });

  it('CSV is UTF-8 with a BOM, one row per item and tertial', async () => {
    const res = await get(`${P}/data.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('atagande_id;atagande;ansvarig;stadsdelar;atgard_id;atgard;klart_senast;status;klar_datum;tertial;uppfoljning;antal');
    expect(lines.find((l) => l.includes('Två av fyra'))).toMatch(/;bada;Berga;a-[0-9a-f]{12};Trygghetsvandringar varje månad i Berga;2027-03-31;forsenad;;2027-1;Två av fyra vandringar gjorda; fler volontärer behövs;2$|"Två av fyra vandringar gjorda; fler volontärer behövs";2$/);
  });

  it('ETag/Last-Modified/Cache-Control; conditional requests get 304', async () => {
    for (const path of [P, `${P}/sv`, `${P}/inbaddning`, `${P}/data.json`, `${P}/data.csv`, `${P}/uppdateringar.atom`, `${P}/tillganglighet`]) {
      const first = await get(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(first.headers.get('cache-control'), path).toBe('public, max-age=300');
      const again = await get(path, { 'If-None-Match': etag! });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      const lastModified = first.headers.get('last-modified');
      if (path.endsWith('tillganglighet')) continue;
      expect(lastModified, path).toBe(new Date('2027-05-10T09:00:00Z').toUTCString());
      expect((await get(path, { 'If-Modified-Since': lastModified! })).status, path).toBe(304);
      expect((await get(path, { 'If-None-Match': '"other"' })).status, path).toBe(200);
    }
  });
});

describe('a new publication', () => {
  it('is served after publishing (the cache rebuilds), earlier versions stay reachable by date, the feed lists both', async () => {
    const s = t.runtime.services;
    const before = await get(`${P}/data.json`);
    const oldEtag = before.headers.get('etag')!;
    t.clock.set(new Date('2027-09-20T08:00:00Z'));
    const p = await s.repos.promises.require(seed.promiseId);
    // The chair leaves the Ryd commitment out this time.
    const ryd = p.data.commitments.find((c) => c.text.includes('Ryd'))!;
    await publishNow(s, seed.promiseId, [hideKey.commitment(ryd.id)]);

    await eventually(async () => (await get(`${P}/data.json`, { 'If-None-Match': oldEtag })).status === 200, 'the new version is served');
    const now = await (await get(P)).text();
    expect(now).toContain('Senast uppdaterad 20 september 2027');
    expect(now).not.toContain('Bättre belysning i Ryd');
    expect(now).toContain('href="/invanare/linkoping/versioner/2027-05-10"');

    const old = await get(`${P}/versioner/2027-05-10`);
    expect(old.headers.get('cache-control')).toBe('public, max-age=86400');
    const oldBody = await old.text();
    expect(oldBody).toContain('Bättre belysning i Ryd');
    expect(oldBody).toContain('Version publicerad 10 maj 2027');
    expect(await (await get(`${P}/versioner/2027-06-01/en`)).text()).toContain('Version published May 10, 2027');
    const oldJson = publicDocumentSchema.parse(await (await get(`${P}/versioner/2027-05-10/data.json`)).json());
    expect(oldJson.published.number).toBe(1);

    const feed = await (await get(`${P}/uppdateringar.atom`)).text();
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed.indexOf('2027-09-20T08:00:00.000Z')).toBeLessThan(feed.indexOf('2027-05-10T09:00:00.000Z'));
    expect(feed).toContain('href="https://samverkan.example.se/invanare/linkoping/versioner/2027-05-10"');
  });
});
