import { DomainError, invalidInput } from '../../domain/errors.js';
import { applySettingsForm, type SettingsForm } from '../../domain/organisation/settingsForm.js';
import { ORG_SETTINGS_ID } from '../../store/organisations.js';
import { rescheduleForTimeZone } from '../meetings.js';
import type { Services } from '../services.js';

export interface SettingsSaved {
  s: Services;
  /** Future meetings given new instants by a time-zone change. */
  rescheduled: number;
}

/**
 * A chair's settings card: checked as a whole (field errors), refused when the card was
 * based on an older version, a district still used by an active forum or a målbild is
 * kept. A new time zone reschedules every future meeting; regional sharing on/off goes to
 * the deployment's audit trail too.
 */
export async function saveOrgSettings(s: Services, expectedVersion: number, form: SettingsForm, actor: string): Promise<SettingsSaved> {
  const repo = s.platform.repos.orgs.settingsRepository(s.org.id);
  const current = await repo.require(ORG_SETTINGS_ID);
  if (current.version !== expectedVersion) throw new DomainError('stale-write', 'settings changed', { entity: 'orgsettings', id: s.org.id, currentVersion: current.version });
  const applied = applySettingsForm(current.data, form);
  if ('errors' in applied) throw invalidInput(applied.errors);
  const next = applied.settings;
  const kept = new Set((next.districts ?? s.config.DISTRICTS).map((d) => d.toLocaleLowerCase('sv')));
  if (next.districts) {
    // A district still used by an active forum or a målbild stays (whether or not it was in the list before).
    const [forums, malbilder] = await Promise.all([s.repos.forums.list(), s.repos.malbilder.list()]);
    const users = [
      ...forums.filter((f) => f.data.active && f.data.districts.some((d) => !kept.has(d.toLocaleLowerCase('sv')))).map((f) => f.data.name),
      ...malbilder.filter((mb) => !kept.has(mb.data.district.toLocaleLowerCase('sv'))).map((mb) => mb.data.district),
    ];
    if (users.length) throw invalidInput({ districts: `in-use:${users.join(', ')}` });
  }
  if (next.publicSlug && next.publicSlug !== current.data.publicSlug) {
    if (!(await s.platform.repos.orgs.claimSlug(next.publicSlug, s.org.id))) throw invalidInput({ publicSlug: 'slugTaken' });
    if (current.data.publicSlug) await s.platform.repos.orgs.releaseSlug(current.data.publicSlug, s.org.id);
  }
  await s.platform.repos.orgs.updateSettings(s.org.id, current.version, next, actor);
  if (next.regionalSharing !== current.data.regionalSharing) {
    await s.platform.repos.orgs.audit({ actor, action: next.regionalSharing ? 'sharing-on' : 'sharing-off', org: s.org.id });
  }
  s.platform.orgs.invalidate(s.org.id);
  const fresh = await s.platform.orgs.require(s.org.id);
  const zoneChanged = fresh.config.TIMEZONE !== s.config.TIMEZONE;
  const rescheduled = zoneChanged ? await rescheduleForTimeZone(fresh, actor) : 0;
  return { s: fresh, rescheduled };
}
