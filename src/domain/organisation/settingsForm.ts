/** The chairs' settings card: its raw fields in, settings or field errors out. Pure. */
import { z } from 'zod';
import { parseSchoolHolidayRules } from '../calendar/schoolHolidays.js';
import { isValidTimeZone } from '../calendar/zonedTime.js';
import { orgNameSchema, type OrgSettings } from './orgSettings.js';

export const settingsFormSchema = z.object({
  name: z.string().max(200).optional(),
  districts: z.string().max(2000).optional(),
  weekday: z.string().max(2).optional(),
  time: z.string().max(10).optional(),
  duration: z.string().max(10).optional(),
  agendaMinutes: z.string().max(10).optional(),
  timeZone: z.string().max(64).optional(),
  language: z.string().max(5).optional(),
  retention: z.string().max(10).optional(),
  schoolHolidays: z.string().max(500).optional(),
  sharing: z.string().max(10).optional(),
  publicSlug: z.string().max(80).optional(),
});
export type SettingsForm = z.infer<typeof settingsFormSchema>;

export type SettingsFieldError = 'name' | 'districts' | 'time' | 'number' | 'timeZone' | 'schoolHolidays' | 'slug';

const int = (raw: string | undefined, min: number, max: number): number | null => {
  const n = Number((raw ?? '').trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** Values of the form applied to the current settings; every field is checked, all errors returned at once. */
export function applySettingsForm(current: OrgSettings, form: SettingsForm): { settings: OrgSettings } | { errors: Record<string, SettingsFieldError> } {
  const errors: Record<string, SettingsFieldError> = {};
  const next: OrgSettings = { ...current };
  const name = orgNameSchema.safeParse(form.name ?? current.name);
  if (name.success) next.name = name.data;
  else errors.name = 'name';
  if (form.districts !== undefined) {
    const list = form.districts.split(',').map((d) => d.trim()).filter(Boolean);
    const unique = new Set(list.map((d) => d.toLocaleLowerCase('sv')));
    if (list.length < 1 || list.length > 30 || unique.size !== list.length || list.some((d) => d.length > 60)) errors.districts = 'districts';
    else next.districts = list;
  }
  const numbers: [keyof SettingsForm, keyof OrgSettings, number, number][] = [
    ['weekday', 'meetingWeekday', 1, 5],
    ['duration', 'meetingDurationMinutes', 15, 480],
    ['agendaMinutes', 'agendaMinutes', 15, 600],
    ['retention', 'retentionMonths', 1, 120],
  ];
  for (const [field, key, min, max] of numbers) {
    if (form[field] === undefined) continue;
    const n = int(form[field], min, max);
    if (n === null) errors[field] = 'number';
    else (next as Record<string, unknown>)[key] = n;
  }
  if (form.time !== undefined) {
    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time.trim())) next.meetingTime = form.time.trim();
    else errors.time = 'time';
  }
  if (form.timeZone !== undefined) {
    if (isValidTimeZone(form.timeZone.trim())) next.timeZone = form.timeZone.trim();
    else errors.timeZone = 'timeZone';
  }
  if (form.language === 'sv' || form.language === 'en') next.defaultLocale = form.language;
  if (form.schoolHolidays !== undefined) {
    // Empty: the deployment's default (SCHOOL_HOLIDAYS) applies.
    const text = form.schoolHolidays.trim();
    if (!text) delete next.schoolHolidays;
    else if ('rules' in parseSchoolHolidayRules(text)) next.schoolHolidays = text;
    else errors.schoolHolidays = 'schoolHolidays';
  }
  if (form.sharing !== undefined) next.regionalSharing = form.sharing === 'true';
  if (form.publicSlug !== undefined) {
    const slug = form.publicSlug.trim();
    if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) next.publicSlug = slug;
    else errors.publicSlug = 'slug';
  }
  return Object.keys(errors).length ? { errors } : { settings: next };
}
