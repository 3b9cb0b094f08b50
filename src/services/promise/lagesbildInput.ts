import { promiseSummaryForLagesbild, type PromiseLagesbildSummary } from '../../domain/promise/lagesbildSummary.js';
import type { Services } from '../services.js';
import { findCurrentPromise } from './promises.js';
import { todayOf } from './today.js';

/**
 * The medborgarlöfte's input to the lägesbild compile of one meeting (issue 4 calls this):
 * the summary of the promise followed up now, or null when there is none. Pure data.
 */
export async function promiseInputForLagesbild(s: Services, meetingId: string): Promise<PromiseLagesbildSummary | null> {
  const promise = await findCurrentPromise(s);
  if (!promise || promise.data.status === 'utkast') return null;
  const malbilder = (await s.repos.malbilder.list()).map((m) => m.data);
  return promiseSummaryForLagesbild(promise.data, meetingId, todayOf(s), malbilder);
}
