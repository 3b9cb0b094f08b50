import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { actionReminderJobId } from '../../jobs/actionReminders.js';
import type { OutboundSender } from '../../jobs/processors/notify.js';
import type { NotifyJob } from '../../jobs/queues.js';
import { startWorkers } from '../../jobs/workers.js';
import { renderNotice } from '../../src/bot/notices.js';
import { editAction, updateAction, actionRevision } from '../../src/services/promise/actions.js';
import { sendActionReminder } from '../../src/services/promise/reminders.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { addConversation, chair, ownerActor, registerSteering, seedAction, seedPromise } from '../support/promise.js';

/**
 * Owner reminders: delayed jobs at 09:00 Stockholm time seven days before and on the due
 * date (DST-safe), sent 1:1 where the owner has a chat with the bot and otherwise in the
 * steering channel with an @mention — each exactly once.
 */
const ANNA = { aadObjectId: 'aad-anna', name: 'Anna Ansvarig' };
const BO = { aadObjectId: 'aad-bo', name: 'Bo Bortom' };
const STEERING = '19:steering@thread.tacv2';
const ANNA_CHAT = 'a:anna-personal';

let t: TestServices;
let sent: { job: NotifyJob; activity: Partial<Activity> | null }[];

function capturingSender(s: TestServices['s']): OutboundSender {
  return {
    async send(job, _reference, locale) {
      const activity = await renderNotice(s, job, locale);
      sent.push({ job, activity });
      return activity ? `act-${sent.length}` : undefined;
    },
  };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeEach(async () => {
  sent = [];
  // 1 March 2027: Sweden moves to summer time on 28 March.
  t = await makeTestServices({ now: new Date('2027-03-01T08:00:00Z') });
  await registerSteering(t.s, STEERING);
  await addConversation(t.s, ANNA_CHAT, 'personal', ANNA.aadObjectId);
});

afterEach(async () => {
  await t.cleanup();
});

describe('owner reminders', () => {
  it('are delayed jobs at 09:00 local time, 7 days before and on the due date, across the DST change', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const { action } = await seedAction(t.s, promiseId, commitmentId, BO, '2027-03-29');
    const due7 = await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due7', '2027-03-29'));
    const due0 = await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due0', '2027-03-29'));
    const now = t.s.clock().getTime();
    // 22 March 09:00 CET = 08:00Z; 29 March 09:00 CEST = 07:00Z.
    expect(now + (due7!.opts.delay ?? 0)).toBe(Date.parse('2027-03-22T08:00:00Z'));
    expect(now + (due0!.opts.delay ?? 0)).toBe(Date.parse('2027-03-29T07:00:00Z'));
    expect(await due7!.getState()).toBe('delayed');
    expect(due7!.id).not.toContain(':');
    expect(due7!.data).toEqual({ orgId: t.s.org.id, promiseId, actionId: action.id, kind: 'due7', due: '2027-03-29' });
  });

  it('an item due in three days gets only the due-date reminder', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const { action } = await seedAction(t.s, promiseId, commitmentId, BO, '2027-03-04');
    expect(await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due7', '2027-03-04'))).toBeUndefined();
    expect(await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due0', '2027-03-04'))).toBeDefined();
  });

  it('fire once each through the real workers: 1:1 for an owner with a chat, else the steering channel with an @mention', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const a = (await seedAction(t.s, promiseId, commitmentId, ANNA, '2027-03-20', 'Narkotikasök')).action;
    const b = (await seedAction(t.s, promiseId, commitmentId, BO, '2027-03-25', 'Trygghetsvandring')).action;
    const workers = startWorkers(t.platform, t.newQueueConnection(), capturingSender(t.s));
    t.onCleanup(() => workers.close());

    const jobs = [
      actionReminderJobId(promiseId, a.id, 'due7', a.due),
      actionReminderJobId(promiseId, a.id, 'due0', a.due),
      actionReminderJobId(promiseId, b.id, 'due7', b.due),
      actionReminderJobId(promiseId, b.id, 'due0', b.due),
    ];
    for (const id of jobs) {
      t.clock.set('2027-03-25T08:00:00Z');
      await (await t.s.queues.actions.getJob(id))!.promote();
    }
    await waitFor(() => (sent.length >= 4 ? sent : undefined));

    const toAnna = sent.filter((x) => x.job.conversationId === ANNA_CHAT);
    const toChannel = sent.filter((x) => x.job.conversationId === STEERING);
    expect(toAnna.map((x) => x.job.template).sort()).toEqual(['action.reminder7', 'action.reminderDue']);
    expect(toChannel.map((x) => x.job.template).sort()).toEqual(['action.reminder7', 'action.reminderDue']);
    const annaCard = JSON.stringify(toAnna[0]!.activity);
    expect(annaCard).toContain('Narkotikasök');
    expect(annaCard).not.toContain('<at>');
    const channelCard = toChannel[0]!.activity!.attachments![0]!.content as { msteams: { entities: unknown[] } };
    expect(channelCard.msteams.entities).toEqual([{ type: 'mention', text: '<at>Bo Bortom</at>', mentioned: { id: 'aad-bo', name: 'Bo Bortom' } }]);
    for (const x of sent) expect(JSON.stringify(x.job)).not.toMatch(/Narkotikasök|Trygghetsvandring/); // ids only in job data

    // Again: the same jobs re-added after removal, and a direct second run — nothing new is sent.
    for (const id of jobs) await (await t.s.queues.actions.getJob(id))?.remove();
    for (const [action, kind] of [[a, 'due7'], [a, 'due0'], [b, 'due7'], [b, 'due0']] as const) {
      await t.queues.actions.add(kind, { promiseId, actionId: action.id, kind, due: action.due }, { jobId: actionReminderJobId(promiseId, action.id, kind, action.due) });
      expect(await sendActionReminder(t.s, { promiseId, actionId: action.id, kind, due: action.due })).toBe('already sent');
    }
    await new Promise((r) => setTimeout(r, 800));
    expect(sent).toHaveLength(4);
  });

  it('move with the due date (old jobs removed) and stop when the item is done', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const { action, stored } = await seedAction(t.s, promiseId, commitmentId, ANNA, '2027-04-20');
    const moved = await editAction(
      t.s,
      promiseId,
      action.id,
      actionRevision(action),
      { text: action.text, ownerAadObjectId: ANNA.aadObjectId, ownerName: ANNA.name, due: '2027-05-04', commitmentId },
      chair,
    );
    expect(stored.version).toBeLessThan(moved.stored.version);
    expect(await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due7', '2027-04-20'))).toBeUndefined();
    expect(await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due0', '2027-04-20'))).toBeUndefined();
    expect(await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due7', '2027-05-04'))).toBeDefined();

    // A reminder job of the old date that was already running skips itself.
    expect(await sendActionReminder(t.s, { promiseId, actionId: action.id, kind: 'due7', due: '2027-04-20' })).toBe('skipped: due moved');

    await updateAction(t.s, promiseId, action.id, actionRevision(moved.action), { status: 'klar' }, '2027-1', ownerActor(ANNA.aadObjectId));
    expect(await t.s.queues.actions.getJob(actionReminderJobId(promiseId, action.id, 'due7', '2027-05-04'))).toBeUndefined();
    expect(await sendActionReminder(t.s, { promiseId, actionId: action.id, kind: 'due0', due: '2027-05-04' })).toBe('skipped: final');
    expect(await t.queues.notify.count()).toBe(0);
  });
});
