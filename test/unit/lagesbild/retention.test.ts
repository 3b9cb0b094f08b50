import { describe, expect, it } from 'vitest';
import { lagesbildSnapshotSchema } from '../../../src/domain/lagesbild/schema.js';
import { holdsRestrictedContent, withoutRestrictedContent } from '../../../src/domain/lagesbild/retention.js';
import { viewFor } from '../../../src/domain/lagesbild/view.js';
import { MARK, meetingSnapshots } from './fixture.js';

const { s1, s2 } = meetingSnapshots();

describe('withoutRestrictedContent (snapshot retention)', () => {
  const pruned = withoutRestrictedContent(s2);

  it('keeps öppen content and loses every intern and känslig text, in every view', () => {
    expect(lagesbildSnapshotSchema.parse(pruned)).toEqual(pruned);
    const text = JSON.stringify(pruned);
    expect(text).toContain(MARK.oppen);
    expect(text).not.toContain(MARK.intern);
    expect(text).not.toContain(MARK.kanslig);
    for (const audience of ['chairs', 'steering', 'open'] as const) {
      const v = JSON.stringify(viewFor(pruned, audience));
      expect(v).not.toContain(MARK.intern);
      expect(v).not.toContain(MARK.kanslig);
    }
  });

  it('the chairs now see what the open audience saw; response rate and hash are kept', () => {
    const { audience: _a, content: _c, ...chairs } = viewFor(pruned, 'chairs');
    const { audience: _b, content: _d, ...open } = viewFor(s2, 'open');
    expect(chairs).toEqual(open);
    expect(pruned.responseRate).toEqual(s2.responseRate);
    expect(pruned.contentHash).toBe(s2.contentHash);
    expect(pruned.content).toEqual({ oppen: s2.content.oppen, intern: 0, kanslig: 0 });
  });

  it('is idempotent', () => {
    expect(holdsRestrictedContent(s2)).toBe(true);
    expect(holdsRestrictedContent(pruned)).toBe(false);
    expect(withoutRestrictedContent(pruned)).toEqual(pruned);
    // Meeting 1 had an intern answer too.
    expect(holdsRestrictedContent(s1)).toBe(true);
  });
});
