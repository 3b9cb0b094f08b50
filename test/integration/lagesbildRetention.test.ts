import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveAgenda } from '../../src/domain/agenda/edits.js';
import { pruneAgendasBefore } from '../../src/services/privacy/agendaRetention.js';
import { pruneSnapshotsBefore } from '../../src/services/privacy/snapshotRetention.js';
import { agendaOf, MARK, meetingSnapshots } from '../unit/lagesbild/fixture.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * Retention of lägesbild snapshots on real Redis: every kept version compiled before the
 * cutoff loses its intern and känslig text (öppen content stays), audited, idempotently;
 * newer snapshots are untouched.
 */
let ts: TestServices;
beforeEach(async () => {
  ts = await makeTestServices({ now: new Date('2029-06-01T10:00:00Z') });
});
afterEach(async () => {
  await ts.cleanup();
});

describe('pruneSnapshotsBefore', () => {
  it('prunes every version before the cutoff, keeps newer ones, and a second run changes nothing', async () => {
    const { s } = ts;
    const { s1, s2 } = meetingSnapshots();
    // Meeting 2027-2: two versions (a stale flag flip), both compiled in May 2027.
    await s.repos.lagesbilder.create('2027-2', { meetingId: '2027-2', snapshot: s2, stale: false, staleSince: null }, 'compile');
    await s.repos.lagesbilder.update('2027-2', 1, { meetingId: '2027-2', snapshot: s2, stale: true, staleSince: '2027-05-18T10:00:00Z' }, 'compile');
    // Meeting 2027-1 compiled "recently" (after the cutoff): untouched.
    const recent = { ...s1, compiledAt: '2029-05-01T10:00:00.000Z' };
    await s.repos.lagesbilder.create('2027-1', { meetingId: '2027-1', snapshot: recent, stale: false, staleSince: null }, 'compile');

    const cutoff = new Date('2027-06-01T00:00:00Z');
    expect(await pruneSnapshotsBefore(s, cutoff)).toBe(1);

    const current = await s.repos.lagesbilder.require('2027-2');
    expect(current.version).toBe(3);
    const history = await s.repos.lagesbilder.history('2027-2');
    expect(history.map((h) => h.version)).toEqual([1, 2, 3]);
    for (const text of [JSON.stringify(current.data), ...history.map((h) => JSON.stringify(h.data))]) {
      expect(text).toContain(MARK.oppen);
      expect(text).not.toContain(MARK.intern);
      expect(text).not.toContain(MARK.kanslig);
    }
    // Who wrote each version and when is kept; the stale flag too.
    expect(history[1]!.data.stale).toBe(true);
    expect(history[0]!.updatedBy).toBe('compile');
    const audit = await s.repos.audit.list('lagesbild', '2027-2');
    expect(audit.filter((a) => a.actor === 'retention').map((a) => a.version)).toEqual([1, 2, 3]);
    expect(JSON.stringify(audit)).not.toContain(MARK.kanslig);

    const untouched = await s.repos.lagesbilder.require('2027-1');
    expect(untouched.version).toBe(1);
    expect(JSON.stringify(untouched.data)).toContain(MARK.intern);

    expect(await pruneSnapshotsBefore(s, cutoff)).toBe(0);
    expect((await s.repos.lagesbilder.require('2027-2')).version).toBe(3);
  });
});

describe('pruneAgendasBefore', () => {
  it('an old meeting’s agenda, its published copy and every kept version lose intern text; a recent one is untouched; idempotent', async () => {
    const { s } = ts;
    const { s1, s2 } = meetingSnapshots();
    const recent = { ...s1, compiledAt: '2029-05-01T10:00:00.000Z' };
    await s.repos.lagesbilder.create('2027-2', { meetingId: '2027-2', snapshot: s2, stale: false, staleSince: null }, 'compile');
    await s.repos.lagesbilder.create('2027-1', { meetingId: '2027-1', snapshot: recent, stale: false, staleSince: null }, 'compile');
    const proposed = agendaOf(s2);
    const approved = approveAgenda(proposed);
    await s.repos.agendas.create('2027-2', { meetingId: '2027-2', agenda: proposed, snapshotVersion: 1, published: null, chairEdited: false }, 'compile');
    await s.repos.agendas.update(
      '2027-2',
      1,
      { meetingId: '2027-2', agenda: approved, snapshotVersion: 1, published: { at: '2027-05-18T10:00:00Z', by: 'chair', snapshotVersion: 1, contentHash: s2.contentHash, agenda: approved }, chairEdited: false },
      'chair',
    );
    await s.repos.agendas.create('2027-1', { meetingId: '2027-1', agenda: agendaOf(recent), snapshotVersion: 1, published: null, chairEdited: false }, 'compile');

    const cutoff = new Date('2027-06-01T00:00:00Z');
    expect(await pruneAgendasBefore(s, cutoff)).toBe(1);
    const current = await s.repos.agendas.require('2027-2');
    for (const text of [JSON.stringify(current.data), ...(await s.repos.agendas.history('2027-2')).map((h) => JSON.stringify(h.data))]) {
      expect(text).not.toContain(MARK.intern);
      expect(text).toContain(MARK.oppen);
    }
    expect(current.data.agenda.status).toBe('approved');
    expect(current.data.published?.agenda.items.length).toBe(approved.items.length);
    expect(JSON.stringify((await s.repos.agendas.require('2027-1')).data)).toContain(MARK.intern);

    const version = current.version;
    expect(await pruneAgendasBefore(s, cutoff)).toBe(0);
    expect((await s.repos.agendas.require('2027-2')).version).toBe(version);
  });
});
