import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionReminderJobId } from '../../jobs/actionReminders.js';
import { renderNotice } from '../../src/bot/notices.js';
import { DomainError } from '../../src/domain/errors.js';
import { findAction } from '../../src/domain/promise/promise.js';
import { actionRevision, deleteAction, updateAction } from '../../src/services/promise/actions.js';
import { changeStatus } from '../../src/services/promise/promises.js';
import { sendActionReminder } from '../../src/services/promise/reminders.js';
import { CHAIR, MEMBER, channel, invokeExecute, message } from '../support/activities.js';
import { chair, ownerActor, seedAction, seedPromise } from '../support/promise.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';
import { actionData } from '../support/cardData.js';

/**
 * Black box: a chair deletes an action item from its edit card, through a confirmation.
 * The item, its follow-ups and its queued reminders go, the write is audited; refusals
 * (non-chairs, forged or unknown ids, stale cards, a closed promise) change nothing; the
 * deleted item's old buttons say it is gone; lists and reminders carry on without it.
 */
const OTHER = { id: '29:other', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000009', name: 'Annan Person' };
let t: TestRuntime;
let promiseId = '';
let deleted = { id: '', text: 'Narkotikasök vid skolorna', due: '2027-05-31' };
let kept = { id: '', text: 'Trygghetsvandring i Berga', due: '2027-06-15' };
/** The owner's update card for the item that is deleted, drawn while it still existed. */
let oldUpdateData: Record<string, unknown> = {};

type Res = { body: unknown };
const cardOf = (res: Res) => (res.body as { value: unknown }).value;
const textOf = (res: Res) => JSON.stringify(cardOf(res));
const steering = () => channel(t.connector.url, '19:steering-d@thread.tacv2', 'Styrgrupp');
const memberChat = () => ({ conversationId: 'a:member-d', conversationType: 'personal' as const, serviceUrl: t.connector.url });
const otherChat = () => ({ conversationId: 'a:other-d', conversationType: 'personal' as const, serviceUrl: t.connector.url });
const stored = () => t.runtime.services.repos.promises.require(promiseId);
const reminderJob = (actionId: string, kind: 'due7' | 'due0', due: string) => t.runtime.services.queues.actions.getJob(actionReminderJobId(promiseId, actionId, kind, due));


beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-03-01T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId } });
  const s = t.runtime.services;
  const seeded = await seedPromise(s);
  promiseId = seeded.promiseId;
  kept = { ...kept, id: (await seedAction(s, promiseId, seeded.commitmentId, MEMBER, kept.due, kept.text)).action.id };
  // The newest item is deleted: the next new item must still not get its id.
  deleted = { ...deleted, id: (await seedAction(s, promiseId, seeded.commitmentId, MEMBER, deleted.due, deleted.text)).action.id };
  const p = await stored();
  await changeStatus(s, promiseId, p.version, 'faststallt', chair);
  // The owner talks to the bot once, then writes a follow-up for the item that will be deleted.
  await t.post(message(memberChat(), MEMBER, 'hjälp'));
  const open = await t.post(invokeExecute(memberChat(), MEMBER, 'action.open', { promiseId, actionId: deleted.id }));
  const saved = await t.post(invokeExecute(memberChat(), MEMBER, 'action.update', { ...actionData(cardOf(open), 'action.update'), status: 'pagar', followUp: '3 sök genomförda', count: '3' }));
  expect(textOf(saved)).toContain('Tack! Din uppdatering är sparad.');
  oldUpdateData = actionData(cardOf(saved), 'action.update');
  await t.post(message(otherChat(), OTHER, 'hjälp'));
});

afterAll(async () => {
  await t?.cleanup();
});

describe('deleting an action item', () => {
  it('someone who is not a chair cannot delete, not even the owner with a real card; nothing changes', async () => {
    const before = await stored();
    const rev = actionRevision(findAction(before.data, deleted.id)!.action);
    for (const [where, who] of [[memberChat(), MEMBER], [otherChat(), OTHER]] as const) {
      for (const verb of ['action.deleteAsk', 'action.deleteConfirm']) {
        const res = await t.post(invokeExecute(where, who, verb, { promiseId, actionId: deleted.id, rev }));
        expect(textOf(res)).toContain('Det får du inte göra här');
        expect(textOf(res)).not.toContain(deleted.text);
      }
    }
    // The service refuses too, whatever a handler did.
    await expect(deleteAction(t.runtime.services, promiseId, deleted.id, rev, ownerActor(MEMBER.aadObjectId))).rejects.toMatchObject({ reason: 'not-allowed' });
    expect((await stored()).version).toBe(before.version);
    expect(await reminderJob(deleted.id, 'due7', deleted.due)).toBeDefined();
  });

  it('the chair’s edit card asks first: the confirmation names the item and its follow-up; Behåll changes nothing', async () => {
    const before = await stored();
    const edit = await t.post(invokeExecute(steering(), CHAIR, 'action.edit', { promiseId, actionId: deleted.id }));
    const ask = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteAsk', actionData(cardOf(edit), 'action.deleteAsk')));
    expect(textOf(ask)).toContain(`Ta bort **${deleted.text}**? Det går inte att ångra.`);
    expect(textOf(ask)).toContain('1 uppföljning hör till åtgärden och tas bort med den.');
    expect(actionData(cardOf(ask), 'action.deleteConfirm')).toEqual({ org: t.runtime.services.org.id, promiseId, actionId: deleted.id, rev: actionRevision(findAction(before.data, deleted.id)!.action) });

    const keep = await t.post(invokeExecute(steering(), CHAIR, 'action.edit', actionData(cardOf(ask), 'action.edit')));
    expect(textOf(keep)).toContain('Ändra åtgärd');
    expect(textOf(keep)).toContain('action.deleteAsk');
    expect((await stored()).version).toBe(before.version);
  });

  it('a stale confirmation is refused with the latest one (a follow-up written meanwhile is counted)', async () => {
    const ask = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteAsk', { promiseId, actionId: kept.id }));
    expect(textOf(ask)).not.toContain('uppföljning hör till');
    const staleConfirm = actionData(cardOf(ask), 'action.deleteConfirm');

    const open = await t.post(invokeExecute(memberChat(), MEMBER, 'action.open', { promiseId, actionId: kept.id }));
    await t.post(invokeExecute(memberChat(), MEMBER, 'action.update', { ...actionData(cardOf(open), 'action.update'), followUp: 'Två vandringar' }));
    const before = await stored();

    const refused = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteConfirm', staleConfirm));
    expect(textOf(refused)).toContain('Någon annan har ändrat detta sedan du öppnade kortet');
    expect(textOf(refused)).toContain('1 uppföljning hör till åtgärden');
    const fresh = actionData(cardOf(refused), 'action.deleteConfirm');
    expect(fresh.rev).not.toBe(staleConfirm.rev);
    const after = await stored();
    expect(after.version).toBe(before.version);
    expect(findAction(after.data, kept.id)?.action.followUps).toHaveLength(1);
  });

  it('confirming deletes it: gone from its commitment with its follow-ups, reminders gone from the queue, audited by id', async () => {
    // Both reminders of each item are queued (delayed) before.
    for (const kind of ['due7', 'due0'] as const) {
      expect(await reminderJob(deleted.id, kind, deleted.due)).toBeDefined();
      expect(await reminderJob(kept.id, kind, kept.due)).toBeDefined();
    }
    const ask = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteAsk', { promiseId, actionId: deleted.id }));
    const confirm = actionData(cardOf(ask), 'action.deleteConfirm');
    const done = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteConfirm', confirm));
    expect(textOf(done)).toContain('Åtgärden är borttagen.');
    expect(textOf(done)).toContain('Medborgarlöfte: Medborgarlöfte Linköping');
    expect(textOf(done)).toContain(kept.text);
    expect(textOf(done)).not.toContain(deleted.text);

    const p = (await stored()).data;
    expect(findAction(p, deleted.id)).toBeUndefined();
    expect(findAction(p, kept.id)).toBeDefined();
    expect(JSON.stringify(p)).not.toContain('3 sök genomförda');
    expect(p.removedActionIds).toEqual([deleted.id]);

    for (const kind of ['due7', 'due0'] as const) {
      expect(await reminderJob(deleted.id, kind, deleted.due)).toBeUndefined();
      expect(await reminderJob(kept.id, kind, kept.due)).toBeDefined();
    }
    const audit = await t.runtime.services.repos.audit.list('promise', promiseId);
    expect(audit.at(-1)).toMatchObject({ actor: CHAIR.aadObjectId, action: `action.delete ${deleted.id}` });
    expect(JSON.stringify(audit)).not.toContain(deleted.text);

    // Pressed again (or by a second chair): it says the item is gone, nothing changes.
    const version = (await stored()).version;
    const again = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteConfirm', confirm));
    expect(textOf(again)).toContain('Åtgärden finns inte längre – en ordförande har tagit bort den. Inget har ändrats.');
    expect((await stored()).version).toBe(version);
  });

  it('the deleted item’s old buttons say it is gone and change nothing', async () => {
    const version = (await stored()).version;
    const gone = 'Åtgärden finns inte längre – en ordförande har tagit bort den. Inget har ändrats.';
    const update = await t.post(invokeExecute(memberChat(), MEMBER, 'action.update', { ...oldUpdateData, status: 'klar', followUp: 'Klart' }));
    expect(textOf(update)).toContain(gone);
    expect(textOf(update)).toContain('action.mine');
    const open = await t.post(invokeExecute(memberChat(), MEMBER, 'action.open', { promiseId, actionId: deleted.id }));
    expect(textOf(open)).toContain(gone);
    for (const verb of ['action.edit', 'action.deleteAsk']) {
      expect(textOf(await t.post(invokeExecute(steering(), CHAIR, verb, { promiseId, actionId: deleted.id })))).toContain(gone);
    }
    const save = await t.post(invokeExecute(steering(), CHAIR, 'action.save', { promiseId, actionId: deleted.id, rev: String(oldUpdateData.rev), text: 'x', owner: MEMBER.aadObjectId, due: '2027-06-01', commitment: 'c1' }));
    expect(textOf(save)).toContain(gone);
    expect((await stored()).version).toBe(version);
  });

  it('forged and unknown ids are refused clearly and change nothing', async () => {
    const version = (await stored()).version;
    const unknown = 'Det finns ingen sådan åtgärd i löftet. Inget har ändrats.';
    const confirm = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteConfirm', { promiseId, actionId: 'x99', rev: 'abc' }));
    expect(textOf(confirm)).toContain(unknown);
    expect(textOf(await t.post(invokeExecute(steering(), CHAIR, 'action.deleteAsk', { promiseId, actionId: 'c1' })))).toContain(unknown);
    // An owner's card pointing at no item shows nothing of the promise.
    const open = await t.post(invokeExecute(otherChat(), OTHER, 'action.open', { promiseId, actionId: 'x99' }));
    expect(textOf(open)).toContain(unknown);
    expect(textOf(open)).not.toContain(kept.text);
    const noPromise = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteConfirm', { promiseId: 'lofte-1999-2000', actionId: kept.id, rev: 'abc' }));
    expect(textOf(noPromise)).toContain('Det finns inte (längre)');
    const malformed = await t.post(invokeExecute(steering(), CHAIR, 'action.deleteConfirm', { promiseId, actionId: kept.id }));
    expect(textOf(malformed)).toContain('Kortet innehöll data som jag inte kan använda');
    expect((await stored()).version).toBe(version);
  });

  it('everything that lists items carries on without it; a new item never gets its id', async () => {
    const s = t.runtime.services;
    const mine = await t.post(invokeExecute(memberChat(), MEMBER, 'action.mine', {}));
    expect(textOf(mine)).toContain(kept.text);
    expect(textOf(mine)).not.toContain(deleted.text);
    const followUp = await t.post(invokeExecute(steering(), CHAIR, 'promise.followUp', { promiseId }));
    expect(textOf(followUp)).toContain('Två vandringar');
    expect(textOf(followUp)).not.toContain(deleted.text);
    expect(textOf(followUp)).toContain('Uppföljningar in: 1 · saknas: 0');
    // A week after the deleted item's due date: it would be late in the digest had it stayed.
    t.clock.set('2027-06-05T06:00:00Z');
    const digest = await renderNotice(s, { conversationId: '19:steering-d@thread.tacv2', template: 'promise.digest' }, 'sv-SE');
    expect(JSON.stringify(digest)).not.toContain(deleted.text);
    expect(JSON.stringify(digest)).toContain(kept.text);

    const created = await t.post(invokeExecute(steering(), CHAIR, 'action.create', { promiseId, text: 'Ny åtgärd', owner: MEMBER.aadObjectId, due: '2027-06-30', commitment: 'c1' }));
    expect(textOf(created)).toContain('Åtgärden **Ny åtgärd** är sparad');
    const ids = (await stored()).data.commitments.flatMap((c) => c.actions.map((a) => a.id));
    expect(ids).not.toContain(deleted.id);
    expect(ids).toHaveLength(2);
    // The deleted item's old update card still points at nothing.
    const update = await t.post(invokeExecute(memberChat(), MEMBER, 'action.update', { ...oldUpdateData, followUp: 'Klart' }));
    expect(textOf(update)).toContain('Åtgärden finns inte längre');
  });

  it('a reminder of the deleted item that fires anyway (e.g. already running) is skipped; its notice renders nothing', async () => {
    const s = t.runtime.services;
    const job = { promiseId, actionId: deleted.id, kind: 'due0' as const, due: deleted.due };
    expect(await sendActionReminder(s, job)).toBe('skipped: gone');
    // Through the real worker: the job completes (no retry, no crash) and queues no notice.
    const notifyBefore = await s.queues.notify.raw.count();
    const queued = await s.queues.actions.add('due0', job, { jobId: `${actionReminderJobId(promiseId, deleted.id, 'due0', deleted.due)}-late` });
    await eventually(async () => (await queued.getState()) === 'completed', 'reminder job completed');
    expect((await s.queues.actions.getJob(queued.id!))!.returnvalue).toBe('skipped: gone');
    expect(await s.queues.notify.raw.count()).toBe(notifyBefore);
    const rendered = await renderNotice(s, { conversationId: 'a:member-d', template: 'action.reminderDue', promiseId, actionId: deleted.id, userAadObjectId: MEMBER.aadObjectId }, 'sv-SE');
    expect(rendered).toBeNull();
  });

  it('an avslutat promise: no item can be deleted, the chair is told so', async () => {
    const s = t.runtime.services;
    const p = await stored();
    await changeStatus(s, promiseId, p.version, 'avslutat', chair);
    const closed = await stored();
    const rev = actionRevision(findAction(closed.data, kept.id)!.action);
    for (const verb of ['action.deleteAsk', 'action.deleteConfirm', 'action.edit']) {
      const res = await t.post(invokeExecute(steering(), CHAIR, verb, { promiseId, actionId: kept.id, rev }));
      expect(textOf(res)).toContain('Löftet är avslutat och kan inte ändras. Inget har ändrats.');
      expect(textOf(res)).not.toContain('action.deleteConfirm');
    }
    const refused = await deleteAction(s, promiseId, kept.id, rev, chair).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).reason).toBe('not-allowed');
    expect((await stored()).version).toBe(closed.version);
    // Owners' updates were already refused on a closed promise; deletion changed nothing there.
    await expect(updateAction(s, promiseId, kept.id, rev, { status: 'klar' }, '2027-1', ownerActor(MEMBER.aadObjectId))).rejects.toMatchObject({ reason: 'not-allowed' });
  });
});
