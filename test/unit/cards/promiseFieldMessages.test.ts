import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../../cards/fieldMessages.js';
import { messages } from '../../../src/i18n/index.js';

describe('field messages of the medborgarlöfte (feature section fallback)', () => {
  it.each(['pastDate', 'futureDate', 'unknownOwner', 'unknownCommitment', 'unknownIndicator', 'notANumber', 'noCommitments', 'endBeforeStart', 'targetWrongDirection'] as const)(
    '%s has a sentence in both languages',
    (code) => {
      expect(fieldMessage(messages('sv'), code)).toBe(messages('sv').promise.fieldErrors[code]);
      expect(fieldMessage(messages('en'), code)).toBe(messages('en').promise.fieldErrors[code]);
      expect(fieldMessage(messages('sv'), code)).not.toBe(messages('sv').errors.invalidInput);
    },
  );

  it('common codes still win, unknown and prototype names still fall back', () => {
    expect(fieldMessage(messages('sv'), 'required')).toBe('Obligatoriskt.');
    expect(fieldMessage(messages('sv'), 'nope')).toBe(messages('sv').errors.invalidInput);
    expect(fieldMessage(messages('sv'), 'toString')).toBe(messages('sv').errors.invalidInput);
  });
});
