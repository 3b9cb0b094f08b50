import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublicSite } from '../../src/http/public/publicSite.js';
import { chair, registerSteering } from '../support/promise.js';
import { publishNow, seedPublishedPromise } from '../support/publicSeed.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/** The residents' renderings are built once per publication and kept until the next one (from any process). */
let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-05-10T09:00:00Z'), env: { CHAIR_IDS: chair.id } });
  await registerSteering(t.s);
});
afterEach(async () => {
  await t.cleanup();
});

describe('PublicSite', () => {
  it('builds each rendering once per publication, and again only after a new one', async () => {
    const site = new PublicSite(t.s, 0);
    let builds = 0;
    const build = () => {
      builds++;
      return { body: `rendering ${builds}`, contentType: 'text/plain' };
    };
    expect(await site.rendered('linkoping', 'page:sv', build)).toBeNull();
    expect(builds).toBe(0);

    const { promiseId } = await seedPublishedPromise(t.s);
    const first = await site.rendered('linkoping', 'page:sv', build);
    for (let i = 0; i < 20; i++) expect((await site.rendered('linkoping', 'page:sv', build))?.etag).toBe(first?.etag);
    expect(builds).toBe(1);

    // Published by "another process": the same store, a different PublicSite instance did not see it.
    t.clock.advance(24 * 3600_000);
    await publishNow(t.s, promiseId);
    const second = await site.rendered('linkoping', 'page:sv', build);
    expect(builds).toBe(2);
    expect(second?.etag).not.toBe(first?.etag);
    expect((await site.state('linkoping'))?.publications.map((p) => p.number)).toEqual([1, 2]);
    expect(await site.rendered('norrkoping', 'page:sv', build)).toBeNull();
  });

  it('checks Redis for a newer publication at most once per recheck interval', async () => {
    await seedPublishedPromise(t.s);
    const site = new PublicSite(t.s, 60_000);
    await site.state('linkoping');
    const calls: string[] = [];
    const original = t.s.repos.publicVersions.number.bind(t.s.repos.publicVersions);
    t.s.repos.publicVersions.number = async (slug: string) => {
      calls.push(slug);
      return original(slug);
    };
    for (let i = 0; i < 50; i++) await site.state('linkoping');
    expect(calls).toEqual([]);
  });
});
