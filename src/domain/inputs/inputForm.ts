/**
 * Turns the raw data of a submitted inspel card into an InputAnswer, or into field
 * errors keyed by the card's input ids (see fieldIds.ts) so the refreshed card can show
 * each error next to its field. Every free-text field goes through the personal data
 * guard. Nothing here throws: forged or broken data is just another field error.
 */
import type { FieldErrors } from '../errors.js';
import { inputLimits, priorityValues, sensitivityValues, trendValues, type DistrictAnswer, type InputAnswer, type PoliceQuestion } from './answer.js';
import { inputFieldIds as ids, questionNumbers } from './fieldIds.js';
import { isSupplied, readChoice, readFreeText, readLines, readMultiChoice, type FieldResult } from './formValues.js';

/** Every code parseInputForm can return; 'personalData' comes as 'personalData|<kind>'. */
export const inputFormErrorCodes = ['required', 'tooLong', 'tooMany', 'chooseOne', 'unknownTheme', 'personalData', 'emptyAnswer'] as const;

export interface InputFormContext {
  /** The forum's districts, in the order the card shows them. */
  districts: readonly string[];
  /** The configured theme ids. */
  themeIds: readonly string[];
}

export type InputFormResult = { ok: true; answer: InputAnswer } | { ok: false; fieldErrors: FieldErrors };

export function parseInputForm(raw: Record<string, unknown>, ctx: InputFormContext): InputFormResult {
  // The type says record, but the data came off the wire: anything else reads as empty.
  const data: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const errors: FieldErrors = {};
  /** The value, or undefined after recording the error under `field`. */
  const take = <T>(field: string, r: FieldResult<T>): T | undefined => {
    if (r.ok) return r.value;
    errors[field] = r.code;
    return undefined;
  };
  const field = (id: string): unknown => (Object.hasOwn(data, id) ? data[id] : undefined);

  const districts: DistrictAnswer[] = [];
  ctx.districts.forEach((district, i) => {
    const trend = take(ids.trend(i), readChoice(field(ids.trend(i)), trendValues));
    const situation = take(ids.situation(i), readFreeText(field(ids.situation(i)), inputLimits.situation));
    if (trend === undefined || situation === undefined) return;
    // A description without a trend still says something; its trend is "vet ej".
    if (trend !== null || situation !== '') districts.push({ district, trend: trend ?? 'vetej', situation });
  });

  const themes = take(ids.themes, readMultiChoice(field(ids.themes), ctx.themeIds, 'unknownTheme')) ?? [];
  const otherTheme = take(ids.otherTheme, readFreeText(field(ids.otherTheme), inputLimits.otherTheme));

  const questions: PoliceQuestion[] = [];
  for (const n of questionNumbers) {
    const text = take(ids.question(n), readFreeText(field(ids.question(n)), inputLimits.questionText));
    if (!text) continue; // empty question: its priority, whatever it is, is ignored
    const priority = take(ids.questionPriority(n), readChoice(field(ids.questionPriority(n)), priorityValues));
    if (priority !== undefined) questions.push({ text, priority: priority ?? 'medel' });
  }

  const agendaItems = take(ids.agenda, readLines(field(ids.agenda), { maxItems: inputLimits.agendaItems, maxLength: inputLimits.agendaItem })) ?? [];
  const needs = take(ids.needs, readFreeText(field(ids.needs), inputLimits.needs));
  const sensitivity = take(ids.sensitivity, readChoice(field(ids.sensitivity), sensitivityValues));
  if (sensitivity === null) errors[ids.sensitivity] = 'chooseOne';

  if (!saysAnything(field, ctx)) errors[ids.form] = 'emptyAnswer';
  if (Object.keys(errors).length > 0 || !sensitivity) return { ok: false, fieldErrors: errors };

  return {
    ok: true,
    answer: {
      districts,
      themes,
      ...(otherTheme ? { otherTheme } : {}),
      questions,
      agendaItems,
      ...(needs ? { needs } : {}),
      sensitivity,
    },
  };
}

/**
 * An answer must carry a district trend or description, a theme or a question; agenda
 * items and needs alone do not make an inspel. Judged on what was supplied, so a field
 * with an error shows that error rather than "empty".
 */
function saysAnything(field: (id: string) => unknown, ctx: InputFormContext): boolean {
  const supplied = (id: string) => isSupplied(field(id));
  return (
    ctx.districts.some((_, i) => supplied(ids.trend(i)) || supplied(ids.situation(i))) ||
    supplied(ids.themes) ||
    supplied(ids.otherTheme) ||
    questionNumbers.some((n) => supplied(ids.question(n)))
  );
}
