/**
 * Snapshots stored before the question-merging upgrade (golden/v1: written by the compile of
 * commit c359b7c^, with the old tokenizer's question keys such as `narkotikaforsaljning`
 * and no tokenizer version): views of them and the first compile after the upgrade still
 * find the questions asked at the previous meeting.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canSee, type Audience } from '../../../../src/domain/inputs/sensitivity.js';
import { COMPILE_VERSION, compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { questionKey } from '../../../../src/domain/lagesbild/mergeCorrections.js';
import { lagesbildSnapshotSchema, type LagesbildSnapshot, type LagesbildView } from '../../../../src/domain/lagesbild/schema.js';
import { TOKENIZER_VERSION } from '../../../../src/domain/lagesbild/swedishText.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import { meeting1, meeting3 } from './scenario.js';

const v1Dir = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'v1');
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(v1Dir, name), 'utf8'));
const v1Snapshot = (n: number): LagesbildSnapshot => lagesbildSnapshotSchema.parse(readJson(`meeting-${n}.snapshot.json`));
const recurringByText = (v: Pick<LagesbildView, 'questions'>) => Object.fromEntries(v.questions.groups.map((g) => [g.text, g.recurring]));

describe('snapshots stored before the tokenizer upgrade', () => {
  it('the stored previous summaries read as made by the old tokenizer', () => {
    const s = v1Snapshot(2);
    expect(s.previous!.summaries.steering.tokenizer).toBe(1);
    expect(s.previous!.summaries.steering.questionKeys).toContain('centrum narkotikaforsaljning ryd');
  });

  it.each([2, 3])('meeting %i: the steering view marks as asked before what the stored steering view did', (n) => {
    const shown = readJson(`meeting-${n}.steering.json`) as Pick<LagesbildView, 'questions'>;
    const view = viewFor(v1Snapshot(n), 'steering');
    expect(Object.values(recurringByText(shown))).toContain(true);
    expect(recurringByText(view)).toEqual(recurringByText(shown));
  });

  it('the first compile after the upgrade, with a v1 previous snapshot: asked before as with a current one', () => {
    const fromOld = compileLagesbild({ ...meeting3, previous: v1Snapshot(2) });
    expect(fromOld.previous!.summaries.chairs.tokenizer).toBe(TOKENIZER_VERSION);
    const current = lagesbildSnapshotSchema.parse(JSON.parse(readFileSync(join(v1Dir, '..', 'meeting-3.snapshot.json'), 'utf8')));
    expect(recurringByText(fromOld)).toEqual(recurringByText(current));
    for (const audience of ['steering', 'open'] as const) expect(recurringByText(viewFor(fromOld, audience))).toEqual(recurringByText(viewFor(current, audience)));
  });
});

/** Each group's member texts, groups in a stable order. */
const grouping = (groups: readonly { members: readonly { forumId: string; text: string }[] }[]) => groups.map((g) => g.members.map((m) => `${m.forumId}: ${m.text}`).sort().join(' | ')).sort();
const storedFor = (s: LagesbildSnapshot, audience: Audience) => s.questions.groups.map((g) => ({ members: g.members.filter((m) => canSee(audience, m.sensitivity)) })).filter((g) => g.members.length > 0);

describe('views of a snapshot keep the grouping it was compiled with', () => {
  const RYD = 'Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?';
  // A snapshot whose (earlier) merge kept one question apart that today's merge joins: made
  // here with a split, then stored the old way (no compile version, no corrections record).
  const current = compileLagesbild(meeting1);
  const ryd = current.questions.groups.flatMap((g) => g.members).find((m) => m.text === RYD)!;
  const { compileVersion: _v, mergeCorrections: _c, ...apart } = compileLagesbild({ ...meeting1, mergeCorrections: [{ kind: 'split', question: questionKey(ryd) }] });
  const old = lagesbildSnapshotSchema.parse(JSON.parse(JSON.stringify(apart)));

  it('the fixture: the question stands alone in the stored groups, today\'s merge joins it, and the steering view is rebuilt', () => {
    expect(old.compileVersion).toBe(1);
    expect(current.compileVersion).toBe(COMPILE_VERSION);
    expect(canSee('steering', ryd.sensitivity)).toBe(true);
    expect(old.questions.groups.find((g) => g.members.some((m) => m.text === RYD))!.members).toHaveLength(1);
    expect(viewFor(current, 'steering').questions.groups.find((g) => g.members.some((m) => m.text === RYD))!.members.length).toBeGreaterThan(1);
    expect(old.content.kanslig + old.content.intern).toBeGreaterThan(0);
  });

  it.each<Audience>(['steering', 'open'])('%s: the stored groups with the visible members, ranked as usual', (audience) => {
    const view = viewFor(old, audience);
    expect(grouping(view.questions.groups)).toEqual(grouping(storedFor(old, audience)));
    expect(view.questions.groups.map((g) => g.rank)).toEqual(view.questions.groups.map((_, i) => i + 1));
    for (const g of view.questions.groups) expect(g.members.map((m) => m.text)).toContain(g.text);
  });

  it.each([2, 3])('v1 meeting %i: the steering and open views group as the stored chairs\' groups', (n) => {
    const s = v1Snapshot(n);
    for (const audience of ['steering', 'open'] as const) expect(grouping(viewFor(s, audience).questions.groups)).toEqual(grouping(storedFor(s, audience)));
  });
});
