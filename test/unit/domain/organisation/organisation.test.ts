import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { newOrgId, orgIdSchema, orgJobId, orgOfJobId } from '../../../../src/domain/organisation/organisation.js';
import { effectiveConfig, newOrgSettings, orgSettingsSchema, slugOf } from '../../../../src/domain/organisation/orgSettings.js';
import { applySettingsForm } from '../../../../src/domain/organisation/settingsForm.js';

const config = loadConfig({ NODE_ENV: 'test', CHAIR_IDS: 'env-chair', DISTRICTS: 'Berga,Ryd', MEETING_TIME: '13:00', PUBLIC_URL: 'https://samverkan.example.se/' });

describe('organisation ids', () => {
  it('are o + 7 base36 characters, random, safe in keys, job ids and URLs', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newOrgId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(orgIdSchema.safeParse(id).success, id).toBe(true);
    expect(newOrgId(() => 0)).toBe('o0000000');
  });

  it.each([
    ['o1234567', true],
    ['o123456', false],
    ['O1234567', false],
    ['o12345:7', false],
    ['o1234.67', false],
    ['p1234567', false],
  ])('%s valid: %s', (id, valid) => {
    expect(orgIdSchema.safeParse(id).success).toBe(valid);
  });

  it.each([
    ['oabc1234.tl-2027-1-prompt', 'oabc1234'],
    ['oabc1234.n-input.prompt-2027-1-x', 'oabc1234'],
    ['tl-2027-1-prompt', null],
    ['n-meeting.invitation-2027-1', null],
    ['u.p-1.digest-2027-W05', null],
    [undefined, null],
  ])('the organisation of job id %s is %s (none: queued before the upgrade)', (id, org) => {
    expect(orgOfJobId(id)).toBe(org);
  });

  it('orgJobId prefixes, and orgOfJobId reads it back', () => {
    expect(orgOfJobId(orgJobId('oqqqqqqq', 'compile-2027-1-r2'))).toBe('oqqqqqqq');
  });
});

describe('effective configuration of an organisation', () => {
  const stored = orgSettingsSchema.parse({ name: 'Kinnestads kommun', chairIds: ['creator'], districts: ['Norrby'], meetingTime: '09:30', timeZone: 'Europe/Helsinki', schoolHolidays: 'höstlov:43' });

  it('a new organisation uses its own values, chairs and link base; the deployment keeps the rest', () => {
    const c = effectiveConfig(config, stored, false, 'okkkkkkk');
    expect(c.CHAIR_IDS).toEqual(['creator']);
    expect(c.DISTRICTS).toEqual(['Norrby']);
    expect(c.MEETING_TIME).toBe('09:30');
    expect(c.TIMEZONE).toBe('Europe/Helsinki');
    expect(c.SCHOOL_HOLIDAYS).toHaveLength(1);
    expect(c.PUBLIC_URL).toBe('https://samverkan.example.se/o/okkkkkkk');
    expect(c.MEETING_WEEKDAY).toBe(config.MEETING_WEEKDAY);
    expect(c.REDIS_URL).toBe(config.REDIS_URL);
  });

  it('the upgraded organisation keeps its env vars (CHAIR_IDS included) and its old link paths', () => {
    const c = effectiveConfig(config, orgSettingsSchema.parse({ name: 'Styrgruppen', chairIds: ['added'] }), true, 'olllllll');
    expect(c.CHAIR_IDS).toEqual(['env-chair', 'added']);
    expect(c.DISTRICTS).toEqual(['Berga', 'Ryd']);
    expect(c.PUBLIC_URL).toBe(config.PUBLIC_URL);
  });

  it('a new organisation takes every default now (a later env change does not move its meetings)', () => {
    const s = newOrgSettings(config, 'Kinnestads kommun', 'creator', 'kinnestads-kommun');
    expect(s).toMatchObject({ chairIds: ['creator'], districts: ['Berga', 'Ryd'], meetingTime: '13:00', timeZone: 'Europe/Stockholm', regionalSharing: false, publicSlug: 'kinnestads-kommun' });
  });

  it.each([
    ['Kinnestads kommun', 'kinnestads-kommun'],
    ['Linköpings kommun', 'linkopings-kommun'],
    ['  Åre  ', 'are'],
    ['123 Stad', '123-stad'],
    ['***', 'org-'],
  ])('slug of %s is %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});

describe('the settings card', () => {
  const current = orgSettingsSchema.parse({ name: 'Kinnestads kommun', districts: ['Norrby'] });
  it.each<[string, Record<string, string>, Record<string, string> | null]>([
    ['all fine', { name: 'Kinnestad', districts: 'Norrby, Söderby', weekday: '2', time: '09:30', duration: '90', agendaMinutes: '60', timeZone: 'Europe/Oslo', language: 'en', retention: '12', schoolHolidays: 'höstlov:44', sharing: 'true', publicSlug: 'kinnestad' }, null],
    ['short name', { name: 'K' }, { name: 'name' }],
    ['duplicate district', { districts: 'Norrby, norrby' }, { districts: 'districts' }],
    ['no district', { districts: ' , ' }, { districts: 'districts' }],
    ['weekend', { weekday: '6' }, { weekday: 'number' }],
    ['bad time', { time: '9.30' }, { time: 'time' }],
    ['bad zone', { timeZone: 'Mars/Olympus' }, { timeZone: 'timeZone' }],
    ['retention 0', { retention: '0' }, { retention: 'number' }],
    ['bad holidays', { schoolHolidays: 'lov:99' }, { schoolHolidays: 'schoolHolidays' }],
    ['bad slug', { publicSlug: 'Kinnestad Kommun' }, { publicSlug: 'slug' }],
    ['several at once', { name: '', time: '25:00' }, { name: 'name', time: 'time' }],
  ])('%s', (_, form, errors) => {
    const out = applySettingsForm(current, form);
    if (errors) expect(out).toEqual({ errors });
    else expect(out).toEqual({ settings: { ...current, name: 'Kinnestad', districts: ['Norrby', 'Söderby'], meetingWeekday: 2, meetingTime: '09:30', meetingDurationMinutes: 90, agendaMinutes: 60, timeZone: 'Europe/Oslo', defaultLocale: 'en', retentionMonths: 12, schoolHolidays: 'höstlov:44', regionalSharing: true, publicSlug: 'kinnestad' } });
  });

  it('an empty school-holiday field returns to the deployment default', () => {
    const out = applySettingsForm({ ...current, schoolHolidays: 'höstlov:44' }, { schoolHolidays: '' });
    expect(out).toEqual({ settings: { ...current } });
  });
});
