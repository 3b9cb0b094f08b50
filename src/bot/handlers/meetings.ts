import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../../cards/kit.js';
import { cancelMeetingCard, meetingsCard, moveMeetingCard, when, type MeetingView } from '../../../cards/meetingCards.js';
import { planCard, type PlanRow } from '../../../cards/planCard.js';
import type { VerbData } from '../../../cards/verbs.js';
import { proposeYearPlan } from '../../domain/calendar/yearPlan.js';
import { utcToZoned } from '../../domain/calendar/zonedTime.js';
import { DomainError, notAllowed } from '../../domain/errors.js';
import { meetingTitle, type MeetingRecord } from '../../domain/meeting.js';
import { can } from '../../domain/roles.js';
import { cancelMeeting, confirmPlan, listMeetings, moveMeeting, type MeetingChoice } from '../../services/meetings.js';
import { meetingCalendarView, type MeetingCalendarView } from '../../services/calendar/meetingCalendarView.js';
import { currentPlanSettings } from '../../services/schoolCalendars.js';
import type { Stored } from '../../store/versionedRepository.js';
import { replyCard, replyText } from '../reply.js';
import { refusal } from '../refusal.js';
import type { RequestContext } from '../requestContext.js';

const view = (rc: RequestContext, m: Stored<MeetingRecord>, calendar?: MeetingCalendarView): MeetingView => ({
  meeting: m.data,
  version: m.version,
  icsUrl: `${rc.s.config.PUBLIC_URL.replace(/\/$/, '')}/meetings/${m.id}.ics`,
  calendar,
});

async function meetingViews(rc: RequestContext): Promise<MeetingView[]> {
  return Promise.all((await listMeetings(rc.s)).map(async (m) => view(rc, m, await meetingCalendarView(rc.s, m.id))));
}

export async function meetingsListCard(rc: RequestContext, lead?: string): Promise<AdaptiveCard> {
  return meetingsCard(rc.m, rc.lang, await meetingViews(rc), can(rc.roles, 'changeMeeting'), lead);
}

/** The meetings card from a card button: the same role as the `möten` command. */
export async function showMeetings(rc: RequestContext): Promise<AdaptiveCard> {
  if (!can(rc.roles, 'listMeetings')) throw notAllowed('listMeetings');
  return meetingsListCard(rc);
}

/** `planera 2027`: the proposal, or the confirmed dates when the year is already planned. */
export async function planCommand(rc: RequestContext, ctx: TurnContext, year: number | undefined): Promise<void> {
  const thisYear = Number(utcToZoned(rc.s.clock(), rc.s.planSettings.timeZone).date.slice(0, 4));
  const target = year ?? thisYear + 1;
  if (target < thisYear || target > 2100) return replyText(ctx, rc.m.plan.badYear);
  const proposal = proposeYearPlan(target, await currentPlanSettings(rc.s));
  const existing = (await rc.s.repos.meetings.list()).filter((m) => m.data.year === target && m.data.status === 'confirmed');
  const rows: PlanRow[] = proposal.map((p) => {
    const confirmed = existing.find((m) => m.data.index === p.index);
    return { index: p.index, windowLabel: p.windowLabel, date: confirmed?.data.date ?? p.date, time: confirmed?.data.time ?? p.time };
  });
  await replyCard(ctx, planCard(rc.m, target, rows, { hasExisting: existing.length > 0 }));
}

function requireChair(rc: RequestContext): void {
  if (!can(rc.roles, 'changeMeeting')) throw notAllowed('changeMeeting');
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function confirmPlanVerb(rc: RequestContext, data: VerbData<'plan.confirm'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const raw = data as Record<string, unknown>;
  const windows = rc.s.planSettings.windows;
  const choices: MeetingChoice[] = windows.map((_, i) => ({ index: i + 1, date: str(raw[`date${i + 1}`]), time: str(raw[`time${i + 1}`]) }));
  try {
    await confirmPlan(rc.s, data.year, choices, rc.actorId);
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'invalid-input') {
      const rows = choices.map((c, i) => ({ ...c, windowLabel: windows[i]!.label }));
      return refusal(planCard(rc.m, data.year, rows, { errors: e.details.fieldErrors }));
    }
    throw e;
  }
  return meetingsListCard(rc, rc.m.plan.confirmed(data.year));
}

export async function meetingsCommand(rc: RequestContext, ctx: TurnContext): Promise<void> {
  await replyCard(ctx, await meetingsListCard(rc));
}

export async function openMove(rc: RequestContext, data: VerbData<'meeting.moveOpen'>): Promise<AdaptiveCard> {
  requireChair(rc);
  return moveMeetingCard(rc.m, rc.lang, view(rc, await rc.s.repos.meetings.require(data.meetingId)));
}

export async function saveMove(rc: RequestContext, data: VerbData<'meeting.moveSave'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const current = await rc.s.repos.meetings.require(data.meetingId);
  const raw = data as Record<string, unknown>;
  const i = current.data.index;
  const date = str(raw[`date${i}`]);
  const time = str(raw[`time${i}`]);
  try {
    const moved = await moveMeeting(rc.s, current.id, data.version, date, time, rc.actorId);
    return meetingsListCard(rc, rc.m.meetings.movedTo(meetingTitle(moved.data, rc.lang), when(rc.m, moved.data)));
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'invalid-input') {
      return refusal(moveMeetingCard(rc.m, rc.lang, view(rc, current), { errors: e.details.fieldErrors, values: { date, time } }));
    }
    if (e instanceof DomainError && e.reason === 'stale-write') {
      return moveMeetingCard(rc.m, rc.lang, view(rc, await rc.s.repos.meetings.require(current.id)), { banner: rc.m.errors.staleWrite });
    }
    throw e;
  }
}

export async function askCancel(rc: RequestContext, data: VerbData<'meeting.cancelAsk'>): Promise<AdaptiveCard> {
  requireChair(rc);
  return cancelMeetingCard(rc.m, rc.lang, view(rc, await rc.s.repos.meetings.require(data.meetingId)));
}

export async function confirmCancel(rc: RequestContext, data: VerbData<'meeting.cancelConfirm'>): Promise<AdaptiveCard> {
  requireChair(rc);
  try {
    const cancelled = await cancelMeeting(rc.s, data.meetingId, data.version, rc.actorId);
    return meetingsListCard(rc, rc.m.meetings.cancelledNotice(meetingTitle(cancelled.data, rc.lang)));
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'stale-write') return meetingsListCard(rc, rc.m.errors.staleWrite);
    throw e;
  }
}
