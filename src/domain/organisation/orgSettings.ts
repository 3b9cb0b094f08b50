/**
 * An organisation's settings. Stored as overrides of the deployment's defaults (today's
 * env vars): a new organisation stores every value at creation (later env edits do not
 * move its meetings); the organisation upgraded from the single-municipality version
 * stores only what its chairs changed, so its env vars keep working as before.
 */
import { z } from 'zod';
import type { Config } from '../../config.js';
import { parseSchoolHolidayRules } from '../calendar/schoolHolidays.js';
import { isValidTimeZone } from '../calendar/zonedTime.js';

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

export const orgNameSchema = z.string().trim().min(2).max(80);

export const orgSettingsSchema = z.object({
  name: orgNameSchema,
  /** Chairs named in settings (the creator first); steering's `lägg till ordförande` adds more. */
  chairIds: z.array(z.string().min(1).max(100)).max(50).optional(),
  districts: z.array(z.string().trim().min(1).max(60)).min(1).max(30).optional(),
  meetingWeekday: z.number().int().min(1).max(5).optional(),
  meetingTime: z.string().regex(hhmm).optional(),
  meetingDurationMinutes: z.number().int().min(15).max(480).optional(),
  timeZone: z.string().refine(isValidTimeZone, 'unknown-time-zone').optional(),
  /** The SCHOOL_HOLIDAYS syntax (label:week, label:påsk+N, label:MM-DD..MM-DD). */
  schoolHolidays: z
    .string()
    .max(500)
    .refine((s) => 'rules' in parseSchoolHolidayRules(s), 'bad-school-holidays')
    .optional(),
  agendaMinutes: z.number().int().min(15).max(600).optional(),
  defaultLocale: z.enum(['sv', 'en']).optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
  /** The residents' page: /invanare/<slug> and the name shown there. */
  publicSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
  publicName: z.string().trim().min(1).max(120).optional(),
  /** Chairs let steering members of several organisations put this one in a regional lägesbild (off by default). */
  regionalSharing: z.boolean().default(false),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** Settings a new organisation starts with: every value taken from the deployment's defaults now. */
export function newOrgSettings(config: Config, name: string, creatorId: string | undefined, publicSlug: string): OrgSettings {
  return orgSettingsSchema.parse({
    name,
    chairIds: creatorId ? [creatorId] : [],
    districts: config.DISTRICTS,
    meetingWeekday: config.MEETING_WEEKDAY,
    meetingTime: config.MEETING_TIME,
    meetingDurationMinutes: config.MEETING_DURATION_MINUTES,
    timeZone: config.TIMEZONE,
    agendaMinutes: config.AGENDA_MINUTES,
    defaultLocale: config.DEFAULT_LOCALE,
    retentionMonths: config.RETENTION_MONTHS,
    publicSlug,
    publicName: name,
    regionalSharing: false,
  });
}

/** The part of the configuration an organisation decides; the rest is the deployment's. */
export type OrgConfigKey =
  | 'CHAIR_IDS'
  | 'DISTRICTS'
  | 'MEETING_WEEKDAY'
  | 'MEETING_TIME'
  | 'MEETING_DURATION_MINUTES'
  | 'TIMEZONE'
  | 'SCHOOL_HOLIDAYS'
  | 'AGENDA_MINUTES'
  | 'DEFAULT_LOCALE'
  | 'RETENTION_MONTHS'
  | 'PUBLIC_SLUG'
  | 'PUBLIC_ORGANISATION_NAME';

/**
 * The configuration seen by one organisation's use-cases: the deployment's, with the
 * organisation's settings in place of the defaults. Use-cases keep reading `s.config`,
 * so no read site can pick the deployment default by mistake.
 */
export function effectiveConfig(config: Config, settings: OrgSettings, legacy: boolean, orgId?: string): Config {
  // Links of other organisations than the upgraded one live under /o/<orgId>/ (reports, .ics, exports).
  const orgPathOf = legacy ? undefined : orgId;
  const holidays = settings.schoolHolidays !== undefined ? parseSchoolHolidayRules(settings.schoolHolidays) : null;
  return {
    ...config,
    ...(orgPathOf ? { PUBLIC_URL: `${config.PUBLIC_URL.replace(/\/+$/, '')}/o/${orgPathOf}` } : {}),
    // The upgraded organisation keeps CHAIR_IDS from the environment, as before the upgrade.
    CHAIR_IDS: legacy ? [...new Set([...config.CHAIR_IDS, ...(settings.chairIds ?? [])])] : (settings.chairIds ?? []),
    DISTRICTS: settings.districts ?? config.DISTRICTS,
    MEETING_WEEKDAY: settings.meetingWeekday ?? config.MEETING_WEEKDAY,
    MEETING_TIME: settings.meetingTime ?? config.MEETING_TIME,
    MEETING_DURATION_MINUTES: settings.meetingDurationMinutes ?? config.MEETING_DURATION_MINUTES,
    TIMEZONE: settings.timeZone ?? config.TIMEZONE,
    SCHOOL_HOLIDAYS: holidays && 'rules' in holidays ? holidays.rules : config.SCHOOL_HOLIDAYS,
    AGENDA_MINUTES: settings.agendaMinutes ?? config.AGENDA_MINUTES,
    DEFAULT_LOCALE: settings.defaultLocale ?? config.DEFAULT_LOCALE,
    RETENTION_MONTHS: settings.retentionMonths ?? config.RETENTION_MONTHS,
    PUBLIC_SLUG: settings.publicSlug ?? config.PUBLIC_SLUG,
    PUBLIC_ORGANISATION_NAME: settings.publicName ?? config.PUBLIC_ORGANISATION_NAME,
  };
}

/** A URL-safe slug from an organisation's name ("Kinnestads kommun" → "kinnestads-kommun"). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return /^[a-z0-9]/.test(slug) ? slug : `org-${slug}`.slice(0, 63);
}
