import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { CHAIR, channel, invokeExecute, mentionMessage, message } from './activities.js';
import type { TestRuntime } from './testRuntime.js';

/** A steering channel, forums registered through their cards, and a confirmed year (2027) — black box. */
export interface Seeded {
  steering: string;
  forums: { id: string; name: string; channelId: string; district: string }[];
  meetingId: string;
}

export async function seedCycle(t: TestRuntime, districts: string[], opts: { year?: number } = {}): Promise<Seeded> {
  const s = t.runtime.services;
  const steering = '19:steering@thread.tacv2';
  await t.post(mentionMessage(channel(t.connector.url, steering, 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
  await t.post(message({ conversationId: 'a:chair-personal', conversationType: 'personal', serviceUrl: t.connector.url }, CHAIR, 'hjälp'));
  const forums: Seeded['forums'] = [];
  for (const [i, district] of districts.entries()) {
    const name = `Trygghetsrådet ${district}`;
    const channelId = `19:forum-${i}@thread.tacv2`;
    const res = await t.post(invokeExecute(channel(t.connector.url, channelId, name), CHAIR, 'forum.save', { name, kind: 'trygghetsrad', districts: district }));
    if (!JSON.stringify(res.body).includes('registrerat')) throw new Error(`forum ${name} not registered: ${JSON.stringify(res.body).slice(0, 300)}`);
    const f = (await s.repos.forums.list()).find((x) => x.data.conversationId === channelId)!;
    forums.push({ id: f.id, name, channelId, district });
  }
  const year = opts.year ?? 2027;
  const proposal = proposeYearPlan(year, s.planSettings);
  await confirmPlan(s, year, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.aadObjectId);
  return { steering, forums, meetingId: `${year}-1` };
}

/** The data of a valid inspel answer for one forum (one district). */
export function answerData(meetingId: string, forumId: string, situation: string, extra: Record<string, unknown> = {}) {
  return { meetingId, forumId, trend_0: 'samre', situation_0: situation, themes: 'narkotika', q1: 'Hur ser polisens närvaro ut i centrum?', q1prio: 'hog', sensitivity: 'oppen', ...extra };
}
