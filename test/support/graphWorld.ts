import { expect } from 'vitest';
import { addDays, daysBetween, isWeekend } from '../../src/domain/calendar/localDate.js';
import { validateMeetingDate } from '../../src/domain/calendar/yearPlan.js';
import { CHAIR, channel, invokeExecute, mentionMessage, message } from './activities.js';
import type { FakeGraph } from './fakeGraph.js';
import type { TestRuntime } from './testRuntime.js';

/** The steering group's calendar and channel in the Graph tests (invented). */
export const ORGANIZER = 'styrgrupp@linkoping.example';
export const STEERING = '19:steering@thread.tacv2';

/** The settings that point the app's Microsoft Graph calendar at a FakeGraph. */
export function graphEnvFor(fake: FakeGraph, organizer = ORGANIZER): Record<string, string> {
  return {
    GRAPH_ENABLED: 'true',
    GRAPH_TENANT_ID: fake.tenantId,
    GRAPH_CLIENT_ID: fake.clientId,
    GRAPH_CLIENT_SECRET: fake.clientSecret,
    GRAPH_ORGANIZER: organizer,
    GRAPH_AUTHORITY_HOST: fake.authorityHost,
    GRAPH_BASE_URL: fake.baseUrl,
  };
}

export const cardJson = (a: { attachments?: { content: unknown }[]; text?: string }) => JSON.stringify(a.attachments?.[0]?.content ?? a.text ?? '');

/** The chair registers the steering channel and confirms the proposed 2027 plan through its card, as Teams sends it. */
export async function planYearThroughCards(t: TestRuntime): Promise<void> {
  const steering = channel(t.connector.url, STEERING, 'Styrgrupp');
  await t.post(mentionMessage(steering, CHAIR, 'registrera styrgrupp'));
  await t.connector.waitFor((r) => r.conversationId === STEERING && String(r.activity.text).includes('styrgruppens kanal'));
  await t.post(message(steering, CHAIR, 'planera 2027'));
  const planReply = await t.connector.waitFor((r) => cardJson(r.activity).includes('styrgruppens möten 2027'));
  const data: Record<string, unknown> = { year: 2027 };
  for (const m of cardJson(planReply.activity).matchAll(/"id":"date(\d)","label":"Datum","value":"(\d{4}-\d{2}-\d{2})"/g)) {
    data[`date${m[1]}`] = m[2];
    data[`time${m[1]}`] = '13:00';
  }
  const res = await t.post(invokeExecute(steering, CHAIR, 'plan.confirm', data));
  expect(JSON.stringify(res.body)).toContain('bekräftade');
}

/** A weekday `step` days (then one by one) from the meeting's date that the plan accepts: no holiday, no school break, four weeks from the others. */
export async function validMoveTarget(t: TestRuntime, meetingId: string, step: number): Promise<string> {
  const s = t.runtime.services;
  const meetings = (await s.repos.meetings.list()).map((m) => m.data).filter((m) => m.status === 'confirmed');
  const me = meetings.find((m) => m.id === meetingId)!;
  const others = meetings.filter((m) => m.id !== meetingId);
  for (let d = addDays(me.date, step); ; d = addDays(d, Math.sign(step))) {
    const spaced = others.every((o) => Math.abs(daysBetween(o.date, d)) >= 28);
    if (!isWeekend(d) && validateMeetingDate(d, s.planSettings) === null && spaced && d !== me.date) return d;
  }
}

/** The chair moves the meeting to `date` 13:00 from its card, as Teams sends it. */
export async function moveThroughCard(t: TestRuntime, meetingId: string, date: string): Promise<void> {
  const meeting = await t.runtime.services.repos.meetings.require(meetingId);
  const i = meeting.data.index;
  const res = await t.post(invokeExecute(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'meeting.moveSave', { meetingId, version: meeting.version, [`date${i}`]: date, [`time${i}`]: '13:00' }));
  expect(JSON.stringify(res.body)).toContain('är flyttat');
}
