import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPromiseDemo } from '../../scripts/demo-seed-promise.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { requestCompile } from '../../src/services/lagesbild/compile.js';
import { lagesbildReportLinks } from '../../src/services/lagesbild/reports.js';
import { reportLinks } from '../../src/services/promise/followUp.js';
import { CHAIR } from '../support/activities.js';
import { AxeTally, describeViolations, runAxe } from '../support/axe.js';
import { answerOf, drained, setUpWorld, type World } from '../support/lagesbild.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Every kind of signed report page checked by axe-core in headless Chromium against WCAG
 * 2.1 A/AA and axe's best practices (public-sector web in Sweden must meet WCAG 2.1 AA),
 * under the CSP the pages are served with (test/support/axe.ts): zero violations on each.
 */
let t: TestRuntime;
let w: World;
let browser: Browser;
let promiseId: string;

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'a'.repeat(40) } });
  w = await setUpWorld(t, { forums: 6, answered: 5 });
  const s = t.runtime.services;
  await requestCompile(s, { meetingId: w.meetingId, trigger: 'command', actor: 'test' });
  await drained(t);
  t.clock.set('2027-04-20T08:00:00Z');
  for (const [i, f] of w.forumIds.entries()) {
    const a = answerOf('2027-2', f, i, s.clock().toISOString(), i % 2 ? { themes: ['narkotika', 'ordningsstorningar'] } : { themes: ['skadegorelse'] });
    a.answer.districts[0]!.trend = (['battre', 'oforandrat', 'samre'] as const)[i % 3]!;
    await s.repos.answers.create(answerId('2027-2', f), a, 'seed');
  }
  await requestCompile(s, { meetingId: '2027-2', trigger: 'command', actor: 'test' });
  await drained(t);
  await seedPromiseDemo(s, { aadObjectId: 'aad-demo-owner', name: 'Anna Exempel' }, []);
  promiseId = (await s.repos.promises.list())[0]!.id;
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await t?.cleanup();
});

describe('the signed report pages have no axe-core violations (WCAG 2.1 A/AA + best practices)', () => {
  it('lägesbild (sv, en, one meeting), follow-up per meeting and per period (sv, en)', { timeout: 120_000 }, async () => {
    const s = t.runtime.services;
    const local = (url: string) => url.replace('https://samverkan.example.se', t.botUrl);
    const pages: [string, string][] = [
      ['lägesbild 2/2027, steering, sv', lagesbildReportLinks(s, '2027-2', 'steering').html],
      ['lägesbild 2/2027, chairs, en', lagesbildReportLinks(s, '2027-2', 'chairs', 'en').html],
      ['lägesbild 1/2027 (one meeting), open, sv', lagesbildReportLinks(s, '2027-1', 'open').html],
      ['follow-up per meeting 1/2027, sv', reportLinks(s, promiseId, '2027-1').html],
      ['follow-up per period, sv', reportLinks(s, promiseId, undefined).html],
      ['follow-up per period, en', reportLinks(s, promiseId, undefined, 'en').html],
    ];
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const axe = new AxeTally();
    const found: string[] = [];
    for (const [name, url] of pages) {
      const page = await context.newPage();
      const res = await page.goto(local(url), { waitUntil: 'load' });
      expect(res?.status(), name).toBe(200);
      const outcome = await runAxe(page);
      axe.record(`report: ${name}`, outcome);
      if (outcome.violations.length) found.push(`${name}:\n${describeViolations(outcome.violations)}`);
      await page.close();
    }
    await context.close();
    console.log(axe.summary());
    expect(axe.has('landmark-one-main')).toBe(true);
    expect(axe.has('region')).toBe(true);
    expect(axe.has('color-contrast')).toBe(true);
    expect(found.join('\n\n')).toBe('');
  });
});
