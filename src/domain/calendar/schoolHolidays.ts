/**
 * Swedish school holidays (skollov), when most members with children take leave. They
 * follow ISO weeks, not fixed dates: höstlov is week 44 in practically every municipality,
 * sportlov one week from 7 to 10 by region (Östergötland, and so Linköping: week 8),
 * påsklov is set locally in a week next to Easter; jullov and sommarlov follow each
 * municipality's läsårstider. So the rules name a week, a week relative to Easter or a
 * yearly date range; a municipality's own läsårstider, entered as dates for a year,
 * replace the rules for that year.
 */
import { z } from 'zod';
import { easterSunday } from './holidays.js';
import { isoWeekDates, isoWeekOf, mondayOf } from './isoWeek.js';
import { addDays, compareIsoDates, daysBetween, isIsoDate, isMonthDay, monthDayInYear, parseIsoDate, type IsoDate } from './localDate.js';

const label = z.string().trim().min(1).max(60);
const monthDay = z.string().refine(isMonthDay, { message: 'expected MM-DD' });
const isoDate = z.string().refine(isIsoDate, { message: 'expected YYYY-MM-DD' });

export const schoolHolidayRuleSchema = z.discriminatedUnion('kind', [
  /** Every year's ISO week `week` (53 only in years that have one). */
  z.object({ kind: z.literal('week'), week: z.number().int().min(1).max(53), label }),
  /** The ISO week `offsetWeeks` after the one that ends on Easter Sunday (0 = påskveckan, 1 = the week of annandag påsk). */
  z.object({ kind: z.literal('easter'), offsetWeeks: z.number().int().min(-3).max(3), label }),
  /** A yearly 'MM-DD' range that may wrap the year end (jullov). */
  z.object({ kind: z.literal('dates'), from: monthDay, to: monthDay, label }),
]);

/** Longest lov accepted as entered dates: a sommarlov is about ten weeks. */
export const MAX_SCHOOL_HOLIDAY_DAYS = 92;

const bothDates = (p: { from: string; to: string }) => isIsoDate(p.from) && isIsoDate(p.to);

export const schoolHolidayDatesSchema = z
  .object({ from: isoDate, to: isoDate, label })
  // zod runs refinements even when a field failed: check the dates are dates first.
  .refine((p) => !bothDates(p) || compareIsoDates(p.from, p.to) <= 0, { message: 'ends-before-start', path: ['to'] })
  .refine((p) => !bothDates(p) || daysBetween(p.from, p.to) < MAX_SCHOOL_HOLIDAY_DAYS, { message: 'too-long', path: ['to'] });

/** A municipality's own läsårstider for one calendar year: each lov as dates (jullov may end in January of the next year). */
export const schoolCalendarSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    periods: z.array(schoolHolidayDatesSchema).min(1).max(12),
  })
  .refine((c) => c.periods.every((p) => !isIsoDate(p.from) || parseIsoDate(p.from).year === c.year), { message: 'starts-in-another-year', path: ['periods'] });

export type SchoolHolidayRule = z.infer<typeof schoolHolidayRuleSchema>;
export type SchoolHolidayDates = z.infer<typeof schoolHolidayDatesSchema>;
export type SchoolCalendar = z.infer<typeof schoolCalendarSchema>;

/** A concrete lov that contains a date: what the chair is told when a date is refused. */
export interface SchoolHolidayHit {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

/** The rules' occurrence in the calendar year of `date` that contains it, or null. */
export function ruleOccurrenceAt(date: IsoDate, rule: SchoolHolidayRule): SchoolHolidayHit | null {
  const { year } = parseIsoDate(date);
  const within = (from: IsoDate, to: IsoDate) => (compareIsoDates(from, date) <= 0 && compareIsoDates(date, to) <= 0 ? { label: rule.label, from, to } : null);
  switch (rule.kind) {
    case 'week':
      return isoWeekOf(date).week === rule.week ? within(mondayOf(date), addDays(mondayOf(date), 6)) : null;
    case 'easter': {
      const from = addDays(mondayOf(easterSunday(year)), 7 * rule.offsetWeeks);
      return within(from, addDays(from, 6));
    }
    case 'dates': {
      if (rule.from <= rule.to) return within(monthDayInYear(year, rule.from), monthDayInYear(year, rule.to));
      // Wrapping the year end: this year's December part or last year's January part.
      return within(monthDayInYear(year, rule.from), monthDayInYear(year + 1, rule.to)) ?? within(monthDayInYear(year - 1, rule.from), monthDayInYear(year, rule.to));
    }
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The school holiday that contains `date`: entered läsårstider first (any year's, so a
 * jullov running into January counts), then the rules unless the municipality's own
 * dates for that calendar year were entered (for a range wrapping the year end: the year
 * its occurrence starts).
 */
export function schoolHolidayAt(date: IsoDate, rules: readonly SchoolHolidayRule[], calendars: readonly SchoolCalendar[] = []): SchoolHolidayHit | null {
  for (const c of calendars) {
    const hit = c.periods.find((p) => compareIsoDates(p.from, date) <= 0 && compareIsoDates(date, p.to) <= 0);
    if (hit) return { label: hit.label, from: hit.from, to: hit.to };
  }
  const entered = (year: number) => calendars.some((c) => c.year === year);
  const { year } = parseIsoDate(date);
  for (const rule of rules) {
    const hit = ruleOccurrenceAt(date, rule);
    // A range wrapping the year end belongs to the year it starts: entering next year's
    // läsårstider must not drop the January tail of this year's jullov.
    const wraps = rule.kind === 'dates' && rule.from > rule.to;
    if (hit && !entered(wraps ? parseIsoDate(hit.from).year : year)) return hit;
  }
  return null;
}

/**
 * The school holidays of calendar year `year` as dates: the entered läsårstider when there
 * are some for that year, else each rule's occurrence (jullov runs into the next year).
 */
export function schoolHolidaysOfYear(year: number, rules: readonly SchoolHolidayRule[], calendars: readonly SchoolCalendar[] = []): SchoolHolidayHit[] {
  const own = calendars.find((c) => c.year === year);
  if (own) return own.periods.map((p) => ({ label: p.label, from: p.from, to: p.to }));
  const hits: SchoolHolidayHit[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'week': {
        // The week's Monday may fall in the year before (week 1) or its Sunday in the next.
        const dates = isoWeekDates(year, rule.week);
        if (dates) hits.push({ label: rule.label, ...dates });
        break;
      }
      case 'easter': {
        const from = addDays(mondayOf(easterSunday(year)), 7 * rule.offsetWeeks);
        hits.push({ label: rule.label, from, to: addDays(from, 6) });
        break;
      }
      case 'dates':
        hits.push({ label: rule.label, from: monthDayInYear(year, rule.from), to: monthDayInYear(rule.from <= rule.to ? year : year + 1, rule.to) });
        break;
      default: {
        const never: never = rule;
        throw new Error(`unknown rule ${JSON.stringify(never)}`);
      }
    }
  }
  return hits.sort((a, b) => compareIsoDates(a.from, b.from));
}

/**
 * The rules as written in SCHOOL_HOLIDAYS: `label:spec` separated by commas, where spec
 * is a week number (`höstlov:44`), Easter-relative (`påsklov:påsk+1`, `påsk` = the week
 * ending on Easter Sunday) or a yearly range (`jullov:12-20..01-06`).
 */
export function parseSchoolHolidayRules(text: string): { rules: SchoolHolidayRule[] } | { error: string } {
  const rules: SchoolHolidayRule[] = [];
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^:]+):\s*(.+)$/.exec(raw);
    if (!m) return { error: `"${raw}" is not label:spec` };
    const name = m[1]!.trim();
    const spec = m[2]!.trim().toLowerCase();
    let candidate: unknown;
    let e: RegExpExecArray | null;
    if (/^\d{1,2}$/.test(spec)) candidate = { kind: 'week', week: Number(spec), label: name };
    else if ((e = /^(?:påsk|pask|easter)\s*(?:([+-])\s*(\d))?$/.exec(spec))) candidate = { kind: 'easter', offsetWeeks: e[1] ? Number(`${e[1]}${e[2]}`) : 0, label: name };
    else if ((e = /^(\d\d-\d\d)\s*\.\.\s*(\d\d-\d\d)$/.exec(spec))) candidate = { kind: 'dates', from: e[1], to: e[2], label: name };
    else return { error: `"${raw}": expected a week (44), påsk±N or MM-DD..MM-DD` };
    const parsed = schoolHolidayRuleSchema.safeParse(candidate);
    if (!parsed.success) return { error: `"${raw}": ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    rules.push(parsed.data);
  }
  return { rules };
}

/**
 * Linköping's pattern (Östergötland): sportlov week 8, påsklov the week after Easter,
 * höstlov week 44, plus the usual span of sommarlov and jullov.
 */
export const DEFAULT_SCHOOL_HOLIDAYS = 'sportlov:8,påsklov:påsk+1,höstlov:44,sommarlov:06-11..08-15,jullov:12-20..01-06';

export function defaultSchoolHolidayRules(): SchoolHolidayRule[] {
  const parsed = parseSchoolHolidayRules(DEFAULT_SCHOOL_HOLIDAYS);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rules;
}
