import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '../../../src/bot/fieldErrors.js';
import { forumFormSchema, forumIdFromName, forumKinds, forumRecordSchema } from '../../../src/domain/forum.js';

const districts = ['Berga', 'Ryd', 'Skäggetorp'] as const;
const schema = forumFormSchema(districts);
const valid = { name: 'Trygghetsrådet Berga', kind: 'trygghetsrad', districts: 'Berga', contacts: '' };

/** The codes as the bot sees them: [path, message] of every issue. */
function issues(input: Record<string, unknown>): [string, string][] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('forumFormSchema: valid input', () => {
  const cases: [string, Record<string, unknown>, { name: string; kind: string; districts: string[]; contacts: string[] }][] = [
    ['minimal', { name: 'Ab', kind: 'annat', districts: 'Ryd' }, { name: 'Ab', kind: 'annat', districts: ['Ryd'], contacts: [] }],
    ['name trimmed', { ...valid, name: '  Trygghetsrådet Berga  ' }, { name: 'Trygghetsrådet Berga', kind: 'trygghetsrad', districts: ['Berga'], contacts: [] }],
    ['multi-select districts (comma list from Input.ChoiceSet)', { ...valid, districts: 'Berga,Skäggetorp' }, { name: valid.name, kind: 'trygghetsrad', districts: ['Berga', 'Skäggetorp'], contacts: [] }],
    ['districts with spaces and empty entries', { ...valid, districts: ' Berga , ,Ryd, ' }, { name: valid.name, kind: 'trygghetsrad', districts: ['Berga', 'Ryd'], contacts: [] }],
    ['all districts', { ...valid, districts: 'Berga,Ryd,Skäggetorp' }, { name: valid.name, kind: 'trygghetsrad', districts: ['Berga', 'Ryd', 'Skäggetorp'], contacts: [] }],
    [
      'contacts separated by comma, semicolon and newline',
      { ...valid, contacts: 'Anna Andersson, Bo Berg;Cia Ceder\nDan Dahl ,, ' },
      { name: valid.name, kind: 'trygghetsrad', districts: ['Berga'], contacts: ['Anna Andersson', 'Bo Berg', 'Cia Ceder', 'Dan Dahl'] },
    ],
    ['contacts missing', { name: valid.name, kind: 'socialInsatsgrupp', districts: 'Berga' }, { name: valid.name, kind: 'socialInsatsgrupp', districts: ['Berga'], contacts: [] }],
    ['exactly 10 contacts', { ...valid, contacts: Array.from({ length: 10 }, (_, i) => `Person ${i}`).join(', ') }, { name: valid.name, kind: 'trygghetsrad', districts: ['Berga'], contacts: Array.from({ length: 10 }, (_, i) => `Person ${i}`) }],
    ['80-character name', { ...valid, name: 'x'.repeat(80) }, { name: 'x'.repeat(80), kind: 'trygghetsrad', districts: ['Berga'], contacts: [] }],
  ];
  it.each(cases)('%s', (_label, input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });

  it.each(forumKinds)('accepts kind %s', (kind) => {
    expect(schema.safeParse({ ...valid, kind }).success).toBe(true);
  });
});

describe('forumFormSchema: invalid input and its codes', () => {
  const cases: [string, Record<string, unknown>, [string, string][]][] = [
    ['name missing', { kind: 'annat', districts: 'Berga' }, [['name', 'required']]],
    ['name one character', { ...valid, name: 'A' }, [['name', 'tooShort']]],
    ['name only spaces', { ...valid, name: '     ' }, [['name', 'tooShort']]],
    ['name 81 characters', { ...valid, name: 'x'.repeat(81) }, [['name', 'tooLong']]],
    ['unknown kind', { ...valid, kind: 'bogus' }, [['kind', 'chooseOne']]],
    ['kind missing', { name: valid.name, districts: 'Berga' }, [['kind', 'chooseOne']]],
    ['districts empty', { ...valid, districts: '' }, [['districts', 'chooseAtLeastOne']]],
    ['districts only commas', { ...valid, districts: ' , ,' }, [['districts', 'chooseAtLeastOne']]],
    ['districts missing', { name: valid.name, kind: 'annat' }, [['districts', 'chooseAtLeastOne']]],
    ['unknown district', { ...valid, districts: 'Berga,Mars' }, [['districts.1', 'unknownDistrict']]],
    ['district with wrong case', { ...valid, districts: 'berga' }, [['districts.0', 'unknownDistrict']]],
    ['11 contacts', { ...valid, contacts: Array.from({ length: 11 }, (_, i) => `P${i}`).join(',') }, [['contacts', 'tooMany']]],
    ['a contact name over 100 characters', { ...valid, contacts: `Anna, ${'x'.repeat(101)}` }, [['contacts.1', 'tooLong']]],
    ['contacts text over 1000 characters', { ...valid, contacts: 'x'.repeat(1001) }, [['contacts', 'tooLong']]],
    [
      'several fields at once',
      { name: 'A', kind: 'bogus', districts: '' },
      [
        ['name', 'tooShort'],
        ['kind', 'chooseOne'],
        ['districts', 'chooseAtLeastOne'],
      ],
    ],
  ];
  it.each(cases)('%s', (_label, input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it('maps to one catalog code per field (as the bot shows them)', () => {
    const r = schema.safeParse({ name: 'A', kind: 'bogus', districts: 'Mars', contacts: Array.from({ length: 12 }, (_, i) => `P${i}`).join(',') });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(zodFieldErrors(r.error)).toEqual({ name: 'tooShort', kind: 'chooseOne', districts: 'unknownDistrict', contacts: 'tooMany' });
  });
});

describe('forumIdFromName', () => {
  it.each([
    ['Trygghetsrådet Skäggetorp', 'trygghetsradet-skaggetorp'],
    ['Trygghetsrådet Berga', 'trygghetsradet-berga'],
    ['Sociala insatsgruppen (SIG)', 'sociala-insatsgruppen-sig'],
    ['  Säkerhetsenhet / kommunpolis  ', 'sakerhetsenhet-kommunpolis'],
    ['ÅÄÖ åäö', 'aao-aao'],
    ['Forum 2027!', 'forum-2027'],
    ['---', 'forum'],
    ['', 'forum'],
    ['!!! ???', 'forum'],
    ['Дом', 'forum'],
    ['🚓🚓', 'forum'],
  ])('%j → %j', (name, id) => {
    expect(forumIdFromName(name)).toBe(id);
  });

  it('is at most 48 characters', () => {
    expect(forumIdFromName('Trygghetsrådet '.repeat(10))).toHaveLength(48);
    expect(forumIdFromName(`${'a'.repeat(47)} bcd`).length).toBeLessThanOrEqual(48);
  });

  // BUG (reported): the dashes are trimmed before the 48-character cut, so a cut that lands
  // right after a separator leaves a trailing dash ("aaa…a-").
  it('never ends in a dash, even when cut at 48 characters', () => {
    expect(forumIdFromName(`${'a'.repeat(47)} bcd`)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('is stable', () => {
    expect(forumIdFromName('Trygghetsrådet Ryd')).toBe(forumIdFromName('trygghetsrådet ryd'));
  });
});

describe('forumRecordSchema', () => {
  it('defaults memberIds to []', () => {
    const r = forumRecordSchema.parse({ id: 'x', name: 'Xy', kind: 'annat', districts: ['Ryd'], contacts: [], conversationId: 'c', active: true });
    expect(r.memberIds).toEqual([]);
  });
});
