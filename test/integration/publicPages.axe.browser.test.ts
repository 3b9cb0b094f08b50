import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIR } from '../support/activities.js';
import { AxeTally, describeViolations, runAxe } from '../support/axe.js';
import { publishNow, seedPublishedPromise, type PublicSeed } from '../support/publicSeed.js';
import { freePort } from '../support/freePort.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Accessibility of every page kind residents see (WCAG 2.1 AA is the law for public-sector
 * web in Sweden): axe-core in headless Chromium with the WCAG 2.0/2.1 A and AA rules and
 * axe's best practices, zero violations, under the served CSP (test/support/axe.ts);
 * keyboard-only use (skip link), 200 % zoom (no horizontal scrolling of the page), print,
 * framing. Prints how many pages and rules were checked.
 */
const P = '/invanare/linkoping';

let t: TestRuntime;
let seed: PublicSeed;
let browser: Browser;
/** A stand-in for the municipality's website: a page that frames the residents' pages. */
let website: Server;
let websiteOrigin = '';
const axe = new AxeTally();

beforeAll(async () => {
  const port = await freePort();
  websiteOrigin = `http://127.0.0.1:${port}`;
  website = createServer((req, res) => {
    const bot = decodeURIComponent((req.url ?? '').slice(1));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="sv"><title>Kommunens webbplats</title><iframe id="embed" title="Medborgarlöftet" src="${bot}/invanare/linkoping/inbaddning"></iframe><iframe id="page" title="Sidan" src="${bot}/invanare/linkoping/sv"></iframe></html>`);
  });
  await new Promise<void>((resolve) => website.listen(port, '127.0.0.1', resolve));
  t = await startTestRuntime({ now: new Date('2027-05-10T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, PUBLIC_EMBED_ORIGINS: `https://www.linkoping.se,${websiteOrigin}` } });
  seed = await seedPublishedPromise(t.runtime.services);
  // A second publication, so the first is an earlier version reachable by its date.
  t.clock.set(new Date('2027-09-20T08:00:00Z'));
  await publishNow(t.runtime.services, seed.promiseId);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  // The CI figure: how much the accessibility check covered.
  console.log(axe.summary());
  await browser?.close();
  await t?.cleanup();
  await new Promise((resolve) => website?.close(resolve));
});

const pageKinds: [string, string, number][] = [
  ['the page, Swedish (negotiated)', P, 200],
  ['the page, English', `${P}/en`, 200],
  ['the embed variant, Swedish', `${P}/inbaddning`, 200],
  ['the embed variant, English', `${P}/en/inbaddning`, 200],
  ['an earlier version by date', `${P}/versioner/2027-05-10`, 200],
  ['an earlier version by date, English', `${P}/versioner/2027-05-10/en`, 200],
  ['the accessibility statement', `${P}/tillganglighet`, 200],
  ['the accessibility statement, English', `${P}/en/tillganglighet`, 200],
  ['the not-found page', `${P}/versioner/2020-01-01`, 404],
];

describe('axe-core over every public page kind', () => {
  it.each(pageKinds)('%s has no axe-core violations (WCAG 2.0/2.1 A+AA + best practices), and its stylesheet passes the CSP', async (kind, path, status) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('console', (msg) => {
      // The not-found page's own 404 is reported as a console error; nothing else may be.
      if (msg.type() === 'error' && !(status === 404 && msg.text().includes('status of 404'))) problems.push(msg.text());
    });
    const res = await page.goto(`${t.botUrl}${path}`, { waitUntil: 'load' });
    expect(res?.status()).toBe(status);
    // The stylesheet applied (its hash is in the CSP): the skip link is moved off screen.
    expect(await page.$eval('a.skip', (a) => a.getBoundingClientRect().right <= 0)).toBe(true);
    expect(problems).toEqual([]);
    const outcome = await runAxe(page);
    axe.record(`public: ${kind}`, outcome);
    expect(describeViolations(outcome.violations)).toBe('');
    expect(outcome.rulesRun.length).toBeGreaterThan(30);
    // The landmark rules are best practices: the tag set must keep them in the run.
    expect(outcome.rulesRun).toEqual(expect.arrayContaining(['landmark-one-main', 'region', 'color-contrast']));
    await page.close();
  });
});

describe('keyboard and zoom', () => {
  it('the first Tab shows the skip link; Enter moves focus to the main content; every link is reachable by Tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${t.botUrl}${P}/sv`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate<{ cls: string; visible: boolean }>(`(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return { cls: a.className, visible: r.left >= 0 && r.top >= 0 && r.width > 0 };
    })()`);
    expect(skip).toEqual({ cls: 'skip', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');

    const links = await page.$$eval('a[href]', (as) => as.length);
    const reached = new Set<string>();
    await page.evaluate('document.activeElement.blur()');
    for (let i = 0; i < links + 3; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate<string>('document.activeElement.outerHTML'));
    }
    const all = await page.$$eval('a[href]', (as) => as.map((a) => a.outerHTML));
    for (const a of all) expect(reached, a).toContain(a);
    await page.close();
  });

  it.each([
    ['the page', `${P}/sv`],
    ['the embed variant', `${P}/inbaddning`],
    ['the accessibility statement', `${P}/tillganglighet`],
  ])('%s works zoomed to 200 percent: no horizontal scrolling of the page, text reflows', async (_kind, path) => {
    // 200 % zoom of a 1280 px wide window = 640 CSS pixels of layout width.
    const page = await browser.newPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    await page.goto(`${t.botUrl}${path}`);
    const widths = await page.evaluate<{ doc: number; win: number }>('({ doc: document.documentElement.scrollWidth, win: window.innerWidth })');
    expect(widths.doc).toBeLessThanOrEqual(widths.win);
    await page.close();
  });

  it('the embed variant shows inside the configured website’s frame; the page itself refuses to be framed', async () => {
    const page = await browser.newPage();
    await page.goto(`${websiteOrigin}/${encodeURIComponent(t.botUrl)}`);
    const embed = page.frameLocator('#embed');
    await expect.poll(async () => embed.locator('h1').textContent({ timeout: 5000 }).catch(() => null)).toBe('Medborgarlöfte – Linköpings kommun');
    // frame-ancestors 'none' + X-Frame-Options DENY: Chromium puts its error page there instead of ours.
    const urls = page.frames().map((f) => f.url());
    expect(urls.some((u) => u.endsWith('/invanare/linkoping/inbaddning'))).toBe(true);
    expect(urls.some((u) => u.endsWith('/invanare/linkoping/sv'))).toBe(false);
    expect(urls).toContain('chrome-error://chromewebdata/');
    await page.close();
  });

  it('prints: the site header and open-data links are left out of the printout', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.botUrl}${P}/sv`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('header.site')).display`)).toBe('none');
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('section.noprint')).display`)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
