import { describe, expect, it } from 'vitest';
import { regionalCard, regionalFailedCard, regionalProgressCard, regionalRefusedCard } from '../../../cards/regional/regionalCard.js';
import { buildRegionalPicture } from '../../../src/domain/regional/regionalPicture.js';
import { messages, type Lang } from '../../../src/i18n/index.js';
import { ALDERBY, BJORKVIK, CEDERSTAD, MARK, sourceOf } from '../domain/regional/fixture.js';
import { checkCard, typedNodes } from './adaptiveCardCheck.js';

const links = { html: 'https://x.example/reports/regional/d/r1.html?exp=1&sig=a', md: 'https://x.example/r.md', csv: 'https://x.example/r.csv', json: 'https://x.example/r.json' };
const picture = buildRegionalPicture([ALDERBY, BJORKVIK, CEDERSTAD].map((m) => sourceOf(m)), { compiledAt: '2027-05-20T08:00:00.000Z', notPublished: [{ orgId: 'org-d', orgName: 'Dalby kommun' }] });

describe.each(['sv', 'en'] as Lang[])('regional cards (%s)', (lang) => {
  const m = messages(lang);

  it.each([
    ['queued', null, m.regional.queued],
    ['half way', { loaded: 1, total: 2 }, m.regional.progress(1, 2)],
  ] as const)('progress: %s', (_what, progress, line) => {
    const c = regionalProgressCard(m, progress);
    checkCard(c);
    expect(JSON.stringify(c)).toContain(line);
  });

  it('done: every municipality with its response rate, the shared questions with their municipalities, the four links', () => {
    const c = regionalCard(m, { picture, links, linkHours: 24 });
    checkCard(c);
    const json = JSON.stringify(c);
    expect(json).toContain(m.regional.doneTitle('Alderby kommun, Björkvik kommun, Cederstad kommun'));
    expect(typedNodes(c).find((n) => n.type === 'FactSet')).toMatchObject({ facts: [{ title: 'Alderby kommun', value: '100 % (3/3)' }, { title: 'Björkvik kommun', value: '75 % (3/4)' }, { title: 'Cederstad kommun', value: '100 % (3/3)' }] });
    expect(json).toContain(`1. ${ALDERBY.question} — _Alderby kommun, Björkvik kommun_`);
    expect(json).not.toContain(CEDERSTAD.question); // asked in one municipality only: in the reports
    expect(json).toContain('Dalby kommun');
    expect(json).not.toContain(MARK.kanslig);
    const urls = typedNodes(c).filter((n) => n.type === 'Action.OpenUrl').map((n) => n.url);
    expect(urls).toEqual([links.html, links.md, links.csv, links.json]);
    expect(typedNodes(c).filter((n) => n.type === 'Action.Execute')).toEqual([]);
  });

  it('failed', () => {
    const c = regionalFailedCard(m);
    checkCard(c);
    expect(JSON.stringify(c)).toContain(m.regional.failed);
  });

  it('refused: the refusal in the card, nothing to press', () => {
    const c = regionalRefusedCard(m, m.regional.sharingOff('Björkvik kommun'));
    checkCard(c);
    expect(JSON.stringify(c)).toContain('Björkvik kommun');
    expect(typedNodes(c).filter((n) => String(n.type).startsWith('Action.'))).toEqual([]);
  });
});

it('a picture with many long shared questions stays a valid card under the size limit', () => {
  const long = (i: number) => ({ ...ALDERBY, orgId: `org-${i}`, orgName: `Kommun ${i} ${'med ett långt namn '.repeat(3)}`, question: `${ALDERBY.question} ${'x'.repeat(600)}` });
  const big = buildRegionalPicture(Array.from({ length: 12 }, (_, i) => sourceOf(long(i))), { compiledAt: '2027-05-20T08:00:00.000Z' });
  checkCard(regionalCard(messages('sv'), { picture: big, links, linkHours: 24 }));
});
