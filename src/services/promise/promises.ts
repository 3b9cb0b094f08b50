/**
 * Use-cases of the promise itself: create, edit, fastställ, avsluta, and its commitments.
 * Chairs only (checked here as well as in the handlers); every change is one versioned
 * write of the promise with an audit line naming what changed (ids, never text).
 */
import { DomainError, notAllowed, notFound, staleWrite } from '../../domain/errors.js';
import { currentPromise, nextId, promiseIdFor, rankPromises } from '../../domain/promise/currentPromise.js';
import type { CommitmentFormValue, PromiseFormValue } from '../../domain/promise/promiseForm.js';
import type { CitizenPromise, Commitment, PromiseStatus } from '../../domain/promise/promise.js';
import { revisionOf } from '../../domain/promise/revision.js';
import { canEditPromise, changePromiseStatus } from '../../domain/promise/transitions.js';
import type { Stored } from '../../store/versionedRepository.js';
import type { Services } from '../services.js';
import type { PromiseActor } from './actor.js';
import { rescheduleAllReminders } from './reminders.js';
import { todayOf } from './today.js';

export async function listPromises(s: Services): Promise<Stored<CitizenPromise>[]> {
  return rankPromises(await s.repos.promises.list(), todayOf(s));
}

export async function findCurrentPromise(s: Services): Promise<Stored<CitizenPromise> | undefined> {
  return currentPromise(await s.repos.promises.list(), todayOf(s));
}

export async function createPromise(s: Services, form: PromiseFormValue, actor: PromiseActor): Promise<Stored<CitizenPromise>> {
  if (!actor.isChair) throw notAllowed('create promise');
  const taken = await s.repos.promises.ids();
  const id = promiseIdFor(form.periodFrom, form.periodTo, taken);
  return s.repos.promises.create(id, { id, title: form.title, periodFrom: form.periodFrom, periodTo: form.periodTo, status: 'utkast', commitments: [] }, actor.id, 'promise.create');
}

/** Title and period; refused as stale when the chair's card was based on an older version. */
export async function editPromise(s: Services, id: string, expectedVersion: number, form: PromiseFormValue, actor: PromiseActor): Promise<Stored<CitizenPromise>> {
  const current = await s.repos.promises.require(id);
  if (!canEditPromise(current.data, actor)) throw notAllowed('edit promise');
  return s.repos.promises.update(id, expectedVersion, { ...current.data, ...form }, actor.id, 'promise.edit');
}

export async function changeStatus(s: Services, id: string, expectedVersion: number, to: PromiseStatus, actor: PromiseActor): Promise<Stored<CitizenPromise>> {
  const current = await s.repos.promises.require(id);
  const next = changePromiseStatus(current.data, to, { isChair: actor.isChair, id: actor.id }, s.clock());
  const saved = await s.repos.promises.update(id, expectedVersion, next, actor.id, `promise.${to}`);
  // A closed promise is no longer followed up: its reminders go; agreeing changes none.
  if (to === 'avslutat') await rescheduleAllReminders(s, saved.data, current.data);
  return saved;
}

/**
 * Adds a commitment (no `commitmentId`) or changes one. An edit names the revision of
 * the commitment the card showed; any change to it since is a stale write, while
 * changes elsewhere in the promise are not.
 */
export async function saveCommitment(
  s: Services,
  promiseId: string,
  edit: { commitmentId: string; rev: string } | undefined,
  form: CommitmentFormValue,
  actor: PromiseActor,
): Promise<{ stored: Stored<CitizenPromise>; commitmentId: string }> {
  let commitmentId = edit?.commitmentId ?? '';
  const stored = await s.repos.promises.mutate(promiseId, actor.id, edit ? `commitment.edit ${edit.commitmentId}` : 'commitment.add', (p) => {
    if (!p) throw notFound('promise', promiseId);
    if (!canEditPromise(p, actor)) throw notAllowed('edit promise');
    const fields = { text: form.text, responsible: form.responsible, districts: form.districts };
    if (!edit) {
      commitmentId = nextId('c', p.commitments.map((c) => c.id));
      const added: Commitment = { id: commitmentId, ...fields, ...(form.malbildId ? { malbildId: form.malbildId } : {}), actions: [] };
      return { ...p, commitments: [...p.commitments, added] };
    }
    const existing = p.commitments.find((c) => c.id === edit.commitmentId);
    if (!existing) throw notFound('commitment', edit.commitmentId);
    if (commitmentRevision(existing) !== edit.rev) throw staleWrite('commitment', edit.commitmentId, 0);
    const { malbildId: _old, ...rest } = existing;
    const changed: Commitment = { ...rest, ...fields, ...(form.malbildId ? { malbildId: form.malbildId } : {}) };
    return { ...p, commitments: p.commitments.map((c) => (c.id === existing.id ? changed : c)) };
  });
  if (!stored) throw new DomainError('conflict', 'promise unchanged');
  return { stored, commitmentId };
}

/** A commitment's own fields, without its action items (owners' updates do not make a chair's edit stale). */
export function commitmentRevision(c: Commitment): string {
  const { actions: _actions, ...own } = c;
  return revisionOf(own);
}
