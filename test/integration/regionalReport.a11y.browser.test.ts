import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegionalPicture } from '../../src/domain/regional/regionalPicture.js';
import { registerRegionalReportRoute } from '../../src/http/regionalReportRoute.js';
import { securityHeaders } from '../../src/http/securityHeaders.js';
import { regionalReportLinks } from '../../src/services/regional/regionalReports.js';
import { RegionalStore } from '../../src/store/regionalPictures.js';
import { AxeTally, describeViolations, runAxe } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { ALDERBY, BJORKVIK, CEDERSTAD, sourceOf } from '../unit/domain/regional/fixture.js';

/**
 * The regional report page, served by its route under the app's security headers (CSP),
 * checked by axe-core in headless Chromium against WCAG 2.1 A/AA and best practices, as
 * the other report pages are (reportPages.a11y.browser.test.ts).
 */
let t: TestServices;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await makeTestServices({ env: { PUBLIC_URL: 'https://samverkan.example', LINK_SECRET: 'b'.repeat(40) } });
  const store = new RegionalStore(t.redis, t.keys, t.clock);
  const picture = buildRegionalPicture([ALDERBY, BJORKVIK, CEDERSTAD].map((m) => sourceOf(m)), { compiledAt: t.clock().toISOString() });
  await store.save('person-1', 'r1', picture, 3600);
  const app = express();
  app.use(securityHeaders);
  registerRegionalReportRoute(app, { links: t.s.links, clock: t.clock, config: t.config, store });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.cleanup();
});

describe('the regional report page has no axe-core violations', () => {
  it('sv and en', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const axe = new AxeTally();
    const found: string[] = [];
    for (const lang of ['sv', 'en'] as const) {
      const page = await context.newPage();
      const res = await page.goto(regionalReportLinks(t.s, 'person-1', 'r1', lang).html.replace('https://samverkan.example', base), { waitUntil: 'load' });
      expect(res?.status(), lang).toBe(200);
      const outcome = await runAxe(page);
      axe.record(`regional ${lang}`, outcome);
      if (outcome.violations.length) found.push(`${lang}:\n${describeViolations(outcome.violations)}`);
      await page.close();
    }
    await context.close();
    expect(axe.has('landmark-one-main')).toBe(true);
    expect(axe.has('region')).toBe(true);
    expect(axe.has('color-contrast')).toBe(true);
    expect(found.join('\n\n')).toBe('');
  });
});
