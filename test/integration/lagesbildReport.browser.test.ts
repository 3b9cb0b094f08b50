import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { requestCompile } from '../../src/services/lagesbild/compile.js';
import { lagesbildReportLinks } from '../../src/services/lagesbild/reports.js';
import { CHAIR } from '../support/activities.js';
import { answerOf, drained, MARK, setUpWorld, type World } from '../support/lagesbild.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * The printable lägesbild rendered by headless Chromium (Debian's /usr/bin/chromium, as in
 * the e2e harness): no console errors under the server's CSP, the three SVG charts drawn,
 * and a screenshot kept for CI in test-results/reports/lagesbild.png.
 */
const OUT = join(process.cwd(), 'test-results', 'reports');
let t: TestRuntime;
let w: World;
let browser: Browser;

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'r'.repeat(40) } });
  w = await setUpWorld(t, { forums: 9, answered: 7 });
  const s = t.runtime.services;
  await requestCompile(s, { meetingId: w.meetingId, trigger: 'command', actor: 'test' });
  await drained(t);
  // The second meeting: more forums answer, some trends turn, so the charts show a change.
  t.clock.set('2027-04-20T08:00:00Z');
  for (const [i, f] of w.forumIds.entries()) {
    if (i === 8) continue;
    const a = answerOf('2027-2', f, i, s.clock().toISOString(), i % 2 ? { themes: ['narkotika', 'ordningsstorningar'] } : { themes: ['skadegorelse'] });
    a.answer.districts[0]!.trend = (['battre', 'battre', 'samre'] as const)[i % 3]!;
    await s.repos.answers.create(answerId('2027-2', f), a, 'seed');
  }
  await requestCompile(s, { meetingId: '2027-2', trigger: 'command', actor: 'test' });
  await drained(t);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.cleanup();
});

describe('the HTML report in Chromium', () => {
  it('renders without console errors, with the charts, and is kept as a screenshot', async () => {
    const link = lagesbildReportLinks(t.runtime.services, '2027-2', 'steering').html.replace('https://samverkan.example.se', t.botUrl);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    const res = await page.goto(link, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('Lägesbild inför Styrgruppsmöte 2/2027');

    const charts = await page.$$eval('figure svg', (svgs) => svgs.map((s) => ({ label: s.getAttribute('aria-label'), width: s.getBoundingClientRect().width, shapes: s.querySelectorAll('rect, circle, polyline').length })));
    expect(charts.map((c) => c.label)).toEqual(['Svarsfrekvens över mötena (%)', 'Bedömningar per stadsdel', 'Teman – antal forum']);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.shapes).toBeGreaterThan(1);
    }
    // Two meetings on the response-rate line.
    expect(await page.$$eval('figure svg circle', (cs) => cs.length)).toBe(2);
    const text = await page.locator('body').innerText();
    expect(text).toContain(MARK.intern);
    expect(text).not.toContain(MARK.kanslig);
    expect(text).toContain('sedan förra mötet');

    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'lagesbild.png'), fullPage: true });
    // Printing works too (the page is made for paper).
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
    expect(problems).toEqual([]);
  });
});
