import { describe, expect, it } from 'vitest';
import { fieldMessage, fieldMessages } from '../../../cards/fieldMessages.js';
import { messages, type Lang } from '../../../src/i18n/index.js';

const cases: [Lang, string | undefined, string | undefined][] = [
  ['sv', undefined, undefined],
  ['en', undefined, undefined],
  ['sv', '', undefined],
  ['sv', 'required', 'Obligatoriskt.'],
  ['en', 'required', 'Required.'],
  ['sv', 'tooShort', 'För kort.'],
  ['en', 'tooLong', 'Too long.'],
  ['sv', 'tooMany', 'För många.'],
  ['en', 'chooseOne', 'Choose one option.'],
  ['sv', 'chooseAtLeastOne', 'Välj minst ett.'],
  ['en', 'unknownDistrict', 'Unknown district.'],
  ['sv', 'date', 'Ange ett datum (ÅÅÅÅ-MM-DD).'],
  ['en', 'time', 'Enter a time (HH:MM).'],
  ['sv', 'weekend', 'Datumet är en lördag eller söndag.'],
  ['en', 'past', 'The date has already passed.'],
  ['sv', 'wrongYear', 'Datumet ligger inte i det planerade året.'],
  ['en', 'order', 'The meetings must be in order and at least four weeks apart.'],
  ['sv', 'noMention', 'Nämn personen med @ i meddelandet.'],
  // parameterised
  ['sv', 'holiday|Påskdagen', 'Det är en helgdag (Påskdagen).'],
  ['en', 'holiday|Påskdagen', 'That is a public holiday (Påskdagen).'],
  ['sv', 'blocked|sportlov', 'Datumet ligger i en spärrad period (sportlov).'],
  ['en', 'blocked|sportlov', 'The date is in a blocked period (sportlov).'],
  ['sv', 'holiday|Juldagen', 'Det är en helgdag (Juldagen).'],
  ['en', 'blocked|höstlov v. 44', 'The date is in a blocked period (höstlov v. 44).'],
  [
    'sv',
    'schoolHoliday|höstlov;44;2027-11-01;2027-11-07',
    'Datumet ligger i höstlov (vecka 44, 2027-11-01 – 2027-11-07). Styrgruppen möts inte på skollov – välj en annan vecka.',
  ],
  [
    'en',
    'schoolHoliday|sommarlov;24–33;2027-06-11;2027-08-15',
    'The date is in sommarlov (week 24–33, 2027-06-11 – 2027-08-15), a school holiday. The steering group does not meet in school holidays – choose another week.',
  ],
  // a parameter on a plain code is ignored
  ['sv', 'required|x', 'Obligatoriskt.'],
  // unknown codes fall back to the generic sentence, never the raw code
  ['sv', 'noSuchCode', 'Något fält behöver rättas – se markeringarna i kortet. Inget har sparats.'],
  ['en', 'noSuchCode', 'Some fields need correcting – see the marks in the card. Nothing was saved.'],
  ['en', 'Too big: expected array to have <=3 items', 'Some fields need correcting – see the marks in the card. Nothing was saved.'],
];

// BUG (reported): the lookup is a plain property access, so codes naming Object.prototype
// members ("toString", "constructor", "__proto__") resolve to those instead of the fallback.
const prototypeCodes: [Lang, string, string][] = [
  ['sv', 'toString', 'Något fält behöver rättas – se markeringarna i kortet. Inget har sparats.'],
  ['en', 'constructor', 'Some fields need correcting – see the marks in the card. Nothing was saved.'],
  ['en', '__proto__', 'Some fields need correcting – see the marks in the card. Nothing was saved.'],
];

describe('fieldMessage', () => {
  it.each(cases)('[%s] %j → %j', (lang, code, expected) => {
    expect(fieldMessage(messages(lang), code)).toBe(expected);
  });

  it.each(prototypeCodes)('[%s] %j → the generic sentence', (lang, code, expected) => {
    expect(fieldMessage(messages(lang), code)).toBe(expected);
  });

  it.each(['holiday', 'blocked'])('%s without a parameter still gives a sentence', (code) => {
    for (const lang of ['sv', 'en'] as const) {
      const msg = fieldMessage(messages(lang), code);
      expect(typeof msg).toBe('string');
      expect(msg).not.toContain('undefined');
    }
  });
});

describe('fieldMessages', () => {
  it('maps every field, in both languages', () => {
    const errors = { name: 'tooShort', date1: 'holiday|Trettondedag jul', districts: 'chooseAtLeastOne' };
    expect(fieldMessages(messages('sv'), errors)).toEqual({
      name: 'För kort.',
      date1: 'Det är en helgdag (Trettondedag jul).',
      districts: 'Välj minst ett.',
    });
    expect(fieldMessages(messages('en'), errors)).toEqual({
      name: 'Too short.',
      date1: 'That is a public holiday (Trettondedag jul).',
      districts: 'Choose at least one.',
    });
  });

  it('no errors → empty object', () => {
    expect(fieldMessages(messages('sv'), undefined)).toEqual({});
    expect(fieldMessages(messages('en'), {})).toEqual({});
  });
});
