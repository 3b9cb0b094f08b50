import type { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { NO_ORG, OrgJobCounter } from '../../../src/http/orgJobCounts.js';

/** A queue that answers getRanges from a table of ids per state (no Redis). */
function fakeQueue(name: string, ids: Record<string, string[]>): Queue & { calls: number } {
  const q = {
    name,
    calls: 0,
    async getRanges(types: string[]) {
      q.calls++;
      return types.flatMap((t) => ids[t] ?? []);
    },
  };
  return q as unknown as Queue & { calls: number };
}

describe('OrgJobCounter', () => {
  const cases: { name: string; legacy: string | null; ids: Record<string, string[]>; want: string[] }[] = [
    {
      name: 'counts by the id prefix',
      legacy: null,
      ids: { delayed: ['oaaaaaa1.tl-2027-1-prompt', 'oaaaaaa1.tl-2027-1-remind7', 'obbbbbb2.tl-2027-1-prompt'], failed: ['obbbbbb2.n-1'] },
      want: ['oaaaaaa1 timeline delayed 2', 'obbbbbb2 timeline delayed 1', 'obbbbbb2 timeline failed 1'],
    },
    {
      name: 'ids without a prefix are the legacy organisation’s',
      legacy: 'olegacy1',
      ids: { waiting: ['tl-2027-1-prompt', '17', 'oaaaaaa1.x'] },
      want: ['oaaaaaa1 timeline waiting 1', 'olegacy1 timeline waiting 2'],
    },
    {
      name: 'or the deployment’s when there is no legacy organisation',
      legacy: null,
      ids: { completed: ['42'] },
      want: [`${NO_ORG} timeline completed 1`],
    },
  ];
  it.each(cases)('$name', async ({ legacy, ids, want }) => {
    const counter = new OrgJobCounter(() => [fakeQueue('timeline', ids)], async () => legacy);
    expect((await counter.counts()).map((r) => `${r.org} ${r.queue} ${r.state} ${r.count}`)).toEqual(want);
  });

  it('is cached for 15 seconds', async () => {
    let now = 1_000_000;
    const q = fakeQueue('notify', { waiting: ['oaaaaaa1.a'] });
    const counter = new OrgJobCounter(() => [q], async () => null, () => now);
    await counter.counts();
    const calls = q.calls;
    now += 14_999;
    await counter.counts();
    expect(q.calls).toBe(calls);
    now += 2;
    await counter.counts();
    expect(q.calls).toBe(calls * 2);
  });
});
