import { describe, expect, it } from 'vitest';
import { Keys } from '../../../src/store/keys.js';

describe('key layout', () => {
  const keys = new Keys('P');
  const org = keys.forOrg('oabcdefg');

  it('every key of an organisation shares its hash tag (one Cluster slot: Lua writes and multi-key deletes work)', () => {
    const all = [org.record('answer', '2027-1.berga'), org.audit('answer', 'x'), org.history('answer', 'x'), org.index('forum'), org.lookup('forum', 'person:1'), org.of('done', 'timeline', 'x'), org.of('people')];
    for (const k of all) {
      expect(k.startsWith('P:{o:oabcdefg}:'), k).toBe(true);
      expect(k.match(/\{/g)?.length, k).toBe(1);
    }
  });

  it('the deployment’s own keys keep the layout of the single-municipality version', () => {
    expect(keys.record('conversation', 'c1')).toBe('P:rec:{conversation:c1}');
    expect(keys.index('conversation')).toBe('P:idx:conversation');
    expect(keys.of('people')).toBe('P:people');
  });

  it.each([
    [keys, 'P:audit:{answer:2027-1.berga}', { collection: 'answer', id: '2027-1.berga' }],
    [keys, 'P:{o:oabcdefg}:audit:answer:x', null],
    [org, 'P:{o:oabcdefg}:audit:answer:2027-1.berga', { collection: 'answer', id: '2027-1.berga' }],
    [org, 'P:{o:oabcdefg}:audit:report-reads', null],
    [org, 'P:{o:ozzzzzzz}:audit:answer:x', null],
  ])('audit key parts of %#', (k, key, parts) => {
    expect(k.auditKeyParts(key)).toEqual(parts);
  });

  it('audit patterns match only their own layout', () => {
    expect(keys.auditPattern()).toBe('P:audit:{*');
    expect(org.auditPattern()).toBe('P:{o:oabcdefg}:audit:*');
  });
});
