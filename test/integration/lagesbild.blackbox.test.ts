import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineJobId } from '../../jobs/timeline.js';
import { meetingTimeline } from '../../src/domain/calendar/timeline.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { compileJobId, requestCompile } from '../../src/services/lagesbild/compile.js';
import { lagesbildReportLinks } from '../../src/services/lagesbild/reports.js';
import { CHAIR, MEMBER, channel, invokeExecute, message, mentionMessage } from '../support/activities.js';
import { CHAIR_CHAT, cardOf, drained, forumChannel, isCard, linksOf, MARK, posts, setUpWorld, STEERING, updatesOf, type World } from '../support/lagesbild.js';
import { actionData } from '../support/cardData.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * The lägesbild through the real server, real Redis and BullMQ and the fake Bot Connector:
 * a chair compiles (progress in place on the card), the compile is idempotent, a late
 * answer makes it stale, the agenda is edited (stale edits refused) and approved, the
 * steering version is published, the reports need a signed link, and the timeline compiles
 * at the deadline and publishes (or reminds) at T−1.
 */
const FORUMS = 15;
let t: TestRuntime;
let w: World;
const chairChat = () => ({ conversationId: CHAIR_CHAT, conversationType: 'personal' as const, serviceUrl: t.connector.url });
const memberChat = () => ({ conversationId: 'a:member-lb', conversationType: 'personal' as const, serviceUrl: t.connector.url });
const steering = () => channel(t.connector.url, STEERING, 'Styrgrupp');
const s = () => t.runtime.services;
const body = (res: { body: unknown }) => JSON.stringify((res.body as { value?: unknown }).value ?? res.body);
const cardValue = (res: { body: unknown }) => (res.body as { value: unknown }).value;

/** The chair says something in the 1:1 chat; returns the reply the bot posted. */
async function chairSays(text: string) {
  const before = posts(t, CHAIR_CHAT).length;
  await t.post(message(chairChat(), CHAIR, text));
  await eventually(() => posts(t, CHAIR_CHAT).length > before, `a reply to "${text}"`);
  return posts(t, CHAIR_CHAT)[before]!;
}

/** The card as it is now: the last update of a posted message, or the message itself. */
function latestOf(conversationId: string, activityId: string, original: string): string {
  const ups = updatesOf(t, conversationId, activityId);
  return ups.length ? cardOf(ups.at(-1)!) : original;
}

const previousDelay = process.env.COMPILE_TEST_DELAY_MS;
beforeAll(async () => {
  // A little time per forum, so the progress card moves while the test watches.
  process.env.COMPILE_TEST_DELAY_MS = '40';
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'l'.repeat(40), REPORT_LINK_TTL_MINUTES: '60', AGENDA_MINUTES: '90' } });
  w = await setUpWorld(t, { forums: FORUMS, answered: 12 });
});

afterAll(async () => {
  if (previousDelay === undefined) delete process.env.COMPILE_TEST_DELAY_MS;
  else process.env.COMPILE_TEST_DELAY_MS = previousDelay;
  await t?.cleanup();
});

describe('compiling the lägesbild', () => {
  let cardId = '';

  it('refuses a non-chair and explains an unknown meeting', async () => {
    await t.post(message(memberChat(), MEMBER, 'sammanställ'));
    await eventually(() => posts(t, 'a:member-lb').length > 0, 'reply to the member');
    expect(posts(t, 'a:member-lb')[0]!.activity.text).toContain('Bara styrgruppens ordförande');
    const unknown = await chairSays('sammanställ 2031-3');
    expect(unknown.activity.text).toContain('Jag hittar inget möte "2031-3"');
    expect(await s().queues.compile.raw.getJobCounts()).toMatchObject({ waiting: 0, active: 0, completed: 0 });
  });

  it('sammanställ: a progress card at once, updated in place as forums load, then the chairs card with the agenda', async () => {
    const reply = await chairSays('sammanställ');
    expect(isCard(reply)).toBe(true);
    // The reply's activity id, kept for the job's updates.
    cardId = (await s().repos.markers.getCard((await s().repos.compileRuns.require(w.meetingId)).data.watchers[0]!.cardKey))!.activityId;
    expect(cardId).toMatch(/^act-/);
    await drained(t);
    const ups = updatesOf(t, CHAIR_CHAT, cardId);
    const texts = ups.map(cardOf);
    expect(texts.some((x) => /Sammanställer … (\d+) av 15 forum/.test(x) && !x.includes('15 av 15'))).toBe(true);
    const final = texts.at(-1)!;
    expect(final).toContain('Lägesbild inför Styrgruppsmöte 1/2027');
    expect(final).toContain('12 av 15 forum har svarat');
    expect(final).toContain('Ordförandenas version');
    expect(final).toContain(MARK.kanslig);
    expect(final).toContain('agenda.approve');
    // Exactly one message was posted for it: everything else updated it in place.
    expect(posts(t, CHAIR_CHAT).filter((r) => cardOf(r).includes('Styrgruppsmöte 1/2027'))).toHaveLength(1);

    const job = await s().queues.compile.getJob(compileJobId(w.meetingId, 1));
    expect(await job!.getState()).toBe('completed');
    expect(job!.progress).toEqual({ loaded: 15, total: 15 });
    const record = await s().repos.lagesbilder.require(w.meetingId);
    expect(record.version).toBe(1);
    expect(record.data.stale).toBe(false);
    expect(await s().repos.markers.get('compiled', w.meetingId)).toBe(record.data.snapshot.contentHash);
    const agenda = await s().repos.agendas.require(w.meetingId);
    expect(agenda.data.agenda).toMatchObject({ status: 'proposed', meetingMinutes: 90, contentHash: record.data.snapshot.contentHash, audience: 'steering' });
    expect(agenda.data.agenda.totalMinutes).toBeLessThanOrEqual(90);
  });

  it('two requests at once give one job; both cards show its result', async () => {
    const before = posts(t, CHAIR_CHAT).length;
    await Promise.all([t.post(message(chairChat(), CHAIR, 'sammanställ')), t.post(message(chairChat(), CHAIR, 'sammanställ 2027-1'))]);
    await eventually(() => posts(t, CHAIR_CHAT).length === before + 2, 'two progress cards');
    await drained(t);
    const run = await s().repos.compileRuns.require(w.meetingId);
    expect(run.data.run).toBe(2);
    expect(run.data.watchers).toHaveLength(2);
    const jobs = await s().queues.compile.raw.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
    expect(jobs.map((j) => j.id).sort()).toEqual([compileJobId(w.meetingId, 1), compileJobId(w.meetingId, 2)].map((id) => `${s().org.id}.${id}`));
    for (const c of run.data.watchers) {
      const id = (await s().repos.markers.getCard(c.cardKey))!.activityId;
      expect(latestOf(CHAIR_CHAT, id, '')).toContain('12 av 15 forum har svarat');
    }
    // Same inputs, same snapshot: nothing new stored.
    expect((await s().repos.lagesbilder.require(w.meetingId)).version).toBe(1);

    // Five more requests through the service at once: still one job for the new run.
    await Promise.all(Array.from({ length: 5 }, () => requestCompile(s(), { meetingId: w.meetingId, trigger: 'command', actor: 'test' })));
    await drained(t);
    expect((await s().queues.compile.raw.getJobs(['completed'])).length).toBe(3);
  });

  it('a retried job posts nothing twice', async () => {
    await drained(t);
    const sent = t.connector.requests.length;
    const job = await s().queues.compile.getJob(compileJobId(w.meetingId, 2));
    await job!.retry('completed');
    await eventually(async () => {
      const j = await s().queues.compile.getJob(compileJobId(w.meetingId, 2));
      return (await j!.getState()) === 'completed' && j!.attemptsStarted >= 2;
    }, 'the retry ran', 15_000);
    await drained(t);
    expect(t.connector.requests.length).toBe(sent);
    expect((await s().repos.lagesbilder.require(w.meetingId)).version).toBe(1);
  });

  it('a meeting without answers gives a lägesbild that says so', async () => {
    const reply = await chairSays('sammanställ 2027-2');
    await drained(t);
    const id = (await s().repos.markers.getCard((await s().repos.compileRuns.require('2027-2')).data.watchers[0]!.cardKey))!.activityId;
    expect(latestOf(CHAIR_CHAT, id, cardOf(reply))).toContain('Inga forum har lämnat inspel inför mötet');
  });

  it('a late answer marks the snapshot stale; the chairs are offered Sammanställ igen, which updates the card', async () => {
    const meeting = (await s().repos.meetings.require(w.meetingId)).data;
    const deadline = meetingTimeline({ date: meeting.date, time: meeting.time }, s().planSettings).find((x) => x.kind === 'deadline')!.at;
    t.clock.set(new Date(deadline.getTime() + 3_600_000));
    // Forum 12 (no answer yet) answers late from its channel.
    const res = await t.post(
      invokeExecute(channel(t.connector.url, forumChannel(12), 'Forum 12'), MEMBER, 'input.submit', {
        meetingId: w.meetingId,
        forumId: w.forumIds[12],
        trend_0: 'samre',
        situation_0: 'Sent inspel om läget.',
        themes: 'narkotika',
        q1: 'Kan polisen komma till vårt möte?',
        q1prio: 'medel',
        sensitivity: 'oppen',
      }),
    );
    expect(body(res)).toContain('Tack! Ert inspel är sparat.');
    expect(await s().repos.answers.get(answerId(w.meetingId, w.forumIds[12]!))).toBeTruthy();
    await drained(t);
    expect((await s().repos.lagesbilder.require(w.meetingId)).data.stale).toBe(true);
    const notice = posts(t, CHAIR_CHAT).find((r) => cardOf(r).includes('lämnade eller ändrade sitt inspel efter att lägesbilden'));
    expect(notice).toBeTruthy();
    expect(cardOf(notice!)).toContain('lagesbild.compile');
    // The chair's newest card shows the stale banner (older ones show it when pressed).
    const cards = (await s().repos.compileRuns.require(w.meetingId)).data.cards.filter((c) => c.conversationId === CHAIR_CHAT);
    const newest = (await s().repos.markers.getCard(cards.at(-1)!.cardKey))!.activityId;
    expect(latestOf(CHAIR_CHAT, newest, '')).toContain('Nya eller ändrade inspel har kommit in efter sammanställningen');
    expect(latestOf(CHAIR_CHAT, newest, '')).toContain('lagesbild.compile');

    // "Sammanställ igen" on the first card: it turns into progress, then the new lägesbild.
    const again = await t.post({ ...invokeExecute(chairChat(), CHAIR, 'lagesbild.compile', { meetingId: w.meetingId }), replyToId: cardId });
    expect(body(again)).toMatch(/Sammanställer|Väntar/);
    await drained(t);
    const record = await s().repos.lagesbilder.require(w.meetingId);
    expect(record.data.stale).toBe(false);
    expect(record.version).toBeGreaterThan(1);
    expect(await s().repos.lagesbilder.history(w.meetingId)).toHaveLength(record.version);
    const latest = latestOf(CHAIR_CHAT, cardId, '');
    expect(latest).toContain('13 av 15 forum har svarat');
    expect(latest).toContain('varav 1 efter deadline');
    expect(latest).not.toContain('Nya eller ändrade inspel');
  });
});

describe('the agenda and publishing', () => {
  const current = async () => (await s().repos.agendas.require(w.meetingId));
  const show = async () => cardValue(await t.post(invokeExecute(chairChat(), CHAIR, 'lagesbild.show', { meetingId: w.meetingId })));

  it('the chair reorders, edits and removes items in place; an edit from an outdated card is refused', async () => {
    const before = await current();
    const items = before.data.agenda.items;
    const moved = await t.post(invokeExecute(chairChat(), CHAIR, 'agenda.move', { meetingId: w.meetingId, version: before.version, itemId: items[1]!.id, direction: 'up' }));
    expect(body(moved)).toContain('Ändringen är sparad');
    const after = await current();
    expect(after.data.agenda.items.slice(0, 2).map((i) => i.id)).toEqual([items[1]!.id, items[0]!.id]);

    // The same card again (old version): refused, the latest card shown, nothing changed.
    const stale = await t.post(invokeExecute(chairChat(), CHAIR, 'agenda.remove', { meetingId: w.meetingId, version: before.version, itemId: items[2]!.id }));
    expect(body(stale)).toContain('Dagordningen har ändrats sedan du öppnade kortet');
    expect((await current()).version).toBe(after.version);

    const bad = await t.post(invokeExecute(chairChat(), CHAIR, 'agenda.edit', { meetingId: w.meetingId, version: after.version, itemId: items[0]!.id, [`minutes_${items[0]!.id}`]: '500' }));
    expect(body(bad)).toContain('Minuterna ska vara ett heltal mellan 1 och 120');
    expect((await current()).version).toBe(after.version);

    const edited = await t.post(
      invokeExecute(chairChat(), CHAIR, 'agenda.edit', { meetingId: w.meetingId, version: after.version, itemId: items[0]!.id, [`title_${items[0]!.id}`]: 'Lägesbilden, kort', [`minutes_${items[0]!.id}`]: '15' }),
    );
    expect(body(edited)).toContain('**2.** Lägesbilden, kort – 15 min');
    const last = (await current()).data.agenda.items.at(-1)!;
    const removed = await t.post(invokeExecute(chairChat(), CHAIR, 'agenda.remove', { meetingId: w.meetingId, version: (await current()).version, itemId: last.id }));
    expect(body(removed)).toContain('Inte på dagordningen');
    expect((await current()).data.agenda.notOnAgenda[0]).toMatchObject({ id: last.id, removed: true });
    const history = await s().repos.agendas.history(w.meetingId);
    expect(history.length).toBe((await current()).version);
  });

  it('another late answer and Sammanställ igen: the chair’s edits carry over to the new agenda', async () => {
    const edited = (await current()).data.agenda;
    const removedId = edited.notOnAgenda.find((i) => i.removed)!.id;
    const res = await t.post(
      invokeExecute(channel(t.connector.url, forumChannel(13), 'Forum 13'), MEMBER, 'input.submit', {
        meetingId: w.meetingId,
        forumId: w.forumIds[13],
        trend_0: 'battre',
        situation_0: 'Ännu ett sent inspel.',
        themes: 'narkotika',
        q1: 'Hur går det med belysningen i tunneln?',
        q1prio: 'hog',
        sensitivity: 'oppen',
      }),
    );
    expect(body(res)).toContain('Tack! Ert inspel är sparat.');
    await drained(t);
    await t.post(invokeExecute(chairChat(), CHAIR, 'lagesbild.compile', { meetingId: w.meetingId }));
    await drained(t);
    const after = (await current()).data;
    expect(after.agenda.contentHash).not.toBe(edited.contentHash);
    expect(after.chairEdited).toBe(true);
    expect(after.agenda.status).toBe('proposed');
    // The renamed, shortened item keeps the chair's place, title and time; the set-aside one stays aside.
    const renamed = after.agenda.items.find((i) => i.title === 'Lägesbilden, kort');
    expect(renamed).toMatchObject({ minutes: 15 });
    expect(after.agenda.items.findIndex((i) => i.title === 'Lägesbilden, kort')).toBe(edited.items.findIndex((i) => i.title === 'Lägesbilden, kort'));
    expect(after.agenda.items.some((i) => i.id === removedId)).toBe(false);
    expect(after.agenda.notOnAgenda.find((i) => i.id === removedId)?.removed).toBe(true);
    expect(body(await t.post(invokeExecute(chairChat(), CHAIR, 'lagesbild.show', { meetingId: w.meetingId })))).toContain('Lägesbilden, kort – 15 min');
  });

  it('a non-chair pressing the buttons is refused and nothing changes', async () => {
    const v = (await current()).version;
    await t.post(message(memberChat(), MEMBER, 'hjälp'));
    for (const [verb, data] of [
      ['agenda.approve', { meetingId: w.meetingId, version: v }],
      ['lagesbild.publish', { meetingId: w.meetingId, version: v }],
      ['lagesbild.compile', { meetingId: w.meetingId }],
      ['lagesbild.show', { meetingId: w.meetingId }],
    ] as const) {
      const res = await t.post(invokeExecute(memberChat(), MEMBER, verb, data));
      expect(body(res), verb).toContain('Bara styrgruppens ordförande');
    }
    expect((await current()).version).toBe(v);
  });

  it('publicera before approval: the card to approve it from; after approval the steering version goes to the channel, once', async () => {
    const notYet = await chairSays('publicera');
    expect(cardOf(notYet)).toContain('Dagordningen är inte godkänd ännu');
    expect(cardOf(notYet)).toContain('agenda.approve');
    expect(posts(t, STEERING).filter((r) => cardOf(r).includes('Lägesbild och dagordning'))).toHaveLength(0);

    const card = await show();
    const approved = await t.post(invokeExecute(chairChat(), CHAIR, 'agenda.approve', actionData(card, 'agenda.approve')));
    expect(body(approved)).toContain('Dagordningen är godkänd');
    expect((await current()).data.agenda.status).toBe('approved');

    const reply = await chairSays('publicera');
    expect(reply.activity.text).toContain('publiceras i styrgruppens kanal');
    await drained(t);
    const published = posts(t, STEERING).filter((r) => cardOf(r).includes('Lägesbild och dagordning inför Styrgruppsmöte 1/2027'));
    expect(published).toHaveLength(1);
    const text = cardOf(published[0]!);
    expect(text).toContain('Styrgruppens version');
    expect(text).toContain(MARK.intern);
    expect(text).not.toContain(MARK.kanslig);
    expect(text).toContain('Lägesbilden, kort – 15 min');
    expect(text).not.toContain('agenda.');
    for (const link of linksOf(published[0]!.activity.attachments![0]!.content)) expect(link).toContain('aud=steering');
    expect((await current()).data.published).toMatchObject({ by: CHAIR.aadObjectId });

    // Publishing the same again sends nothing new.
    const sent = t.connector.requests.length;
    await chairSays('publicera');
    await drained(t);
    expect(posts(t, STEERING).filter((r) => cardOf(r).includes('Lägesbild och dagordning'))).toHaveLength(1);
    expect(t.connector.requests.length).toBe(sent + 1); // the reply only
  });
});

describe('the reports', () => {
  const linksFrom = (card: unknown) => linksOf(card);
  const get = (url: string) => fetch(url.replace('https://samverkan.example.se', t.botUrl));

  it('need a signed link: missing, tampered or expired links are refused; every read is recorded', async () => {
    const chairCard = cardValue(await t.post(invokeExecute(chairChat(), CHAIR, 'lagesbild.show', { meetingId: w.meetingId })));
    const links = linksFrom(chairCard);
    expect(links).toHaveLength(4);
    for (const l of links) expect(l).toContain('aud=chairs');

    expect((await get('https://samverkan.example.se/reports/2027-1.html')).status).toBe(403);
    expect((await get('https://samverkan.example.se/reports/2027-1.html?aud=steering')).status).toBe(403);
    const html = links.find((l) => l.includes('.html'))!;
    // The audience is signed: a chairs' link cannot be turned into anything else, nor a steering link into a chairs' one.
    expect((await get(html.replace('aud=chairs', 'aud=steering'))).status).toBe(403);
    expect((await get(html.replace(/sig=[^&]+/, 'sig=AAAA'))).status).toBe(403);
    expect((await get(html.replace('2027-1.html', '2027-2.html'))).status).toBe(403);
    // So is the language: adding or changing one is refused.
    expect((await get(`${html}&lang=en`)).status).toBe(403);
    expect((await get(html.replace('aud=chairs', 'aud=chairs&lang=en'))).status).toBe(403);
    // (An English chair's card carries these links; made directly so no chair's language changes for the tests after.)
    const enHtml = lagesbildReportLinks(s(), w.meetingId, 'chairs', 'en').html;
    expect(enHtml).toContain('aud=chairs&lang=en&exp=');
    expect(await (await get(enHtml)).text()).toContain('<html lang="en">');
    expect((await get(enHtml.replace('lang=en', 'lang=sv'))).status).toBe(403);
    expect((await get(enHtml.replace('&lang=en', ''))).status).toBe(403);

    const ok = await get(html);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    const page = await ok.text();
    expect(page).toContain(MARK.kanslig);
    expect(page).toContain('<svg');

    const steeringCard = cardValue(await t.post(invokeExecute(steering(), CHAIR, 'lagesbild.published', { meetingId: w.meetingId })));
    for (const l of linksFrom(steeringCard)) {
      const res = await get(l);
      expect(res.status, l).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString('utf8');
      expect(text, l).not.toContain(MARK.kanslig);
      expect(text, l).toContain(MARK.oppen);
      if (l.includes('.csv')) expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (l.includes('.json')) expect(JSON.parse(text)).toMatchObject({ audience: 'steering', meetingId: w.meetingId });
    }
    const reads = await s().repos.reportReads.list();
    expect(reads.map((r) => r.what)).toContain('/reports/2027-1.html?aud=chairs');
    expect(reads.map((r) => r.what)).toContain('/reports/2027-1.csv?aud=steering');
    expect(reads.every((r) => r.who === 'link')).toBe(true);

    t.clock.advance(61 * 60_000);
    expect((await get(html)).status).toBe(410);
  });
});

describe('the timeline', () => {
  it('compiles at the deadline (a card to each chair) and at T−1 reminds the chairs when not approved, publishes when approved', async () => {
    const id = '2027-2';
    const meeting = (await s().repos.meetings.require(id)).data;
    const steps = meetingTimeline({ date: meeting.date, time: meeting.time }, s().planSettings);
    const runStep = async (kind: string) => {
      t.clock.set(steps.find((x) => x.kind === kind)!.at);
      const job = await s().queues.timeline.getJob(timelineJobId(id, kind));
      await job!.promote();
      await eventually(async () => (await job!.getState()) === 'completed', `step ${kind}`);
      await drained(t);
    };
    // Two forums answer for meeting 2: the deadline compile brings the chairs a new card.
    for (const f of w.forumIds.slice(2, 4)) {
      const a = await s().repos.answers.get(answerId(w.meetingId, f));
      await s().repos.answers.create(answerId(id, f), { ...a!.data, meetingId: id }, 'seed');
    }
    const before = posts(t, CHAIR_CHAT).length;
    await runStep('deadline');
    const cards = posts(t, CHAIR_CHAT).slice(before).filter((r) => cardOf(r).includes('Lägesbild inför Styrgruppsmöte 2/2027'));
    expect(cards).toHaveLength(1);
    expect(cardOf(cards[0]!)).toContain('2 av 15 forum har svarat');
    expect((await s().repos.compileRuns.require(id)).data.trigger).toBe('deadline');

    await runStep('publish');
    expect(posts(t, CHAIR_CHAT).some((r) => cardOf(r).includes('Dagordningen inför Styrgruppsmöte 2/2027 är inte godkänd'))).toBe(true);
    expect(posts(t, STEERING).filter((r) => cardOf(r).includes('Lägesbild och dagordning inför Styrgruppsmöte 2/2027'))).toHaveLength(0);

    // Approved in time for the next meeting's T−1: published by the timeline.
    const agenda = await s().repos.agendas.require(id);
    await s().repos.agendas.update(id, agenda.version, { ...agenda.data, agenda: { ...agenda.data.agenda, status: 'approved' } }, CHAIR.aadObjectId);
    const { lagesbildTimelineStep } = await import('../../src/services/lagesbild/publish.js');
    await lagesbildTimelineStep(s(), meeting, 'publish');
    await drained(t);
    expect(posts(t, STEERING).filter((r) => cardOf(r).includes('Lägesbild och dagordning inför Styrgruppsmöte 2/2027'))).toHaveLength(1);
    expect((await s().repos.agendas.require(id)).data.published?.by).toBe('system');
  });
});

describe('a compile in a channel', () => {
  it('shows the steering version there, never the chairs version', async () => {
    await t.post(mentionMessage(steering(), CHAIR, 'sammanställ 2027-1'));
    await drained(t);
    const run = await s().repos.compileRuns.require(w.meetingId);
    const inChannel = run.data.watchers.find((c) => c.conversationId === STEERING)!;
    const id = (await s().repos.markers.getCard(inChannel.cardKey))!.activityId;
    const latest = latestOf(STEERING, id, '');
    expect(latest).toContain('Styrgruppens version');
    expect(latest).toContain(MARK.intern);
    expect(latest).not.toContain(MARK.kanslig);
  });
});

describe('a compile asked for inside a channel thread', () => {
  it('updates its progress card through the thread, where Teams has the reply', async () => {
    const thread = `${STEERING};messageid=1790000000001`;
    await t.post(mentionMessage(channel(t.connector.url, thread, 'Styrgrupp'), CHAIR, 'sammanställ igen 2027-1'));
    await drained(t);
    const run = await s().repos.compileRuns.require(w.meetingId);
    const watcher = run.data.watchers.at(-1)!;
    const card = (await s().repos.markers.getCard(watcher.cardKey))!;
    expect(card.conversationId).toBe(thread);
    const updates = t.connector.received.filter((r) => r.method === 'PUT' && r.replyToId === card.activityId);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((r) => r.conversationId === thread)).toBe(true);
  });
});
