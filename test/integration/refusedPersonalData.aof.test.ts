import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldMessage } from '../../cards/fieldMessages.js';
import type { Verb } from '../../cards/verbs.js';
import { startPrivateRedis, type PrivateRedis } from '../../scripts/redis-helper.mjs';
import { luhnValid } from '../../src/domain/inputs/luhn.js';
import type { PersonalDataKind } from '../../src/domain/inputs/personalDataGuard.js';
import { sv } from '../../src/i18n/sv.js';
import { actionRevision, createAction } from '../../src/services/promise/actions.js';
import { addIndicator, saveStatements } from '../../src/services/promise/malbilder.js';
import { commitmentRevision, createPromise, saveCommitment } from '../../src/services/promise/promises.js';
import { CHAIR, MEMBER, channel, invokeExecute, message, type Where } from '../support/activities.js';
import { captureLogs } from '../support/logCapture.js';
import { answerData, seedCycle, type Seeded } from '../support/seed.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Issue 14: a refused value is written nowhere. Every card that takes free text gets each
 * kind of personal datum the guard refuses (a Luhn-valid invented personnummer, a
 * samordningsnummer, a phone number, an e-mail address) — each value unique, so a hit
 * names its case. Each submit must really be refused (the card names the field), the
 * same invoke is sent again (a Teams retry) and must be refused the same way, and then
 * the append-only file of a private redis-server (every write, in the order made, also
 * what expired or was deleted since) and every log line must hold none of the values.
 */
const kinds: readonly PersonalDataKind[] = ['personnummer', 'samordningsnummer', 'phone', 'email'];
const captured = captureLogs('trace');
let redis: PrivateRedis;
let t: TestRuntime;
let seeded: Seeded;
const ids = { promiseId: '', promiseVersion: 0, commitmentId: '', commitmentRev: '', actionId: '', actionRev: '', indicatorId: '', malbildVersion: 0, agendaVersion: 0, agendaItemId: '' };

/** Every value sent, with the case it belongs to. */
const sent: { label: string; value: string }[] = [];
let serial = 0;

/** A unique invented identity number of the kind: a plausible date, a serial, the Luhn digit. */
function identityNumber(kind: 'personnummer' | 'samordningsnummer', n: number): string {
  const yy = String(40 + (n % 50)).padStart(2, '0');
  const mm = String(1 + (Math.floor(n / 50) % 12)).padStart(2, '0');
  const dd = String((kind === 'samordningsnummer' ? 60 : 0) + 1 + (n % 28)).padStart(2, '0');
  const nnn = String(100 + n).padStart(3, '0').slice(-3);
  for (let c = 0; c <= 9; c++) if (luhnValid(`${yy}${mm}${dd}${nnn}${c}`)) return `${yy}${mm}${dd}-${nnn}${c}`;
  throw new Error('no Luhn digit');
}

function personalValue(kind: PersonalDataKind): string {
  const n = ++serial;
  switch (kind) {
    case 'personnummer':
    case 'samordningsnummer':
      return identityNumber(kind, n);
    case 'phone': {
      const d = String(4_100_000 + n * 137).padStart(7, '0');
      return `073-${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)}`;
    }
    case 'email':
      return `vägran.fall${n}.x${String(n * 7919).slice(-4)}@exempel.se`;
    default: {
      const none: never = kind;
      return none;
    }
  }
}

const chairChat = (): Where => ({ conversationId: 'a:chair-personal', conversationType: 'personal', serviceUrl: t.connector.url });
const memberChat = (): Where => ({ conversationId: 'a:member-personal', conversationType: 'personal', serviceUrl: t.connector.url });
const bergaChannel = (): Where => channel(t.connector.url, seeded.forums[0]!.channelId, seeded.forums[0]!.name);
const personal = (kind: PersonalDataKind) => fieldMessage(sv, `personalData|${kind}`)!;

interface Case {
  verb: Verb;
  who: typeof CHAIR;
  where: () => Where;
  /** The card's inputs that take the value; the kinds take turns over them. */
  fields: readonly string[];
  data: (field: string, value: string) => Record<string, unknown>;
  /** Short inputs (a date, a time, a number, a unit) take the value alone, not inside a sentence. */
  alone?: readonly string[];
  /** The sentence that names what is wrong with the field. */
  refusal: (kind: PersonalDataKind, field: string) => string;
}

const cases: Case[] = [
  {
    verb: 'forum.save',
    who: CHAIR,
    where: () => channel(t.connector.url, '19:forum-new@thread.tacv2', 'Nytt forum'),
    fields: ['name', 'contacts'],
    data: (field, v) => ({ name: 'Trygghetsrådet Ryd norr', kind: 'trygghetsrad', districts: 'Ryd', contacts: 'Kim Påhittad', [field]: v }),
    refusal: personal,
  },
  {
    verb: 'input.submit',
    who: MEMBER,
    where: bergaChannel,
    fields: ['situation_0', 'q1', 'agenda', 'needs'],
    data: (field, v) => answerData(seeded.meetingId, seeded.forums[0]!.id, 'Lugnt vid torget.', { [field]: v }),
    refusal: personal,
  },
  {
    verb: 'agenda.edit',
    who: CHAIR,
    where: chairChat,
    fields: ['title'],
    data: (_f, v) => ({ meetingId: seeded.meetingId, version: ids.agendaVersion, itemId: ids.agendaItemId, [`title_${ids.agendaItemId}`]: v }),
    refusal: () => (sv.lagesbild.itemErrors as Record<string, string | undefined>).personalData ?? 'the agenda names no personalData refusal',
  },
  {
    verb: 'promise.save',
    who: CHAIR,
    where: chairChat,
    fields: ['title', 'periodFrom'],
    alone: ['periodFrom'],
    data: (field, v) => ({ promiseId: ids.promiseId, version: ids.promiseVersion, title: 'Medborgarlöfte 2027', periodFrom: '2027-01-01', periodTo: '2028-12-31', [field]: v }),
    refusal: (kind, field) => (field === 'title' ? personal(kind) : fieldMessage(sv, 'date')!),
  },
  {
    verb: 'promise.commitmentSave',
    who: CHAIR,
    where: chairChat,
    fields: ['text'],
    data: (field, v) => ({ promiseId: ids.promiseId, commitmentId: ids.commitmentId, rev: ids.commitmentRev, text: 'Fler vuxna ute', responsible: 'bada', districts: 'Berga', [field]: v }),
    refusal: personal,
  },
  {
    verb: 'action.create',
    who: CHAIR,
    where: chairChat,
    fields: ['text', 'due'],
    alone: ['due'],
    data: (field, v) => ({ promiseId: ids.promiseId, text: 'Trygghetsvandring', owner: MEMBER.aadObjectId, due: '2027-06-01', commitment: ids.commitmentId, [field]: v }),
    refusal: (kind, field) => (field === 'text' ? personal(kind) : fieldMessage(sv, 'date')!),
  },
  {
    verb: 'action.save',
    who: CHAIR,
    where: chairChat,
    fields: ['text'],
    data: (field, v) => ({ promiseId: ids.promiseId, actionId: ids.actionId, rev: ids.actionRev, text: 'Trygghetsvandring', owner: MEMBER.aadObjectId, due: '2027-06-01', commitment: ids.commitmentId, [field]: v }),
    refusal: personal,
  },
  {
    verb: 'action.update',
    who: MEMBER,
    where: memberChat,
    fields: ['followUp', 'count'],
    alone: ['count'],
    data: (field, v) => ({ promiseId: ids.promiseId, actionId: ids.actionId, rev: ids.actionRev, meetingId: seeded.meetingId, status: 'pagar', followUp: '3 vandringar', count: '3', [field]: v }),
    refusal: (kind, field) => (field === 'followUp' ? personal(kind) : fieldMessage(sv, 'notANumber')!),
  },
  {
    verb: 'malbild.save',
    who: CHAIR,
    where: chairChat,
    fields: ['statements'],
    data: (field, v) => ({ district: 'Berga', version: ids.malbildVersion, [field]: `Fler trygga på kvällen\n${v}` }),
    refusal: personal,
  },
  {
    verb: 'malbild.indicatorSave',
    who: CHAIR,
    where: chairChat,
    fields: ['name', 'unit', 'targetValue', 'baselineDate'],
    alone: ['unit', 'targetValue', 'baselineDate'],
    data: (field, v) => ({ district: 'Berga', name: 'Anmälda brott', unit: 'st', direction: 'decrease', baselineValue: '10', baselineDate: '2026-01-01', targetValue: '5', targetDate: '2028-01-01', [field]: v }),
    refusal: (kind, field) => ({ name: personal(kind), unit: personal(kind), targetValue: fieldMessage(sv, 'notANumber')! })[field] ?? fieldMessage(sv, 'date')!,
  },
  {
    verb: 'malbild.readingSave',
    who: MEMBER,
    where: bergaChannel,
    fields: ['value', 'date'],
    alone: ['value', 'date'],
    data: (field, v) => ({ district: 'Berga', indicator: ids.indicatorId, value: '7', date: '2027-01-05', [field]: v }),
    refusal: (_k, field) => fieldMessage(sv, field === 'value' ? 'notANumber' : 'date')!,
  },
  {
    verb: 'meeting.moveSave',
    who: CHAIR,
    where: chairChat,
    fields: ['date1', 'time1'],
    alone: ['date1', 'time1'],
    data: (field, v) => ({ meetingId: seeded.meetingId, version: 1, date1: '2027-03-03', time1: '10:00', [field]: v }),
    refusal: (_k, field) => fieldMessage(sv, field.startsWith('date') ? 'date' : 'time')!,
  },
  {
    verb: 'plan.confirm',
    who: CHAIR,
    where: chairChat,
    fields: ['date1', 'time2'],
    alone: ['date1', 'time2'],
    data: (field, v) => ({ year: 2028, date1: '2028-02-16', time1: '13:00', date2: '2028-05-17', time2: '13:00', date3: '2028-10-11', time3: '13:00', [field]: v }),
    refusal: (_k, field) => fieldMessage(sv, field.startsWith('date') ? 'date' : 'time')!,
  },
];

/** The card (or message) of an invoke response, as text. */
const bodyOf = (res: { body: unknown }) => JSON.stringify((res.body as { value?: unknown } | undefined)?.value ?? res.body ?? '');

async function drained(): Promise<void> {
  const q = t.runtime.services.queues;
  await eventually(async () => {
    for (const queue of [q.compile.raw, q.notify.raw, q.timeline.raw]) {
      const c = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(c).some((n) => n > 0)) return false;
    }
    return true;
  }, 'queues drained', 30_000);
}

/** Everything the private server wrote to its append-only files (Redis 7: a directory of base + incr files). */
function appendOnlyText(): string {
  const dir = join(redis.dir, 'appendonlydir');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .join('\n');
}

/** How often `value` (or, for numbers, its digits alone) occurs in `text`. */
function hits(text: string, value: string): number {
  const needles = [value, Buffer.from(value, 'utf8').toString('latin1')];
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 10) needles.push(digits);
  return [...new Set(needles)].reduce((n, needle) => n + text.split(needle).length - 1, 0);
}

beforeAll(async () => {
  redis = await startPrivateRedis(['--appendonly', 'yes', '--appendfsync', 'always', '--aof-use-rdb-preamble', 'no', '--auto-aof-rewrite-percentage', '0']);
  t = await startTestRuntime({
    now: new Date('2027-01-10T08:00:00Z'),
    env: { REDIS_URL: redis.url, CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Berga,Ryd', LOG_LEVEL: 'trace' },
    log: captured.log,
  });
  const s = t.runtime.services;
  seeded = await seedCycle(t, ['Berga', 'Ryd']);
  // The member is known in a 1:1 chat (action.update comes from there).
  await t.post(message(memberChat(), MEMBER, 'hjälp'));
  // A promise, a commitment and an action item the member owns.
  const chair = { id: CHAIR.aadObjectId, aadObjectId: CHAIR.aadObjectId, isChair: true };
  const p = await createPromise(s, { title: 'Medborgarlöfte 2027', periodFrom: '2027-01-01', periodTo: '2028-12-31' }, chair);
  const c = await saveCommitment(s, p.id, undefined, { text: 'Öka tryggheten i Berga centrum', responsible: 'bada', districts: ['Berga'] }, chair);
  const a = await createAction(s, p.id, { text: 'Trygghetsvandring', ownerAadObjectId: MEMBER.aadObjectId, ownerName: MEMBER.name, due: '2027-05-01', commitmentId: c.commitmentId }, chair);
  const promise = await s.repos.promises.require(p.id);
  Object.assign(ids, { promiseId: p.id, promiseVersion: promise.version, commitmentId: c.commitmentId, commitmentRev: commitmentRevision(a.commitment), actionId: a.action.id, actionRev: actionRevision(a.action) });
  // Berga's målbild with one indicator.
  await saveStatements(s, 'Berga', undefined, ['Fler trygga på kvällen'], chair);
  const withIndicator = await addIndicator(s, 'Berga', { name: 'Anmälda brott', unit: 'st', direction: 'decrease', baseline: { value: 10, date: '2026-01-01' }, target: { value: 5, date: '2028-01-01' } }, chair);
  Object.assign(ids, { malbildVersion: withIndicator.version, indicatorId: withIndicator.data.indicators[0]!.id });
  // An answer with an agenda proposal, compiled into a proposed agenda.
  const answered = await t.post(invokeExecute(bergaChannel(), MEMBER, 'input.submit', answerData(seeded.meetingId, seeded.forums[0]!.id, 'Oroligt vid torget.', { agenda: 'Belysningen vid torget' })));
  expect(bodyOf(answered)).toContain('Tack!');
  await t.post(message(chairChat(), CHAIR, 'sammanställ'));
  await eventually(async () => !!(await s.repos.agendas.get(seeded.meetingId)), 'agenda compiled', 30_000);
  const agenda = await s.repos.agendas.require(seeded.meetingId);
  Object.assign(ids, { agendaVersion: agenda.version, agendaItemId: agenda.data.agenda.items[0]!.id });
  await drained();
}, 90_000);

afterAll(async () => {
  await t?.cleanup();
  await redis?.stop();
});

describe('each refused kind of value on each card that takes free text', () => {
  it.each(cases.map((c) => [c.verb, c]))('%s: refused naming the field, and a Teams retry is refused the same way', async (_verb, c) => {
    for (const [k, kind] of kinds.entries()) {
      const field = c.fields[k % c.fields.length]!;
      const value = personalValue(kind);
      sent.push({ label: `${c.verb} ${field} ${kind}`, value });
      const activity = invokeExecute(c.where(), c.who, c.verb, c.data(field, c.alone?.includes(field) ? value : `Kontakt ${value} i kväll`));
      const first = await t.post(activity);
      const retry = await t.post(activity);
      const expected = c.refusal(kind, field);
      expect.soft(first.status, `${c.verb} ${field} ${kind}`).toBe(200);
      expect.soft(bodyOf(first), `${c.verb} ${field} ${kind}: refused, naming the field`).toContain(JSON.stringify(expected).slice(1, -1));
      expect.soft(retry.status, `${c.verb} ${field} ${kind}: retry`).toBe(200);
      expect.soft(bodyOf(retry), `${c.verb} ${field} ${kind}: the retry is refused too`).toContain(JSON.stringify(expected).slice(1, -1));
    }
  });

  it('a chat message holding them (an unknown command, commands with a bad argument) keeps nothing either', async () => {
    for (const kind of kinds) {
      for (const command of ['ring', 'planera', 'status']) {
        const value = personalValue(kind);
        const label = `message "${command} …" ${kind}`;
        sent.push({ label, value });
        const before = t.connector.to('a:chair-personal').length;
        const activity = message(chairChat(), CHAIR, `${command} ${value}`);
        expect((await t.post(activity)).status).toBeLessThan(300);
        expect((await t.post(activity)).status).toBeLessThan(300);
        await eventually(() => t.connector.to('a:chair-personal').length > before, `a reply to ${label}`);
      }
    }
  });

  it('after refusals, a corrected submit is stored (the control: what is stored is found in the file)', async () => {
    const accepted = `Godkänd-kontroll-${Date.now()}`;
    const res = await t.post(invokeExecute(bergaChannel(), MEMBER, 'input.submit', answerData(seeded.meetingId, seeded.forums[0]!.id, accepted, { version: 1 })));
    expect(bodyOf(res)).toContain('Tack!');
    await drained();
    expect(hits(appendOnlyText(), accepted)).toBeGreaterThan(0);
  });
});

describe('nothing refused is written anywhere', () => {
  it('the append-only file holds none of the refused values', async () => {
    await drained();
    expect(sent.length).toBe(cases.length * kinds.length + kinds.length * 3);
    const aof = appendOnlyText();
    expect(aof.length).toBeGreaterThan(10_000);
    const found = sent.filter((x) => hits(aof, x.value) > 0).map((x) => x.label);
    expect(found).toEqual([]);
  });

  it('no log line holds them', () => {
    expect(captured.lines.length).toBeGreaterThan(50);
    const all = captured.lines.join('\n');
    const found = sent.filter((x) => hits(all, x.value) > 0).map((x) => x.label);
    expect(found).toEqual([]);
  });
});
