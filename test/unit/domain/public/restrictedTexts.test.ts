import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../../src/domain/agenda/agenda.js';
import { projectPublicVersion } from '../../../../src/domain/public/publicVersion.js';
import { restrictedTextsOf } from '../../../../src/domain/public/restrictedTexts.js';
import { MARK, meetingSnapshots } from '../../lagesbild/fixture.js';
import { action, citizenPromise, commitment, followUp } from '../promise/fixtures.js';

const agenda = (items: { title: string; sensitivity: 'oppen' | 'intern' | 'kanslig' }[]): Agenda => ({
  meetingId: '2027-1',
  audience: 'chairs',
  contentHash: 'x',
  status: 'approved',
  meetingMinutes: 120,
  items: items.map((i, n) => ({ id: `q-${n}`, kind: 'question', title: i.title, minutes: 10, source: null, sensitivity: i.sensitivity, removed: false })),
  notOnAgenda: [],
  totalMinutes: 10 * items.length,
});

describe('restrictedTextsOf', () => {
  const { s1, s2 } = meetingSnapshots();
  const withFixed = agenda([{ title: 'Öppen punkt om belysning', sensitivity: 'oppen' }, { title: 'Intern punkt om en pågående utredning', sensitivity: 'intern' }]);
  withFixed.items.push({ id: 'fixed-lagesbild', kind: 'fixed', title: 'Lägesbild och uppföljning', minutes: 20, source: null, sensitivity: 'oppen', removed: false });
  const texts = restrictedTextsOf([s1, s2], [withFixed]);

  it('takes every inspel text of the snapshots (öppen means the steering group, not the public) and the agenda items drawn from them', () => {
    for (const mark of [MARK.oppen, MARK.intern, MARK.kanslig]) expect(texts.some((t) => t.includes(mark)), mark).toBe(true);
    expect(texts).toContain('Intern punkt om en pågående utredning');
    expect(texts).toContain('Öppen punkt om belysning');
    // The group's own fixed headings are not inspel.
    expect(texts).not.toContain('Lägesbild och uppföljning');
  });

  it('keeps such a text out of the public version wherever the promise repeats it', () => {
    const intern = texts.find((t) => t.includes(MARK.intern) && t.length > 20)!;
    const kanslig = texts.find((t) => t.includes(MARK.kanslig) && t.length > 20)!;
    const promise = citizenPromise([
      commitment('c1', [action('a1', { text: intern }), action('a2', { text: 'Öppen åtgärd', followUps: [followUp('2027-1', `Uppföljning: ${kanslig}`)] })]),
    ]);
    const { version, withheld } = projectPublicVersion({ promise, malbilder: [], today: '2027-05-01', hidden: new Set(), restrictedTexts: texts });
    const json = JSON.stringify(version);
    expect(json).not.toContain(MARK.intern);
    expect(json).not.toContain(MARK.kanslig);
    expect(json).toContain('Öppen åtgärd');
    expect(withheld.map((w) => w.reason)).toEqual(['restricted', 'restricted']);
  });

  it('does not withhold a short item name that merely occurs inside an inspel text', () => {
    const promise = citizenPromise([commitment('c1', [action('a1', { text: 'Narkotikasök i skolmiljö' })])]);
    const { withheld } = projectPublicVersion({ promise, malbilder: [], today: '2027-05-01', hidden: new Set(), restrictedTexts: ['Kan polisen göra narkotikasök i skolmiljö oftare än i dag?'] });
    expect(withheld).toEqual([]);
  });
});
