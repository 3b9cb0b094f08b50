import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { projectPublicVersion } from '../../src/domain/public/publicVersion.js';
import type { PublishedVersion } from '../../src/store/publicVersions.js';
import { action, citizenPromise, commitment } from '../unit/domain/promise/fixtures.js';
import { makeTestServices, type TestServices } from '../support/services.js';

let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2026-05-04T21:30:00Z') });
});
afterEach(async () => {
  await t.cleanup();
});

function published(text: string, at: Date): PublishedVersion {
  const promise = citizenPromise([commitment('c1', [action('a1', { text })])]);
  return { promiseId: promise.id, publishedAt: at.toISOString(), hidden: [], version: projectPublicVersion({ promise, malbilder: [], today: '2026-05-04', hidden: new Set() }).version };
}

describe('PublicVersions (store)', () => {
  it('keeps every published version, audited, with compare-and-set and a current pointer', async () => {
    const store = t.s.repos.publicVersions;
    expect(await store.current('linkoping')).toBeNull();

    const v1 = await store.publish('linkoping', null, published('Första', t.clock()), 'chair-1');
    expect(v1.version).toBe(1);
    // A second "first" publish (another chair on the same empty basis) is refused.
    await expect(store.publish('linkoping', null, published('Krock', t.clock()), 'chair-2')).rejects.toMatchObject({ reason: 'already-exists' });

    t.clock.advance(24 * 3600_000);
    const v2 = await store.publish('linkoping', 1, published('Andra', t.clock()), 'chair-2');
    expect(v2.version).toBe(2);
    const stale = await store.publish('linkoping', 1, published('Gammal grund', t.clock()), 'chair-1').catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).reason).toBe('stale-write');

    expect((await store.current('linkoping'))!.data.version.commitments[0]!.actions[0]!.text).toBe('Andra');
    expect((await store.history('linkoping')).map((v) => v.data.version.commitments[0]!.actions[0]!.text)).toEqual(['Första', 'Andra']);
    const audit = await t.s.repos.audit.list('publicversion', 'linkoping');
    expect(audit.map((a) => [a.actor, a.action, a.version])).toEqual([
      ['chair-1', 'publish', 1],
      ['chair-2', 'publish', 2],
    ]);
    // Other organisations are separate.
    expect(await store.current('norrkoping')).toBeNull();
  });

  it('finds the version of a local date (Europe/Stockholm), the last one published that day', async () => {
    const store = t.s.repos.publicVersions;
    // 21:30 UTC on 4 May is 23:30 on 4 May in Stockholm; 22:30 UTC is already 5 May there.
    await store.publish('linkoping', null, published('Fjärde maj', t.clock()), 'chair-1');
    t.clock.advance(3600_000);
    await store.publish('linkoping', 1, published('Femte maj', t.clock()), 'chair-1');
    const on = async (date: string) => (await store.asOfDate('linkoping', date, 'Europe/Stockholm'))?.data.version.commitments[0]!.actions[0]!.text ?? null;
    expect(await on('2026-05-03')).toBeNull();
    expect(await on('2026-05-04')).toBe('Fjärde maj');
    expect(await on('2026-05-05')).toBe('Femte maj');
    expect(await on('2027-01-01')).toBe('Femte maj');
  });
});
