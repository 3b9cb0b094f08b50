/**
 * Which promise "löfte" shows when there are several (a closed one, the running one, a
 * draft for the next period): the one being followed up now. Pure: the caller passes
 * today's local date.
 */
import { compareIsoDates, type IsoDate } from '../calendar/localDate.js';
import type { CitizenPromise } from './promise.js';

const runs = (p: CitizenPromise, today: IsoDate) => compareIsoDates(p.periodFrom, today) <= 0 && compareIsoDates(today, p.periodTo) <= 0;

/**
 * Order of preference: a fastställt promise whose period includes today; else any open
 * (not avslutat) one, the latest period first; else the latest closed one.
 */
export function rankPromises<P extends { data: CitizenPromise }>(promises: readonly P[], today: IsoDate): P[] {
  const score = (p: CitizenPromise) => (p.status === 'faststallt' && runs(p, today) ? 0 : p.status !== 'avslutat' ? 1 : 2);
  return [...promises].sort((a, b) => score(a.data) - score(b.data) || compareIsoDates(b.data.periodFrom, a.data.periodFrom) || a.data.id.localeCompare(b.data.id));
}

export function currentPromise<P extends { data: CitizenPromise }>(promises: readonly P[], today: IsoDate): P | undefined {
  return rankPromises(promises, today)[0];
}

/** The promises still followed up (reminders, digest, follow-up requests). */
export function openPromises<P extends { data: CitizenPromise }>(promises: readonly P[]): P[] {
  return promises.filter((p) => p.data.status !== 'avslutat');
}

/** A readable, URL- and job-id-safe id from the period ("lofte-2027-2028"). */
export function promiseIdFor(periodFrom: IsoDate, periodTo: IsoDate, taken: readonly string[]): string {
  const base = `lofte-${periodFrom.slice(0, 4)}-${periodTo.slice(0, 4)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** Next free id with a prefix ("c3", "x12"): ids are never reused, so old links and jobs stay unambiguous. */
export function nextId(prefix: string, existing: readonly string[]): string {
  const max = existing.reduce((m, id) => {
    const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : NaN;
    return Number.isSafeInteger(n) && n > m ? n : m;
  }, 0);
  return `${prefix}${max + 1}`;
}
