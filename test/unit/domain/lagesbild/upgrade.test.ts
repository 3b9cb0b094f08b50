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
import { compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { lagesbildSnapshotSchema, type LagesbildSnapshot, type LagesbildView } from '../../../../src/domain/lagesbild/schema.js';
import { TOKENIZER_VERSION } from '../../../../src/domain/lagesbild/swedishText.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import { meeting3 } from './scenario.js';

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
