import { describe, expect, it } from 'vitest';
import { nextAnswerVersion, type AnswerWriteKind } from '../../../../src/domain/inputs/inputVersioning.js';

describe('nextAnswerVersion', () => {
  const cases: [string, { version: number } | null, number | undefined, AnswerWriteKind][] = [
    ['first answer, no version on the card', null, undefined, 'create'],
    ['first answer, card says 0 (nothing yet)', null, 0, 'create'],
    ['edit of the version seen', { version: 3 }, 3, 'update'],
    ['edit of version 1', { version: 1 }, 1, 'update'],
    ['edit of an older version', { version: 3 }, 2, 'stale'],
    ['version from the future', { version: 3 }, 4, 'stale'],
    ['new answer while one exists (never seen)', { version: 1 }, undefined, 'stale'],
    ['card claims 0 while one exists', { version: 1 }, 0, 'stale'],
    ['card claims a version that does not exist', null, 2, 'stale'],
    ['negative version', { version: 1 }, -1, 'stale'],
    ['fractional version', { version: 1 }, 1.5, 'stale'],
    ['NaN', { version: 1 }, Number.NaN, 'stale'],
    ['NaN, nothing yet', null, Number.NaN, 'stale'],
    ['Infinity', { version: 1 }, Number.POSITIVE_INFINITY, 'stale'],
  ];
  it.each(cases)('%s', (_label, existing, based, expected) => {
    expect(nextAnswerVersion(existing, based)).toBe(expected);
  });
});
