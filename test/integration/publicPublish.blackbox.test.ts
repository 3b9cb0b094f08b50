import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hideKey } from '../../src/domain/public/publicVersion.js';
import { findAction } from '../../src/domain/promise/promise.js';
import { actionRevision, updateAction } from '../../src/services/promise/actions.js';
import { changeStatus } from '../../src/services/promise/promises.js';
import { CHAIR, MEMBER, channel, invokeExecute } from '../support/activities.js';
import { actionData } from '../support/cardData.js';
import { chair, ownerActor, seedAction, seedPromise } from '../support/promise.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Black box: a chair publishes the promise for the residents from the promise card,
 * through the real adapter: preview of exactly what becomes public, "visa inte", confirm;
 * republishing shows what changed; stale cards and other chairs' publications are caught;
 * nobody else can publish; names and intern text never reach the public version.
 */
const INTERN = 'Oro för rekrytering till gäng vid Ryds centrum';
let t: TestRuntime;
let promiseId = '';
let walkId = '';

type Res = { body: unknown };
const cardOf = (res: Res) => (res.body as { value: unknown }).value;
const textOf = (res: Res) => JSON.stringify(cardOf(res));
/** The card without its "visa inte" choices (which name every item so a chair can pick it). */
const shownOf = (res: Res) => JSON.stringify((cardOf(res) as { body: { id?: string }[] }).body.filter((e) => e.id !== 'hidden'));
const steering = () => channel(t.connector.url, '19:steering-pub@thread.tacv2', 'Styrgrupp');
const memberChat = () => ({ conversationId: 'a:member-pub', conversationType: 'personal' as const, serviceUrl: t.connector.url });
const current = () => t.runtime.services.repos.publicVersions.current('linkoping');

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-05-10T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId } });
  const s = t.runtime.services;
  const seeded = await seedPromise(s);
  promiseId = seeded.promiseId;
  walkId = (await seedAction(s, promiseId, seeded.commitmentId, MEMBER, '2027-09-30', 'Trygghetsvandringar i Berga')).action.id;
  await seedAction(s, promiseId, seeded.commitmentId, MEMBER, '2027-09-30', INTERN);
  await changeStatus(s, promiseId, (await s.repos.promises.require(promiseId)).version, 'faststallt', chair);
  const p = await s.repos.promises.require(promiseId);
  await updateAction(s, promiseId, walkId, actionRevision(findAction(p.data, walkId)!.action), { status: 'pagar', followUpText: 'Två vandringar gjorda', count: 2 }, '2027-1', ownerActor(MEMBER.aadObjectId));
  // An intern agenda item of the steering group: the same words in the promise stay internal.
  await s.repos.agendas.create(
    '2027-1',
    {
      meetingId: '2027-1',
      agenda: {
        meetingId: '2027-1',
        audience: 'chairs',
        contentHash: 'x',
        status: 'approved',
        meetingMinutes: 120,
        items: [{ id: 'q-1', kind: 'question', title: INTERN, minutes: 20, source: null, sensitivity: 'intern', removed: false }],
        notOnAgenda: [],
        totalMinutes: 20,
      },
      snapshotVersion: 1,
      published: null,
      chairEdited: false,
    },
    'system',
  );
});

afterAll(async () => {
  await t?.cleanup();
});

describe('publishing for the residents', () => {
  it('only chairs: a member’s preview and confirm are refused and nothing is published', async () => {
    for (const verb of ['public.preview', 'public.confirm']) {
      const res = await t.post(invokeExecute(memberChat(), MEMBER, verb, { promiseId, basedOn: 0, previewed: 'v-000000000000' }));
      expect(textOf(res)).toContain('Det får du inte göra här');
      expect(textOf(res)).not.toContain('Trygghetsvandringar');
    }
    expect(await current()).toBeNull();
  });

  it('the chair opens the preview from the promise card: exactly what becomes public, no names, no intern text', async () => {
    const promiseCard = await t.post(invokeExecute(steering(), CHAIR, 'promise.show', { promiseId }));
    expect(textOf(promiseCard)).toContain('Publicera för invånarna');
    const preview = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', actionData(cardOf(promiseCard), 'public.preview')));
    const body = textOf(preview);
    expect(body).toContain('Förhandsvisning: detta blir offentligt');
    expect(body).toContain('Trygghetsvandringar i Berga');
    expect(body).toContain('Två vandringar gjorda');
    expect(body).toContain('Löftet har inte publicerats förut.');
    expect(body).toContain('1 text visas inte');
    expect(body).not.toContain(MEMBER.name);
    // The intern text shows only as a "visa inte" choice label for the chair, never in the preview itself.
    expect(shownOf(preview)).not.toContain(INTERN);
  });

  it('"visa inte" leaves an item out; confirm publishes exactly the preview, audited', async () => {
    const open = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { promiseId }));
    const hidden = hideKey.followUp(walkId, '2027-1');
    const refreshed = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { ...actionData(cardOf(open), 'public.preview'), hidden }));
    expect(shownOf(refreshed)).not.toContain('Två vandringar gjorda');
    expect(textOf(refreshed)).toContain('1 del lämnas utanför');
    const done = await t.post(invokeExecute(steering(), CHAIR, 'public.confirm', { ...actionData(cardOf(refreshed), 'public.confirm'), hidden }));
    expect(textOf(done)).toContain('Publicerat. Sidan för invånarna: https://samverkan.example.se/invanare/linkoping');

    const published = await current();
    expect(published?.version).toBe(1);
    expect(published?.data.hidden).toEqual([hidden]);
    const pub = JSON.stringify(published?.data.version);
    expect(pub).toContain('Trygghetsvandringar i Berga');
    for (const never of ['Två vandringar gjorda', INTERN, MEMBER.name, MEMBER.aadObjectId, CHAIR.aadObjectId, promiseId, walkId]) expect(pub).not.toContain(never);
    const audit = await t.runtime.services.repos.audit.list('publicversion', 'linkoping');
    expect(audit.map((a) => [a.actor, a.action])).toEqual([[CHAIR.aadObjectId, 'publish']]);
  });

  it('republishing shows what changed; a card whose content changed since is shown again, not published', async () => {
    const s = t.runtime.services;
    const before = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { promiseId }));
    expect(textOf(before)).toContain('Inget har ändrats sedan förra publiceringen.');
    // The choice carries over from the last publication.
    expect(textOf(before)).toContain('1 del lämnas utanför');

    const p = await s.repos.promises.require(promiseId);
    t.clock.advance(30 * 24 * 3600_000);
    await updateAction(s, promiseId, walkId, actionRevision(findAction(p.data, walkId)!.action), { followUpText: 'Fyra vandringar, belysning beställd', count: 4 }, '2027-2', ownerActor(MEMBER.aadObjectId));

    const stale = await t.post(invokeExecute(steering(), CHAIR, 'public.confirm', { ...actionData(cardOf(before), 'public.confirm'), hidden: hideKey.followUp(walkId, '2027-1') }));
    expect(textOf(stale)).toContain('Valet ändrades efter förhandsvisningen');
    expect(textOf(stale)).toContain('Ändrat sedan förra publiceringen');
    expect(textOf(stale)).toContain('Nytt: 2027-2: Fyra vandringar, belysning beställd');
    expect((await current())?.version).toBe(1);

    // The earlier follow-up left out last time is still offered (ticked), so it can be shown again.
    const choice = (cardOf(stale) as { body: { id?: string; value?: string; choices?: { value: string }[] }[] }).body.find((e) => e.id === 'hidden')!;
    expect(choice.value).toBe(hideKey.followUp(walkId, '2027-1'));
    expect(choice.choices!.map((c) => c.value)).toEqual(expect.arrayContaining([hideKey.followUp(walkId, '2027-1'), hideKey.followUp(walkId, '2027-2')]));
    const done = await t.post(invokeExecute(steering(), CHAIR, 'public.confirm', { ...actionData(cardOf(stale), 'public.confirm'), hidden: choice.value }));
    expect(textOf(done)).toContain('Publicerat.');
    expect((await current())?.version).toBe(2);
    expect(JSON.stringify((await current())?.data.version)).toContain('Fyra vandringar');
    expect(JSON.stringify((await current())?.data.version)).not.toContain('Två vandringar gjorda');
    expect((await s.repos.publicVersions.history('linkoping')).length).toBe(2);
  });

  it('two chairs on the same basis: the second is shown the preview against the newest publication', async () => {
    const a = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { promiseId, hidden: '' }));
    const b = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { promiseId, hidden: '' }));
    expect(textOf(await t.post(invokeExecute(steering(), CHAIR, 'public.confirm', { ...actionData(cardOf(a), 'public.confirm'), hidden: '' })))).toContain('Publicerat.');
    const second = await t.post(invokeExecute(steering(), CHAIR, 'public.confirm', { ...actionData(cardOf(b), 'public.confirm'), hidden: '' }));
    expect(textOf(second)).toContain('Någon annan har publicerat under tiden');
    expect((await current())?.version).toBe(3);
    expect(JSON.stringify((await current())?.data.version)).toContain('Två vandringar gjorda');
  });

  it('a draft promise is refused by the service, even from an old or forged card; nothing is published', async () => {
    const draft = await seedPromise(t.runtime.services, { periodFrom: '2029-01-01', periodTo: '2030-12-31' });
    const before = await current();
    const preview = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { promiseId: draft.promiseId }));
    expect(textOf(preview)).toContain('Löftet är ett utkast och kan inte publiceras');
    const forged = { promiseId: draft.promiseId, hidden: '', basedOn: before?.version ?? 0, previewed: 'v-000000000000' };
    expect(textOf(await t.post(invokeExecute(steering(), CHAIR, 'public.confirm', forged)))).toContain('Löftet är ett utkast och kan inte publiceras');
    expect((await current())?.version).toBe(before?.version);
  });

  it('speaks English to an English-speaking chair', async () => {
    const res = await t.post(invokeExecute(steering(), CHAIR, 'public.preview', { promiseId }, 'en-GB'));
    expect(textOf(res)).toContain('Preview: this becomes public');
    expect(textOf(res)).toContain('Publish');
  });
});
