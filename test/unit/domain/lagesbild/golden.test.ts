/**
 * Golden files of the compile on the fixed scenario (scenario.ts): three meetings, each
 * compiled with the previous one's snapshot, and the steering and open views of each.
 * Regenerate with UPDATE_GOLDEN=1 after a deliberate change, then read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agendaSchema, proposeAgenda } from '../../../../src/domain/agenda/agenda.js';
import { compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { lagesbildSnapshotSchema, lagesbildViewSchema, type LagesbildSnapshot, type LagesbildView } from '../../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import { meeting1, meeting2, meeting3 } from './scenario.js';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Parsing through the schema checks the shape and gives the files the schema's key order. */
function golden(name: string, value: unknown): void {
  const file = join(goldenDir, name);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${name} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const s1 = compileLagesbild(meeting1);
const s2 = compileLagesbild({ ...meeting2, previous: s1 });
const s3 = compileLagesbild({ ...meeting3, previous: s2 });
const snapshots = [s1, s2, s3] as const;

const views = (s: LagesbildSnapshot) => ({ steering: viewFor(s, 'steering'), open: viewFor(s, 'open') });
const groupOf = (v: LagesbildView | LagesbildSnapshot, text: string) => v.questions.groups.find((g) => g.members.some((m) => m.text === text));

describe('golden files', () => {
  it.each([1, 2, 3])('meeting %i: snapshot, steering view, open view', (n) => {
    const s = snapshots[n - 1]!;
    const { steering, open } = views(s);
    golden(`meeting-${n}.snapshot.json`, lagesbildSnapshotSchema.parse(s));
    golden(`meeting-${n}.steering.json`, lagesbildViewSchema.parse(steering));
    golden(`meeting-${n}.open.json`, lagesbildViewSchema.parse(open));
  });

  it('meeting 3: the agenda proposed from the steering view', () => {
    golden('meeting-3.agenda.json', agendaSchema.parse(proposeAgenda(viewFor(s3, 'steering'))));
  });

  it('snapshots and views survive a JSON round trip unchanged', () => {
    for (const s of snapshots) {
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      expect(lagesbildSnapshotSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
      for (const v of Object.values(views(s))) expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    }
  });

  it('the chairs view is the snapshot itself', () => {
    for (const s of snapshots) {
      const { schemaVersion: _v, forums: _f, content: _c, previous: _p, mergeCorrections: _m, compileVersion: _cv, ...rest } = s;
      const { audience, content, previous: _prev, ...view } = viewFor(s, 'chairs');
      expect(audience).toBe('chairs');
      expect(content).toEqual({ shown: s.content.oppen + s.content.intern + s.content.kanslig, withheld: 0 });
      expect(view).toEqual(rest);
    }
  });
});

describe('the scenario, read', () => {
  const ryd1 = 'Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?';

  it('meeting 1: response rate with a late forum and two missing', () => {
    expect(s1.responseRate.counts).toEqual({ forums: 8, answered: 5, late: 1, missing: 2, rate: 0.75 });
    expect(s1.responseRate.late.map((f) => f.forumName)).toEqual(['Trygghetsrådet Skäggetorp']);
    expect(s1.responseRate.missing.map((f) => f.forumName)).toEqual(['Bostadsbolagens samverkan', 'Fältsekreterarna']);
  });

  it('meeting 1: the three phrasings of the Ryd centrum question are one group of three forums', () => {
    const g = groupOf(s1, ryd1)!;
    expect(g.members.map((m) => m.text).sort()).toEqual(
      ['Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?', 'Narkotikaförsäljning vid Ryds centrum – vad gör polisen?', 'Vad gör polisen åt narkotikaförsäljning i Ryd centrum'].sort(),
    );
    expect(g).toMatchObject({ rank: 1, forumCount: 3, priority: 'hog', score: 9, sensitivity: 'kanslig', recurring: null });
  });

  it('meeting 1: the same question about different districts stays apart', () => {
    expect(groupOf(s1, 'Kan polisen öka närvaron vid Berga centrum på kvällarna?')!.id).not.toBe(groupOf(s1, 'Kan polisen öka närvaron vid Ryds centrum på kvällarna?')!.id);
  });

  it('meeting 1: each view keeps only its members, with counts and text from them', () => {
    const { steering, open } = views(s1);
    expect(groupOf(steering, ryd1)).toMatchObject({ forumCount: 2, score: 6, sensitivity: 'intern' });
    expect(groupOf(open, ryd1)).toMatchObject({ forumCount: 1, score: 3, sensitivity: 'oppen', text: ryd1 });
    expect(groupOf(open, 'Finns det en risk för våldsamma konflikter mellan grupperingar i Ryd?')).toBeUndefined();
    expect(open.content).toEqual({ shown: 4, withheld: 2 });
    expect(open.needs.map((n) => n.forumId)).toEqual(['tr-berga']);
  });

  it('meeting 2: change since meeting 1 per district and theme, and recurring questions', () => {
    const ryd = s2.districts.find((d) => d.district === 'Ryd')!;
    expect(ryd.summary).toMatchObject({ samre: 4, net: -4 });
    expect(ryd.change).toEqual({ previousNet: -3, netChange: -1, previousScore: -1, scoreChange: 0 });
    const berga = s2.districts.find((d) => d.district === 'Berga')!;
    expect(berga.change).toMatchObject({ previousNet: -2, netChange: 0 });
    expect(groupOf(s2, 'Vad gör polisen åt narkotikaförsäljningen vid Ryds centrum?')!.recurring).toBe(true);
    expect(groupOf(s2, 'Kan kameraövervakning införas vid Ryds centrum?')!.recurring).toBe(false);
    expect(s2.responseRate.previous).toEqual(s1.responseRate.counts);
  });

  it('meeting 2: a view compares with the previous meeting as its own audience saw it', () => {
    const open = viewFor(s2, 'open');
    const ryd = open.districts.find((d) => d.district === 'Ryd')!;
    // Open saw only Trygghetsrådet Ryd's sämre at meeting 1; now Trygghetsrådet Ryd and Bostadsbolagen.
    expect(ryd.change).toEqual({ previousNet: -1, netChange: -1, previousScore: -1, scoreChange: 0 });
    expect(groupOf(open, 'Finns det risk för våldsamma konflikter mellan grupperingarna i Ryd?')).toBeUndefined();
  });

  it('meeting 3: the late edit is compiled, the forum still counts as in time', () => {
    expect(s3.responseRate.answered.map((f) => f.forumId)).toContain('tr-ryd');
    expect(s3.responseRate.late.map((f) => f.forumId)).toEqual(['skolor-berga']);
    expect(s3.districts.find((d) => d.district === 'Ryd')!.ratings.find((r) => r.forumId === 'tr-ryd')!.trend).toBe('oforandrat');
  });

  it('meeting 3: themes no longer raised, promise and målbilder', () => {
    expect(s3.themes.noLongerRaised.map((t) => t.id)).toEqual(['otrygghet-i-offentlig-miljo', 'vald-i-nara-relation']);
    expect(s3.promise).toMatchObject({ promiseId: 'lofte-2026', followUpsReceived: 2 });
    expect(s3.malbilder!.map((m) => m.district)).toEqual(['Berga', 'Ryd']);
    expect(viewFor(s3, 'open').promise).toEqual(s3.promise);
  });

  it('different inputs give different hashes; the same inputs the same', () => {
    expect(new Set(snapshots.map((s) => s.contentHash)).size).toBe(3);
    expect(compileLagesbild({ ...meeting1, compiledAt: '2030-01-01T00:00:00.000Z' }).contentHash).toBe(s1.contentHash);
  });
});
