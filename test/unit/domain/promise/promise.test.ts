import { describe, expect, it } from 'vitest';
import {
  actionItemSchema,
  actionStatuses,
  actionsOf,
  commitmentSchema,
  findAction,
  followUpEntrySchema,
  promiseSchema,
  promiseStatuses,
  responsibleParties,
} from '../../../../src/domain/promise/promise.js';
import { action, citizenPromise, commitment, followUp } from './fixtures.js';

/** [path, code] of every issue, as the bot sees them. */
function issues(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? [] : (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

describe('enumerations (ids used by cards and the i18n catalog)', () => {
  it.each([
    ['responsibleParties', responsibleParties, ['polisen', 'kommunen', 'bada']],
    ['promiseStatuses', promiseStatuses, ['utkast', 'faststallt', 'avslutat']],
    ['actionStatuses', actionStatuses, ['ej_paborjad', 'pagar', 'klar', 'forsenad', 'stoppad']],
  ])('%s', (_name, actual, expected) => {
    expect([...actual]).toEqual(expected);
  });
});

describe('promiseSchema', () => {
  const valid = citizenPromise([commitment('c1', [action('a1')])]);

  it('accepts a complete promise unchanged', () => {
    expect(promiseSchema.parse(valid)).toEqual(valid);
  });

  it('fills in empty lists for a new draft', () => {
    const draft = { id: 'p', title: 'Utkast', periodFrom: '2026-01-01', periodTo: '2027-12-31', status: 'utkast', commitments: [{ id: 'c', text: 'T', responsible: 'polisen', districts: [] }] };
    const parsed = promiseSchema.parse(draft);
    expect(parsed.commitments[0]?.actions).toEqual([]);
  });

  it.each([
    ['period ends on its first day', { periodTo: '2026-01-01' }, [['periodTo', 'endBeforeStart']]],
    ['period ends before it starts', { periodTo: '2025-12-31' }, [['periodTo', 'endBeforeStart']]],
    ['a date that does not exist', { periodFrom: '2026-02-30' }, [['periodFrom', 'date']]],
    ['not a date at all', { periodTo: 'nästa år' }, [['periodTo', 'date']]],
    ['empty title', { title: '   ' }, [['title', 'required']]],
    ['title too long', { title: 'x'.repeat(201) }, [['title', 'tooLong']]],
    ['fastställt without who agreed', { agreedBy: undefined, agreedAt: undefined }, [['agreedBy', 'notAgreed']]],
    ['avslutat without who agreed', { status: 'avslutat', agreedBy: undefined }, [['agreedBy', 'notAgreed']]],
    ['unknown status', { status: 'klar' }, [['status', expect.any(String)]]],
  ])('%s', (_label, over, expected) => {
    expect(issues(promiseSchema, { ...valid, ...over })).toEqual(expected);
  });

  it('a draft needs nobody to have agreed', () => {
    expect(issues(promiseSchema, { ...valid, status: 'utkast', agreedBy: undefined, agreedAt: undefined })).toEqual([]);
  });
});

describe('commitmentSchema', () => {
  const valid = commitment('c1', []);
  it.each(responsibleParties)('accepts responsible %s', (responsible) => {
    expect(commitmentSchema.safeParse({ ...valid, responsible }).success).toBe(true);
  });
  it.each([
    ['responsible not one of the parties', { responsible: 'båda' }, [['responsible', 'chooseOne']]],
    ['empty text', { text: '' }, [['text', 'required']]],
    ['text of 1001 characters', { text: 'x'.repeat(1001) }, [['text', 'tooLong']]],
  ])('%s', (_label, over, expected) => {
    expect(issues(commitmentSchema, { ...valid, ...over })).toEqual(expected);
  });
  it('keeps an optional målbild link', () => {
    expect(commitmentSchema.parse({ ...valid, malbildId: 'berga' }).malbildId).toBe('berga');
  });
});

describe('actionItemSchema', () => {
  const valid = action('a1');
  it.each([
    ['500-character text', { text: 'x'.repeat(500) }, []],
    ['501-character text', { text: 'x'.repeat(501) }, [['text', 'tooLong']]],
    ['blank text', { text: '  ' }, [['text', 'required']]],
    ['due not a real date', { due: '2026-13-01' }, [['due', 'date']]],
    ['completedAt a real date', { status: 'klar', completedAt: '2026-06-01' }, []],
    ['completedAt not a date', { status: 'klar', completedAt: 'igår' }, [['completedAt', 'date']]],
    ['no owner', { ownerAadObjectId: '' }, [['ownerAadObjectId', 'required']]],
  ])('%s', (_label, over, expected) => {
    expect(issues(actionItemSchema, { ...valid, ...over })).toEqual(expected);
  });
});

describe('followUpEntrySchema', () => {
  const valid = followUp('2026-1', '6 narkotikasök genomförda', { count: 6 });
  it.each([
    ['with a count', {}, []],
    ['count zero', { count: 0 }, []],
    ['without a count', { count: undefined }, []],
    ['negative count', { count: -1 }, [['count', 'notANumber']]],
    ['fractional count', { count: 1.5 }, [['count', 'notANumber']]],
    ['text of 1001 characters', { text: 'x'.repeat(1001) }, [['text', 'tooLong']]],
    ['empty text', { text: '' }, [['text', 'required']]],
    ['at not an ISO instant', { at: 'i går' }, [['at', expect.any(String)]]],
  ])('%s', (_label, over, expected) => {
    expect(issues(followUpEntrySchema, { ...valid, ...over })).toEqual(expected);
  });
});

describe('actionsOf and findAction', () => {
  const p = citizenPromise([commitment('c1', [action('a1'), action('a2')]), commitment('c2', []), commitment('c3', [action('a3')])]);

  it('lists every item with its commitment, in document order', () => {
    expect(actionsOf(p).map(({ commitment: c, action: a }) => `${c.id}/${a.id}`)).toEqual(['c1/a1', 'c1/a2', 'c3/a3']);
  });

  it.each([
    ['a1', 'c1'],
    ['a3', 'c3'],
    ['nope', undefined],
  ])('findAction(%s) → commitment %s', (id, commitmentId) => {
    expect(findAction(p, id)?.commitment.id).toBe(commitmentId);
  });
});
