// Demo data of the medborgarlöfte for `npm run demo` (called from scripts/demo-seed.ts):
// an agreed promise for this year and the next with three commitments and action items in
// every state (one late, one due soon, one done, one with a follow-up), owned by the
// Playground's user, and the målbild of Berga with two indicators and readings.
// Idempotent: nothing is written when a promise already exists. Every name is invented.
import { addDays } from '../src/domain/calendar/localDate.js';
import { utcToZoned } from '../src/domain/calendar/zonedTime.js';
import { findAction } from '../src/domain/promise/promise.js';
import type { Services } from '../src/services/services.js';
import { actionRevision, createAction, updateAction } from '../src/services/promise/actions.js';
import type { PromiseActor } from '../src/services/promise/actor.js';
import { currentFollowUpMeetingId } from '../src/services/promise/followUp.js';
import { addIndicator, addReading, saveStatements } from '../src/services/promise/malbilder.js';
import { changeStatus, createPromise, saveCommitment } from '../src/services/promise/promises.js';

const SEEDER: PromiseActor = { id: 'demo-seed', aadObjectId: 'demo-seed', isChair: true };

export async function seedPromiseDemo(s: Services, owner: { aadObjectId: string; name: string }, lines: string[]): Promise<void> {
  if ((await s.repos.promises.ids()).length > 0) {
    lines.push('medborgarlöfte: (kept)');
    return;
  }
  const today = utcToZoned(s.clock(), s.config.TIMEZONE).date;
  const year = Number(today.slice(0, 4));
  // The Playground's user is known to the bot, so a chair can pick them as an owner.
  await s.repos.people.seen(owner.aadObjectId, owner.name);

  const district = s.config.DISTRICTS[0]!;
  await saveStatements(s, district, undefined, [`Boende i ${district} känner sig trygga utomhus på kvällen`, 'Fler vuxna rör sig i centrum på helgkvällar'], SEEDER);
  const withIndicators = await addIndicator(
    s,
    district,
    { name: 'Andel som känner sig trygga ute på kvällen', unit: '%', direction: 'increase', baseline: { value: 52, date: `${year - 1}-10-01` }, target: { value: 70, date: `${year + 1}-10-01` } },
    SEEDER,
  );
  await addIndicator(s, district, { name: 'Anmälda skadegörelsebrott per månad', unit: 'antal', direction: 'decrease', baseline: { value: 40, date: `${year - 1}-10-01` }, target: { value: 25, date: `${year + 1}-10-01` } }, SEEDER);
  for (const [indicatorId, value, date] of [
    ['i1', 55, addDays(today, -120)],
    ['i1', 61, addDays(today, -20)],
    ['i2', 38, addDays(today, -120)],
    ['i2', 33, addDays(today, -20)],
  ] as const) {
    await addReading(s, withIndicators.id, { indicatorId, value, date }, SEEDER);
  }

  const promise = await createPromise(s, { title: `Medborgarlöfte Linköping ${year}–${year + 1}`, periodFrom: `${year}-01-01`, periodTo: `${year + 1}-12-31` }, SEEDER);
  const c1 = (await saveCommitment(s, promise.id, undefined, { text: `Polis och kommun ökar närvaron i ${district} på kvällar och helger`, responsible: 'bada', districts: [district], malbildId: withIndicators.id }, SEEDER)).commitmentId;
  const c2 = (await saveCommitment(s, promise.id, undefined, { text: 'Polisen genomför riktade insatser mot narkotikaförsäljning vid skolor', responsible: 'polisen', districts: [district] }, SEEDER)).commitmentId;
  await saveCommitment(s, promise.id, undefined, { text: 'Kommunen förbättrar belysningen längs gång- och cykelvägar', responsible: 'kommunen', districts: s.config.DISTRICTS.slice(0, 3) }, SEEDER);

  const add = (commitmentId: string, text: string, due: string) =>
    createAction(s, promise.id, { text, ownerAadObjectId: owner.aadObjectId, ownerName: owner.name, due, commitmentId }, SEEDER);
  await add(c1, 'Trygghetsvandring med boende och fastighetsägare', addDays(today, -10));
  await add(c1, 'Fältassistenter ute fredagskvällar', addDays(today, 5));
  const searches = (await add(c2, 'Narkotikasök i skolmiljö', addDays(today, 40))).action;
  const meetingId = await currentFollowUpMeetingId(s);
  await updateAction(s, promise.id, searches.id, actionRevision(searches), { status: 'pagar', followUpText: '6 narkotikasök genomförda', count: 6 }, meetingId, SEEDER);
  const done = (await add(c2, 'Informationsmöte för föräldrar', addDays(today, 20))).action;
  const doneNow = findAction((await s.repos.promises.require(promise.id)).data, done.id)!.action;
  await updateAction(s, promise.id, done.id, actionRevision(doneNow), { status: 'klar', followUpText: 'Genomfört med 45 deltagare', count: 45 }, meetingId, SEEDER);

  const latest = await s.repos.promises.require(promise.id);
  await changeStatus(s, promise.id, latest.version, 'faststallt', SEEDER);
  lines.push(`medborgarlöfte: "${promise.data.title}" with 3 commitments and 4 action items owned by ${owner.name}; målbild ${district} (new)`);
}
