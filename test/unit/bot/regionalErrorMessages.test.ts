import { describe, expect, it } from 'vitest';
import { userMessageFor } from '../../../src/bot/errorMessages.js';
import { regionalNotPublished, regionalSharingOff } from '../../../src/domain/errors.js';
import { messages, type Lang } from '../../../src/i18n/index.js';

describe.each(['sv', 'en'] as Lang[])('regional refusals as sentences (%s)', (lang) => {
  const m = messages(lang);
  it.each([
    { error: regionalSharingOff(['Alderby kommun', 'Björkvik kommun']), expected: m.regional.sharingOff('Alderby kommun, Björkvik kommun') },
    { error: regionalSharingOff([]), expected: m.regional.tooFew },
    { error: regionalNotPublished(['Cederstad kommun']), expected: m.regional.notPublished('Cederstad kommun') },
  ])('$error.reason $error.details.names', ({ error, expected }) => {
    const text = userMessageFor(error, m);
    expect(text).toBe(expected);
    for (const name of error.details.names ?? []) expect(text).toContain(name);
  });
});
