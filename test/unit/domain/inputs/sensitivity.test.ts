import { describe, expect, it } from 'vitest';
import type { Sensitivity } from '../../../../src/domain/inputs/answer.js';
import { canSee, redactAnswer, visibleAnswers, type Audience } from '../../../../src/domain/inputs/sensitivity.js';

describe('canSee', () => {
  const cases: [Audience, Sensitivity, boolean][] = [
    ['chairs', 'oppen', true],
    ['chairs', 'intern', true],
    ['chairs', 'kanslig', true],
    ['steering', 'oppen', true],
    ['steering', 'intern', true],
    ['steering', 'kanslig', false],
    ['open', 'oppen', true],
    ['open', 'intern', false],
    ['open', 'kanslig', false],
  ];
  it.each(cases)('%s sees %s: %s', (audience, sensitivity, visible) => {
    expect(canSee(audience, sensitivity)).toBe(visible);
  });
});

describe('redactAnswer and visibleAnswers', () => {
  const answers = [
    { forumId: 'a', sensitivity: 'oppen' as const },
    { forumId: 'b', sensitivity: 'intern' as const },
    { forumId: 'c', sensitivity: 'kanslig' as const },
  ];

  it.each([
    ['chairs', ['a', 'b', 'c']],
    ['steering', ['a', 'b']],
    ['open', ['a']],
  ] as const)('%s', (audience, ids) => {
    expect(visibleAnswers(answers, audience).map((a) => a.forumId)).toEqual(ids);
    expect(answers.map((a) => redactAnswer(a, audience)?.forumId ?? null)).toEqual(answers.map((a) => ((ids as readonly string[]).includes(a.forumId) ? a.forumId : null)));
  });

  it('returns the answer itself when visible', () => {
    expect(redactAnswer(answers[0]!, 'open')).toBe(answers[0]);
  });
});
