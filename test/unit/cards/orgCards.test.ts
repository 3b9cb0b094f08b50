import { describe, expect, it } from 'vitest';
import { chooseOrgCard, orgDeleteCard, orgSettingsCard } from '../../../cards/org/orgCards.js';
import { orgVerbSchemas } from '../../../cards/org/verbs.js';
import { orgSettingsSchema } from '../../../src/domain/organisation/orgSettings.js';
import { messages } from '../../../src/i18n/index.js';
import { stampOrg } from '../../../src/bot/stampOrg.js';
import { acProblems, typedNodes } from './adaptiveCardCheck.js';

const settings = { version: 3, data: orgSettingsSchema.parse({ name: 'Kinnestads kommun', regionalSharing: true }) };
const effective = { districts: ['Norrby', 'Söderby'], weekday: 3, time: '13:00', duration: 120, agendaMinutes: 120, timeZone: 'Europe/Helsinki', language: 'sv' as const, retention: 24, schoolHolidays: '', slug: 'kinnestad' };

describe('organisation cards', () => {
  for (const lang of ['sv', 'en'] as const) {
    const m = messages(lang);
    const cards: [string, unknown][] = [
      ['choose', chooseOrgCard(m, [{ id: 'oaaaaaaa', name: 'Linköpings kommun' }, { id: 'obbbbbbb', name: 'Kinnestads kommun' }], 'mina åtgärder')],
      ['settings', orgSettingsCard(m, settings, effective)],
      ['settings with errors', orgSettingsCard(m, settings, effective, { errors: { districts: 'in-use:Trygghetsrådet Norrby', time: 'time' }, banner: m.organisations.settingsStale })],
      ['delete', orgDeleteCard(m, { name: 'Kinnestads kommun', version: 3 }, { forums: 4, meetings: 8, answers: 27, promises: 1, lagesbilder: 2, malbilder: 3 })],
      ['delete refused', orgDeleteCard(m, { name: 'Kinnestads kommun', version: 3 }, { forums: 0, meetings: 0, answers: 0, promises: 0, lagesbilder: 0, malbilder: 0 }, m.organisations.leaving.wrongName)],
    ];
    for (const [name, json] of cards) {
      it(`${lang}: ${name} is a valid Adaptive Card`, () => {
        expect(acProblems(json)).toEqual([]);
      });
    }

    it(`${lang}: every button's data parses with its verb's schema`, () => {
      for (const [, json] of cards) {
        for (const n of typedNodes(json).filter((x) => x.type === 'Action.Execute')) {
          const schema = orgVerbSchemas[n.verb as keyof typeof orgVerbSchemas];
          expect(schema, String(n.verb)).toBeDefined();
          expect(schema.safeParse(n.data).success, String(n.verb)).toBe(true);
        }
      }
    });

    it(`${lang}: field errors are shown in words, the district in use named`, () => {
      const json = JSON.stringify(cards[2]![1]);
      expect(json).toContain('Trygghetsrådet Norrby');
      expect(json).toContain(m.organisations.errors.time);
    });
  }

  it('the delete card lists the counts, asks for the name and carries the settings version', () => {
    const m = messages('en');
    const json = orgDeleteCard(m, { name: 'Kinnestads kommun', version: 7 }, { forums: 4, meetings: 8, answers: 27, promises: 1, lagesbilder: 2, malbilder: 3 });
    const nodes = typedNodes(json);
    expect(nodes.find((n) => n.type === 'FactSet')?.facts).toEqual([
      { title: 'Forums', value: '4' },
      { title: 'Meetings', value: '8' },
      { title: 'Inputs', value: '27' },
      { title: 'Citizen promises', value: '1' },
      { title: 'Situational pictures', value: '2' },
      { title: 'Goals', value: '3' },
    ]);
    expect(nodes.filter((n) => n.type === 'Input.Text').map((n) => n.id)).toEqual(['name']);
    const confirm = nodes.find((n) => n.type === 'Action.Execute');
    expect(confirm).toMatchObject({ verb: 'org.deleteConfirm', data: { version: 7 }, style: 'destructive' });
    expect(orgVerbSchemas['org.deleteConfirm'].safeParse({ ...(confirm!.data as object), name: 'Kinnestads kommun' }).success).toBe(true);
  });

  it('the settings card shows the organisation’s own time zone first when it is not a common one', () => {
    const json = JSON.stringify(orgSettingsCard(messages('sv'), settings, { ...effective, timeZone: 'America/New_York' }));
    expect(json.indexOf('America/New_York')).toBeGreaterThan(0);
  });

  it('stampOrg names the organisation in every Action.Execute, keeping the verb data', () => {
    const stamped = stampOrg(orgSettingsCard(messages('sv'), settings, effective), 'occcccc1');
    const actions = typedNodes(stamped).filter((n) => n.type === 'Action.Execute');
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.data).toMatchObject({ org: 'occcccc1', version: 3 });
    expect(acProblems(stamped)).toEqual([]);
  });

  it('stampOrg keeps an organisation a section was already stamped with (person-wide cards)', () => {
    const card = { type: 'AdaptiveCard', body: [stampOrg({ type: 'Action.Execute', verb: 'action.open', data: { actionId: 'x' } }, 'obbbbbbb')], actions: [{ type: 'Action.Execute', verb: 'action.mine' }] };
    const stamped = stampOrg(card, 'oaaaaaaa');
    expect(typedNodes(stamped).filter((n) => n.type === 'Action.Execute').map((n) => n.data)).toEqual([{ actionId: 'x', org: 'obbbbbbb' }, { org: 'oaaaaaaa' }]);
  });
});
