import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIR, MEMBER, channel, invokeExecute, message, post } from '../support/activities.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Black box: a chair enters the municipality's own läsårstider with `läsårstider`, the
 * year plan and a moved meeting avoid them, bad input changes nothing, and removing them
 * brings the default weeks (SCHOOL_HOLIDAYS) back.
 */
let t: TestRuntime;
const STEERING = '19:steering-lasar@thread.tacv2';
const steering = () => channel(t.connector.url, STEERING, 'Styrgrupp');
const cardText = (a: { attachments?: { content: Record<string, unknown> }[]; text?: string }) => JSON.stringify(a.attachments?.[0]?.content ?? a.text ?? '');

/** Posts a message and returns the text of the bot's next reply in the steering channel. */
async function say(from: typeof CHAIR, text: string, locale?: string): Promise<string> {
  const before = t.connector.received.length;
  const res = await post(t.botUrl, message(steering(), from, text, locale));
  expect(res.status).toBe(200);
  const reply = await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= before && r.conversationId === STEERING);
  return reply.activity.text ?? cardText(reply.activity);
}

const stored = () => t.runtime.services.repos.schoolCalendars.list();

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2026-12-02T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId } });
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('läsårstider', () => {
  it('shows the default weeks for a year, in English too', async () => {
    const sv = await say(CHAIR, 'läsårstider 2027');
    expect(sv).toContain('Skollov 2027');
    expect(sv).toContain('höstlov: vecka 44, 2027-11-01 – 2027-11-07');
    expect(sv).toContain('sportlov: vecka 8, 2027-02-22 – 2027-02-28');
    expect(sv).toContain('påsklov: vecka 13, 2027-03-29 – 2027-04-04'); // Easter 28 March 2027
    const en = await say(CHAIR, 'school holidays 2027', 'en-US');
    expect(en).toContain('**School holidays 2027** (the default weeks in SCHOOL_HOLIDAYS)');
    expect(en).toContain('höstlov: week 44, 2027-11-01 – 2027-11-07');
  });

  it.each([
    ['someone who is not a chair', MEMBER, 'läsårstider 2027 höstlov 2027-11-08–2027-11-12', 'Det får du inte göra här'],
    ['a lov ending before it starts', CHAIR, 'läsårstider 2027 höstlov 2027-11-12–2027-11-08', '”höstlov 2027-11-12–2027-11-08” slutar innan det börjar.'],
    ['words instead of dates', CHAIR, 'läsårstider 2027 höstlov 8 nov', 'Jag förstod inte ”höstlov 8 nov”'],
    ['a lov in another year', CHAIR, 'läsårstider 2027 höstlov 2028-11-06–2028-11-10', 'börjar inte 2027'],
    ['a lov of half a year', CHAIR, 'läsårstider 2027 sommarlov 2027-06-01–2027-12-01', 'längre än 92 dagar'],
    ['no year', CHAIR, 'läsårstider nästa år', 'Ange ett år mellan 2000 och 2100'],
  ])('refuses %s with a clear message and stores nothing', async (_why, who, text, expected) => {
    expect(await say(who, text)).toContain(expected);
    expect(await stored()).toEqual([]);
  });

  it('a chair’s dates replace the default weeks for the year: the plan avoids them, and so does a move', async () => {
    const saved = await say(CHAIR, 'läsårstider 2027 sportlov 2027-03-01–2027-03-05, påsklov 2027-03-29–2027-04-01, höstlov 2027-11-08–2027-11-12');
    expect(saved).toContain('Läsårstiderna för 2027 är sparade');
    expect(saved).toContain('sportlov: vecka 9, 2027-03-01 – 2027-03-05');
    expect(saved).toContain('Skollov 2027** (kommunens läsårstider)');
    expect((await stored()).map((c) => c.data)).toEqual([
      {
        year: 2027,
        periods: [
          { label: 'sportlov', from: '2027-03-01', to: '2027-03-05' },
          { label: 'påsklov', from: '2027-03-29', to: '2027-04-01' },
          { label: 'höstlov', from: '2027-11-08', to: '2027-11-12' },
        ],
      },
    ]);

    // The plan: not 3 March (the entered sportlov, week 9); 3 November is free now (höstlov is week 45 here).
    await post(t.botUrl, message(steering(), CHAIR, 'planera 2027'));
    const planReply = await t.connector.waitFor((r) => cardText(r.activity).includes('styrgruppens möten 2027'));
    const dates = [...cardText(planReply.activity).matchAll(/"id":"date(\d)","label":"Datum","value":"(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[2]);
    expect(dates).toEqual(['2027-02-24', '2027-05-19', '2027-11-03']);
    const data: Record<string, unknown> = { year: 2027 };
    dates.forEach((d, i) => Object.assign(data, { [`date${i + 1}`]: d, [`time${i + 1}`]: '13:00' }));
    expect(JSON.stringify((await post(t.botUrl, invokeExecute(steering(), CHAIR, 'plan.confirm', data))).body)).toContain('bekräftade');

    // Moving meeting 3 into the entered höstlov is refused, naming it; the meeting stays.
    const m3 = await t.runtime.services.repos.meetings.require('2027-3');
    const moved = await post(t.botUrl, invokeExecute(steering(), CHAIR, 'meeting.moveSave', { meetingId: '2027-3', version: m3.version, date3: '2027-11-10', time3: '13:00' }));
    expect(JSON.stringify(moved.body)).toContain('Datumet ligger i höstlov (vecka 45, 2027-11-08 – 2027-11-12)');
    expect((await t.runtime.services.repos.meetings.require('2027-3')).data.date).toBe('2027-11-03');
  });

  it('entering dates that cover a planned meeting warns the chair to move it', async () => {
    const text = await say(CHAIR, 'läsårstider 2027 sportlov 2027-03-01–2027-03-05, höstlov 2027-11-01–2027-11-05');
    expect(text).toContain('De här mötena ligger nu på ett skollov');
    expect(text).toContain('Styrgruppsmöte 3/2027 (2027-11-03)');
    expect((await say(CHAIR, 'läsårstider 2027 sportlov 2027-03-01–2027-03-05, höstlov 2027-11-01–2027-11-05'))).toContain('var redan de här');
  });

  it('removing them brings the default weeks back', async () => {
    expect(await say(CHAIR, 'läsårstider 2027 ta bort')).toContain('standardveckorna gäller igen');
    expect(await stored()).toEqual([]);
    expect(await say(CHAIR, 'läsårstider 2027 ta bort')).toContain('Det fanns inga egna läsårstider för 2027');
    expect(await say(CHAIR, 'läsårstider 2027')).toContain('höstlov: vecka 44, 2027-11-01 – 2027-11-07');
  });

  it('keeps every lov when the comma is missing or each is on its own line; a date run into a name is refused', async () => {
    const bad = await say(CHAIR, 'läsårstider 2028 sportlov 2028-02-21x höstlov 2028-10-30');
    expect(bad).toContain('Jag förstod inte ”sportlov 2028-02-21x höstlov 2028-10-30”');
    expect(await stored()).toEqual([]);

    expect(await say(CHAIR, 'läsårstider 2028 sportlov 2028-02-21–2028-02-25 höstlov 2028-10-30–2028-11-03')).toContain('Läsårstiderna för 2028 är sparade');
    const both = [
      { label: 'sportlov', from: '2028-02-21', to: '2028-02-25' },
      { label: 'höstlov', from: '2028-10-30', to: '2028-11-03' },
    ];
    expect((await stored()).map((c) => c.data)).toEqual([{ year: 2028, periods: both }]);

    await say(CHAIR, 'läsårstider 2028 ta bort');
    expect(await say(CHAIR, 'läsårstider 2028\nsportlov 2028-02-21–2028-02-25\nhöstlov 2028-10-30–2028-11-03')).toContain('Läsårstiderna för 2028 är sparade');
    expect((await stored()).map((c) => c.data)).toEqual([{ year: 2028, periods: both }]);
  });
});
