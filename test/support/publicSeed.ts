/**
 * A published public version for tests of the residents' pages: a promise with a late
 * item (and its explanation), a done one, a stopped one, a linked målbild with an
 * indicator, and texts that must never be public (names, intern agenda text, personal data).
 */
import { findAction } from '../../src/domain/promise/promise.js';
import { actionRevision, updateAction } from '../../src/services/promise/actions.js';
import { saveCommitment, changeStatus } from '../../src/services/promise/promises.js';
import { addIndicator, addReading, saveStatements } from '../../src/services/promise/malbilder.js';
import { previewPublication, publishPublication } from '../../src/services/public/publication.js';
import { fingerprint } from '../../src/domain/public/publicVersion.js';
import type { Services } from '../../src/services/services.js';
import { chair, ownerActor, seedAction, seedPromise } from './promise.js';

export const OWNER = { aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000f1', name: 'Fredrika Påhittad' };
export const SECRET_FOLLOW_UP = 'Ring Nils på 070-123 45 67 om nycklarna';

export interface PublicSeed {
  promiseId: string;
  lateText: string;
  lateWhy: string;
}

export async function seedPublishedPromise(s: Services): Promise<PublicSeed> {
  const { promiseId, commitmentId } = await seedPromise(s, { periodFrom: '2027-01-01', periodTo: '2028-12-31' });
  const late = await seedAction(s, promiseId, commitmentId, OWNER, '2027-03-31', 'Trygghetsvandringar varje månad i Berga');
  const done = await seedAction(s, promiseId, commitmentId, OWNER, '2027-12-31', 'Narkotikasök vid skolor');
  const { commitmentId: ryd } = await saveCommitment(s, promiseId, undefined, { text: 'Bättre belysning i Ryd', responsible: 'kommunen', districts: ['Ryd'] }, chair);
  await seedAction(s, promiseId, ryd, OWNER, '2027-10-31', 'Byta armaturer i gångtunnlar');
  await changeStatus(s, promiseId, (await s.repos.promises.require(promiseId)).version, 'faststallt', chair);

  const rev = async (id: string) => actionRevision(findAction((await s.repos.promises.require(promiseId)).data, id)!.action);
  const lateWhy = 'Två av fyra vandringar gjorda; fler volontärer behövs';
  await updateAction(s, promiseId, late.action.id, await rev(late.action.id), { status: 'pagar', followUpText: lateWhy, count: 2 }, '2027-1', ownerActor(OWNER.aadObjectId));
  await updateAction(s, promiseId, done.action.id, await rev(done.action.id), { status: 'klar', followUpText: '6 narkotikasök', count: 6 }, '2027-1', ownerActor(OWNER.aadObjectId));
  await updateAction(s, promiseId, done.action.id, await rev(done.action.id), { followUpText: SECRET_FOLLOW_UP }, '2027-2', ownerActor(OWNER.aadObjectId));

  await saveStatements(s, 'Berga', undefined, ['Boende i Berga känner sig trygga utomhus på kvällen'], chair);
  await addIndicator(s, 'Berga', { name: 'Andel som känner sig trygga', unit: '%', direction: 'increase', baseline: { value: 58, date: '2026-01-01' }, target: { value: 70, date: '2028-12-31' } }, chair);
  const malbild = (await s.repos.malbilder.list())[0]!;
  await addReading(s, malbild.id, { indicatorId: malbild.data.indicators[0]!.id, value: 62, date: '2027-03-01' }, chair);
  // Link the commitment to the målbild.
  await s.repos.promises.mutate(promiseId, 'test', 'link', (p) => (p ? { ...p, commitments: p.commitments.map((c) => (c.id === commitmentId ? { ...c, malbildId: malbild.id } : c)) } : null));

  await publishNow(s, promiseId);
  return { promiseId, lateText: late.action.text, lateWhy };
}

export async function publishNow(s: Services, promiseId: string, hidden: string[] = []): Promise<void> {
  const preview = (await previewPublication(s, chair, { promiseId, hidden }))!;
  await publishPublication(s, chair, { promiseId, hidden, basedOn: preview.current?.version ?? 0, previewed: fingerprint(preview.projection.version) });
}
