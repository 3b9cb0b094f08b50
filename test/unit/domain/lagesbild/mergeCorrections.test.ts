import { describe, expect, it } from 'vitest';
import { compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { applyCorrections, questionKey, withCorrection, mergeCorrectionsRecordSchema, type MergeCorrection } from '../../../../src/domain/lagesbild/mergeCorrections.js';
import { lagesbildSnapshotSchema, type LagesbildSnapshot } from '../../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import { meeting1 } from './scenario.js';

const ryd = 'Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?';
const berga = 'Kan polisen öka närvaron vid Berga centrum på kvällarna?';
const rydKvall = 'Kan polisen öka närvaron vid Ryds centrum på kvällarna?';
const groupOf = (s: Pick<LagesbildSnapshot, 'questions'>, text: string) => s.questions.groups.find((g) => g.members.some((m) => m.text === text))!;
const keyOf = (s: LagesbildSnapshot, text: string) => questionKey(groupOf(s, text).members.find((m) => m.text === text)!);

const plain = compileLagesbild(meeting1);
const compileWith = (mergeCorrections: MergeCorrection[]) => compileLagesbild({ ...meeting1, mergeCorrections });

describe('applyCorrections', () => {
  const clusters = [['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']];
  it.each<[string, MergeCorrection[], string[][]]>([
    ['nothing', [], [['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']]],
    ['split a2 out', [{ kind: 'split', question: 'k-0000000000a2' }], [['a1', 'a3'], ['a2'], ['b1'], ['c1', 'c2']]],
    ['join b and c', [{ kind: 'join', a: 'k-0000000000b1', b: 'k-0000000000c2' }], [['a1', 'a2', 'a3'], ['b1', 'c1', 'c2']]],
    ['split, then join back', [{ kind: 'split', question: 'k-0000000000a2' }, { kind: 'join', a: 'k-0000000000a1', b: 'k-0000000000a2' }], [['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']]],
    ['a question that is gone does nothing', [{ kind: 'split', question: 'k-0000000000ff' }, { kind: 'join', a: 'k-0000000000ff', b: 'k-0000000000b1' }], [['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']]],
  ])('%s', (_, corrections, expected) => {
    const got = applyCorrections(clusters, corrections, (x) => `k-0000000000${x}`);
    const norm = (cs: string[][]) => cs.map((c) => [...c].sort().join(',')).sort();
    expect(norm(got)).toEqual(norm(expected));
  });
});

describe('compile with the chairs\' corrections', () => {
  it('a split takes one forum\'s question out of its group; the rest stay together', () => {
    const s = compileWith([{ kind: 'split', question: keyOf(plain, ryd) }]);
    expect(groupOf(plain, ryd).members).toHaveLength(3);
    expect(groupOf(s, ryd).members.map((m) => m.text)).toEqual([ryd]);
    expect(groupOf(s, 'Vad gör polisen åt narkotikaförsäljning i Ryd centrum').members).toHaveLength(2);
    expect(s.mergeCorrections).toEqual([{ kind: 'split', question: keyOf(plain, ryd) }]);
    expect(s.contentHash).not.toBe(plain.contentHash);
  });

  it('a join puts two groups together, counted and ranked as one', () => {
    expect(groupOf(plain, berga).id).not.toBe(groupOf(plain, rydKvall).id);
    const s = compileWith([{ kind: 'join', a: keyOf(plain, berga), b: keyOf(plain, rydKvall) }]);
    expect(groupOf(s, berga).id).toBe(groupOf(s, rydKvall).id);
    expect(s.questions.groups).toHaveLength(plain.questions.groups.length - 1);
  });

  it('compiling again with the same corrections gives the same snapshot (the corrections are kept)', () => {
    const corrections: MergeCorrection[] = [{ kind: 'split', question: keyOf(plain, ryd) }, { kind: 'join', a: keyOf(plain, berga), b: keyOf(plain, rydKvall) }];
    const a = compileWith(corrections);
    const b = compileLagesbild({ ...meeting1, mergeCorrections: corrections, compiledAt: '2027-01-02T00:00:00Z' });
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.questions).toEqual(a.questions);
  });

  it('views apply them too (a group is re-formed from what the audience sees)', () => {
    const s = compileWith([{ kind: 'split', question: keyOf(plain, ryd) }]);
    const steering = viewFor(s, 'steering');
    const g = groupOf(steering, 'Vad gör polisen åt narkotikaförsäljning i Ryd centrum');
    expect(g.members.some((m) => m.text === ryd)).toBe(false);
  });

  it('without corrections the hash is what it was without the feature', () => {
    expect(compileWith([]).contentHash).toBe(plain.contentHash);
  });

  it('an older snapshot without mergeCorrections parses (as none) and its views work', () => {
    const { mergeCorrections: _m, ...old } = JSON.parse(JSON.stringify(plain)) as LagesbildSnapshot;
    const parsed = lagesbildSnapshotSchema.parse(old);
    expect(parsed.mergeCorrections).toEqual([]);
    expect(viewFor(parsed, 'steering').questions).toEqual(viewFor(plain, 'steering').questions);
  });
});

describe('the corrections record', () => {
  it('keeps the newest corrections within the limit and validates keys', () => {
    let r = null;
    for (let i = 0; i < 205; i++) r = withCorrection(r, '2027-1', { kind: 'split', question: `k-${i.toString(16).padStart(12, '0')}`, at: '2027-01-01T00:00:00Z', by: 'u' });
    expect(r!.corrections).toHaveLength(200);
    expect(r!.corrections[0]).toMatchObject({ question: 'k-000000000005' });
    expect(mergeCorrectionsRecordSchema.safeParse(r).success).toBe(true);
    expect(mergeCorrectionsRecordSchema.safeParse({ meetingId: 'x', corrections: [{ kind: 'split', question: 'nope', at: '', by: '' }] }).success).toBe(false);
  });
});
