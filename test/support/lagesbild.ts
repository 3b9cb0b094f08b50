/**
 * A world for the lägesbild's integration tests: the steering channel and a chair's
 * personal chat registered through the bot, a confirmed year plan, and forums with answers
 * written straight to the store (the inspel flow has its own tests). Forum 0 answers
 * känslig, forum 1 intern, the rest öppen; every text carries the sensitivity's marker.
 */
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import type { Sensitivity } from '../../src/domain/inputs/answer.js';
import { answerId, type StoredAnswer } from '../../src/domain/inputs/storedAnswer.js';
import { confirmPlan } from '../../src/services/meetings.js';
import type { Services } from '../../src/services/services.js';
import { CHAIR, channel, message, mentionMessage } from './activities.js';
import type { CapturedActivity } from './fakeConnector.js';
import { eventually, type TestRuntime } from './testRuntime.js';

export const MARK: Record<Sensitivity, string> = { oppen: 'ÖPPEN-MARKÖR', intern: 'INTERN-MARKÖR', kanslig: 'KÄNSLIG-MARKÖR' };
export const STEERING = '19:steering-lb@thread.tacv2';
export const CHAIR_CHAT = 'a:chair-lb-personal';
const DISTRICTS = ['Berga', 'Ryd', 'Skäggetorp'];

export const forumChannel = (i: number) => `19:forum-lb-${i}@thread.tacv2`;
export const sensitivityOf = (i: number): Sensitivity => (i === 0 ? 'kanslig' : i === 1 ? 'intern' : 'oppen');

export function answerOf(meetingId: string, forumId: string, i: number, at: string, extra: Partial<StoredAnswer['answer']> = {}): StoredAnswer {
  const sensitivity = sensitivityOf(i);
  const mark = MARK[sensitivity];
  return {
    meetingId,
    forumId,
    answer: {
      districts: [{ district: DISTRICTS[i % 3]!, trend: (['samre', 'battre', 'oforandrat'] as const)[i % 3]!, situation: `Läget ${mark} i forum ${i}` }],
      themes: i % 2 ? ['narkotika'] : ['narkotika', 'skadegorelse'],
      questions: [{ text: i < 2 ? `Fråga ${mark} från forum ${i}` : 'Hur arbetar polisen mot narkotikaförsäljningen vid centrum?', priority: 'hog' }],
      agendaItems: [],
      needs: `Behov ${mark} ${i}`,
      sensitivity,
      ...extra,
    },
    submittedBy: 'seed',
    submittedByName: 'Seed',
    submittedAt: at,
    firstSubmittedAt: at,
    late: false,
    answeredOnTime: true,
  };
}

export interface World {
  meetingId: string;
  forumIds: string[];
}

/** Registers the steering channel and the chair's chat, confirms 2027, and adds forums (the first `answered` answer). */
export async function setUpWorld(t: TestRuntime, opts: { forums: number; answered: number }): Promise<World> {
  const s = t.runtime.services;
  await t.post(mentionMessage(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
  await t.post(message({ conversationId: CHAIR_CHAT, conversationType: 'personal', serviceUrl: t.connector.url }, CHAIR, 'hjälp'));
  const proposal = proposeYearPlan(2027, s.planSettings);
  await confirmPlan(s, 2027, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.aadObjectId);
  const meetingId = '2027-1';
  const forumIds = await addForums(s, meetingId, opts.forums, opts.answered);
  await drained(t);
  return { meetingId, forumIds };
}

export async function addForums(s: Services, meetingId: string, count: number, answered: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `forum-${String(i).padStart(2, '0')}`;
    ids.push(id);
    await s.repos.forums.create(id, { id, name: `Forum ${String(i).padStart(2, '0')} ${DISTRICTS[i % 3]}`, kind: 'trygghetsrad', districts: [DISTRICTS[i % 3]!], contacts: [], conversationId: forumChannel(i), active: true, memberIds: [] }, 'seed');
    if (i < answered) await s.repos.answers.create(answerId(meetingId, id), answerOf(meetingId, id, i, s.clock().toISOString()), 'seed');
  }
  return ids;
}

/** No notify or compile job left to run. */
export async function drained(t: TestRuntime): Promise<void> {
  const q = t.runtime.services.queues;
  await eventually(async () => {
    for (const queue of [q.compile.raw, q.notify.raw]) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(c).some((n) => n > 0)) return false;
    }
    return true;
  }, 'compile and notify queues drained', 30_000);
}

export const cardOf = (r: CapturedActivity) => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text ?? '');
export const isCard = (r: CapturedActivity) => !!r.activity.attachments?.length;
/** Messages posted to a conversation (replies and proactive posts), not updates. */
export const posts = (t: TestRuntime, conversationId: string) => t.connector.received.filter((r) => r.conversationId === conversationId && r.method === 'POST');
export const updatesOf = (t: TestRuntime, conversationId: string, activityId: string) => t.connector.received.filter((r) => r.conversationId === conversationId && r.method === 'PUT' && r.replyToId === activityId);


/** The OpenUrl links of a card. */
export function linksOf(cardJson: unknown): string[] {
  return [...JSON.stringify(cardJson).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
}
