import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRegionalPicture, type RegionalPicture } from '../../src/domain/regional/regionalPicture.js';
import { ownerDigest } from '../../src/domain/regional/ownerDigest.js';
import { registerRegionalReportRoute, type RegionalReportDeps } from '../../src/http/regionalReportRoute.js';
import { regionalReportLinks, regionalTtlSeconds } from '../../src/services/regional/regionalReports.js';
import type { ReportRead } from '../../src/store/reportReads.js';
import { RegionalStore } from '../../src/store/regionalPictures.js';
import { ALDERBY, BJORKVIK, MARK, sourceOf } from '../unit/domain/regional/fixture.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * The regional report route on a plain express app against real Redis: signed links like
 * the lägesbild's (403 tampered or missing, 410 expired), 404 without a picture, 410 when a
 * source stopped sharing, every read recorded for each source.
 */
let t: TestServices;
let server: Server;
let base: string;
let deps: RegionalReportDeps;
let stopped: string[];
let reads: { orgIds: readonly string[]; read: ReportRead }[];
let picture: RegionalPicture;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-05-20T08:00:00Z'), env: { PUBLIC_URL: 'https://samverkan.example', LINK_SECRET: 'regional-test-secret-0123456789abcdef' } });
  const store = new RegionalStore(t.redis, t.keys, t.clock);
  picture = buildRegionalPicture([sourceOf(ALDERBY), sourceOf(BJORKVIK)], { compiledAt: t.clock().toISOString() });
  await store.save('person-1', 'r1', picture, regionalTtlSeconds(t.s));
  stopped = [];
  reads = [];
  deps = {
    links: t.s.links,
    clock: t.clock,
    config: t.config,
    store,
    sharingStopped: async (orgIds) => orgIds.filter((id) => stopped.includes(id)),
    recordRead: async (orgIds, read) => void reads.push({ orgIds, read }),
  };
  const app = express();
  registerRegionalReportRoute(app, deps);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.cleanup();
});

/** The link's path and query on the test server. */
const local = (url: string) => `${base}${url.replace('https://samverkan.example', '')}`;

describe('GET /reports/regional/<digest>/<run>.<ext>', () => {
  it.each([
    ['html', 'text/html', '<!doctype html>'],
    ['md', 'text/markdown', '# Regional lägesbild'],
    ['csv', 'text/csv', '\uFEFF'],
    ['json', 'application/json', '{'],
  ] as const)('%s through a signed link: 200, the picture, recorded for each source', async (format, type, start) => {
    const links = regionalReportLinks(t.s, 'person-1', 'r1');
    expect(links[format]).toContain(`/reports/regional/${ownerDigest('person-1')}/r1.${format}?exp=`);
    expect(links[format]).not.toContain('person-1');
    const res = await fetch(local(links[format]));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Keep a byte-order mark (res.text() would drop it).
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body.startsWith(start)).toBe(true);
    expect(body).toContain('Björkvik kommun');
    expect(body).not.toContain(MARK.kanslig);
    expect(reads).toEqual([{ orgIds: ['org-alderby', 'org-bjorkvik'], read: { who: 'link', what: `/reports/regional/${ownerDigest('person-1')}/r1.${format}`, when: '2027-05-20T08:00:00.000Z' } }]);
  });

  it('an English link is English, and its language cannot be changed', async () => {
    const en = regionalReportLinks(t.s, 'person-1', 'r1', 'en').html;
    const res = await fetch(local(en));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="en">');
    expect((await fetch(local(en.replace('lang=en', 'lang=sv')))).status).toBe(403);
    const sv = regionalReportLinks(t.s, 'person-1', 'r1').html;
    expect((await fetch(local(`${sv}&lang=en`)))).toMatchObject({ status: 403 });
  });

  it.each([
    ['no signature', (u: string) => u.replace(/\?.*$/, '')],
    ['a forged signature', (u: string) => u.replace(/sig=[^&]+/, 'sig=forged')],
    ['a later expiry', (u: string) => u.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 3600}`)],
    ['another run', (u: string) => u.replace('/r1.html', '/r2.html')],
    ['another owner', (u: string) => u.replace(ownerDigest('person-1'), ownerDigest('person-2'))],
  ])('%s: 403, nothing recorded', async (_what, tamper) => {
    const res = await fetch(local(tamper(regionalReportLinks(t.s, 'person-1', 'r1').html)));
    expect(res.status).toBe(403);
    expect(reads).toEqual([]);
  });

  it('an expired link: 410', async () => {
    const link = regionalReportLinks(t.s, 'person-1', 'r1').html;
    t.clock.advance((t.config.REPORT_LINK_TTL_MINUTES + 1) * 60_000);
    expect((await fetch(local(link))).status).toBe(410);
  });

  it('a signed link to a picture that is not there (gone with its TTL, or never): 404', async () => {
    expect((await fetch(local(regionalReportLinks(t.s, 'person-1', 'r9').html))).status).toBe(404);
    expect((await fetch(local(regionalReportLinks(t.s, 'person-2', 'r1').html))).status).toBe(404);
    await t.redis.del(new RegionalStore(t.redis, t.keys).key('person-1', 'r1'));
    expect((await fetch(local(regionalReportLinks(t.s, 'person-1', 'r1').html))).status).toBe(404);
  });

  it('a source that stopped sharing: 410, nothing recorded', async () => {
    stopped = ['org-bjorkvik'];
    const res = await fetch(local(regionalReportLinks(t.s, 'person-1', 'r1').json));
    expect(res.status).toBe(410);
    expect(reads).toEqual([]);
  });

  it('paths that are not a report fall through (404 from the app)', async () => {
    for (const p of ['/reports/regional/x/r1.html', `/reports/regional/${ownerDigest('person-1')}/r1.pdf`, `/reports/regional/${ownerDigest('person-1')}/a_b.html`]) {
      expect((await fetch(`${base}${p}`)).status).toBe(404);
    }
  });
});
