import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '../../../../src/bot/fieldErrors.js';
import type { FieldErrors } from '../../../../src/domain/errors.js';
import { forumFormSchema } from '../../../../src/domain/forum.js';
import type { PersonalDataKind } from '../../../../src/domain/inputs/personalDataGuard.js';
import { parseIndicatorForm, parseStatementsForm } from '../../../../src/domain/malbilder/malbildForm.js';
import { parseActionForm, parseActionUpdateForm } from '../../../../src/domain/promise/actionForm.js';
import type { FormResult } from '../../../../src/domain/promise/formResult.js';
import { parseCommitmentForm, parsePromiseForm } from '../../../../src/domain/promise/promiseForm.js';

/**
 * Issue 14: every card that takes free text refuses what identifies a person, as the
 * inspel does — naming the field with 'personalData|<kind>' — and still takes ordinary
 * steering-group text (counts, dates, times, case-like numbers).
 */
const errorsOf = (r: FormResult<unknown>): FieldErrors | null => (r.ok ? null : r.fieldErrors);

/** Each free-text input of each form: a valid card with `text` put in that one input. */
const inputs: [string, string, (text: string) => FieldErrors | null][] = [
  ['forum', 'name', (v) => forumErrors({ name: v })],
  ['forum', 'contacts', (v) => forumErrors({ contacts: `Kim Påhittad, ${v}` })],
  ['promise', 'title', (v) => errorsOf(parsePromiseForm({ title: v, periodFrom: '2027-01-01', periodTo: '2028-12-31' }))],
  ['commitment', 'text', (v) => errorsOf(parseCommitmentForm({ text: v, responsible: 'bada', districts: 'Berga' }, { districts: ['Berga'], malbildIds: [] }))],
  ['action', 'text', (v) => errorsOf(parseActionForm({ text: v, owner: 'o1', due: '2027-06-01', commitment: 'c1' }, { today: '2027-01-10', knownOwners: [{ aadObjectId: 'o1', name: 'Kim Påhittad' }], commitmentIds: ['c1'] }))],
  ['action update', 'followUp', (v) => errorsOf(parseActionUpdateForm({ status: 'pagar', followUp: v }))],
  ['målbild', 'statements', (v) => errorsOf(parseStatementsForm({ statements: `Fler trygga på kvällen\n${v}` }))],
  ['indicator', 'name', (v) => errorsOf(parseIndicatorForm({ name: v, direction: 'decrease', targetValue: '5', targetDate: '2028-01-01' }))],
  ['indicator', 'unit', (v) => errorsOf(parseIndicatorForm({ name: 'Anmälda brott', unit: v, direction: 'decrease', targetValue: '5', targetDate: '2028-01-01' }))],
];

function forumErrors(over: Record<string, string>): FieldErrors | null {
  const r = forumFormSchema(['Berga']).safeParse({ name: 'Trygghetsrådet Berga', kind: 'annat', districts: 'Berga', ...over });
  return r.success ? null : zodFieldErrors(r.error);
}

/** Short enough for the shortest input (a unit: 40 characters). */
const personal: [PersonalDataKind, string][] = [
  ['personnummer', 'pnr 850101-0006'],
  ['samordningsnummer', '850161-0003'],
  ['phone', 'ring 070-123 45 67'],
  ['email', 'kim.p@exempel.se'],
];
const ordinary = ['6 narkotikasök', 'möte 2027-03-10 kl 0800-1700', 'ärende 5000-K123456-27'];

describe.each(inputs)('%s: %s', (_form, field, submit) => {
  it.each(personal)('refuses a %s, naming the field', (kind, text) => {
    expect(submit(text)).toEqual({ [field]: `personalData|${kind}` });
  });

  it.each(ordinary.map((o) => [o]))('takes ordinary text: %s', (text) => {
    expect(submit(text)).toBeNull();
  });
});
