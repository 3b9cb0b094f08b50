import type { FieldErrors } from '../../src/domain/errors.js';
import type { OrgSettings } from '../../src/domain/organisation/orgSettings.js';
import type { Catalog } from '../../src/i18n/index.js';
import { card, execute, facts, fieldError, note, text, title, type AdaptiveCard } from '../kit.js';

/** Asked in a personal chat of someone in several organisations; the command waiting for the answer travels along. */
export function chooseOrgCard(m: Catalog, orgs: { id: string; name: string }[], pendingCommand?: string): AdaptiveCard {
  return card(
    [title(m.organisations.chooseTitle), text(m.organisations.chooseLead)],
    orgs.map((o) => execute(o.name, 'org.choose', pendingCommand ? { choice: o.id, cmd: pendingCommand } : { choice: o.id })),
  );
}

const settingsError = (m: Catalog, code: string | undefined): string | undefined => {
  if (!code) return undefined;
  if (code.startsWith('in-use:')) return m.organisations.errors.districtInUse(code.slice('in-use:'.length));
  const known = m.organisations.errors as Record<string, unknown>;
  const message = known[code];
  return typeof message === 'string' ? message : m.organisations.errors.number;
};

/** The chairs' settings card. `effective` are the values in force (env defaults included). */
export function orgSettingsCard(
  m: Catalog,
  settings: { version: number; data: OrgSettings },
  effective: { districts: readonly string[]; weekday: number; time: string; duration: number; agendaMinutes: number; timeZone: string; language: 'sv' | 'en'; retention: number; schoolHolidays: string; slug: string },
  opts: { errors?: FieldErrors; banner?: string } = {},
): AdaptiveCard {
  const f = m.organisations.field;
  const e = (k: string) => fieldError(settingsError(m, opts.errors?.[k]));
  const zones = ['Europe/Stockholm', 'Europe/Helsinki', 'Europe/Oslo', 'Europe/Copenhagen', 'UTC'];
  if (!zones.includes(effective.timeZone)) zones.unshift(effective.timeZone);
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(m.organisations.settingsTitle(settings.data.name)),
      { type: 'Input.Text', id: 'name', label: f.name, maxLength: 80, isRequired: true, errorMessage: m.organisations.errors.name, value: settings.data.name },
      e('name'),
      { type: 'Input.Text', id: 'districts', label: f.districts, maxLength: 2000, value: effective.districts.join(', ') },
      e('districts'),
      { type: 'Input.ChoiceSet', id: 'weekday', label: f.weekday, style: 'compact', value: String(effective.weekday), choices: m.organisations.weekdays.map((d, i) => ({ title: d, value: String(i + 1) })) },
      e('weekday'),
      { type: 'Input.Text', id: 'time', label: f.time, maxLength: 5, value: effective.time },
      e('time'),
      { type: 'Input.Number', id: 'duration', label: f.duration, min: 15, max: 480, value: effective.duration },
      e('duration'),
      { type: 'Input.Number', id: 'agendaMinutes', label: f.agendaMinutes, min: 15, max: 600, value: effective.agendaMinutes },
      e('agendaMinutes'),
      { type: 'Input.ChoiceSet', id: 'timeZone', label: f.timeZone, style: 'compact', value: effective.timeZone, choices: zones.map((z) => ({ title: z, value: z })) },
      e('timeZone'),
      { type: 'Input.ChoiceSet', id: 'language', label: f.language, style: 'compact', value: effective.language, choices: (['sv', 'en'] as const).map((l) => ({ title: m.organisations.languages[l], value: l })) },
      { type: 'Input.Number', id: 'retention', label: f.retention, min: 1, max: 120, value: effective.retention },
      e('retention'),
      { type: 'Input.Text', id: 'schoolHolidays', label: f.schoolHolidays, maxLength: 500, value: effective.schoolHolidays },
      e('schoolHolidays'),
      { type: 'Input.Text', id: 'publicSlug', label: f.publicSlug, maxLength: 63, value: effective.slug },
      e('publicSlug'),
      { type: 'Input.Toggle', id: 'sharing', title: f.sharing, valueOn: 'true', valueOff: 'false', value: settings.data.regionalSharing ? 'true' : 'false' },
      note(m.organisations.field.timeZone + ': ' + effective.timeZone),
    ],
    [execute(m.organisations.save, 'org.settingsSave', { version: settings.version }, { style: 'positive' })],
  );
}

/** What the leaving card lists (records per kind). */
export interface OrgHoldingCounts {
  forums: number;
  meetings: number;
  answers: number;
  promises: number;
  lagesbilder: number;
  malbilder: number;
}

/**
 * `radera organisation`: what would be deleted, and the organisation's name to type.
 * `version` is the settings' version shown: a rename meanwhile makes the confirmation stale.
 */
export function orgDeleteCard(m: Catalog, org: { name: string; version: number }, counts: OrgHoldingCounts, banner?: string): AdaptiveCard {
  const l = m.organisations.leaving;
  return card(
    [
      banner ? text(banner, { color: 'Attention' }) : null,
      title(l.deleteTitle(org.name)),
      text(l.deleteWarning),
      facts((Object.keys(l.counts) as (keyof OrgHoldingCounts)[]).map((k) => [l.counts[k], String(counts[k])])),
      { type: 'Input.Text', id: 'name', label: l.typeName(org.name), maxLength: 200, isRequired: true, errorMessage: l.wrongName },
    ],
    [execute(l.confirm, 'org.deleteConfirm', { version: org.version }, { style: 'destructive' })],
  );
}
