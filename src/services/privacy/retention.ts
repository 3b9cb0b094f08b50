import { utcToZoned, zonedToUtc } from '../../domain/calendar/zonedTime.js';
import type { Services } from '../services.js';
import { pruneAgendasBefore } from './agendaRetention.js';
import { pruneSnapshotsBefore } from './snapshotRetention.js';

/** The instant RETENTION_MONTHS calendar months before `now` (Stockholm wall clock, midnight). */
export function retentionCutoff(now: Date, months: number, timeZone: string): Date {
  const local = utcToZoned(now, timeZone).date;
  const [y, m, d] = local.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return zonedToUtc(date, '00:00', timeZone);
}

export interface RetentionResult {
  cutoff: string;
  answersDeleted: number;
  snapshotsPruned: number;
  agendasPruned: number;
}

/**
 * The nightly retention job: forum answers whose last version is older than
 * RETENTION_MONTHS are deleted with every version (the audit trail keeps who changed
 * what and when — field names only, never text); compiled snapshots and their agendas are
 * then pruned of intern/känslig text. Idempotent.
 */
export async function runRetention(s: Services): Promise<RetentionResult> {
  const cutoff = retentionCutoff(s.clock(), s.config.RETENTION_MONTHS, s.config.TIMEZONE);
  let answersDeleted = 0;
  for (const id of await s.repos.answers.ids()) {
    const a = await s.repos.answers.get(id);
    if (!a) {
      continue;
    }
    const last = Date.parse(a.data.submittedAt || a.updatedAt);
    if (Number.isFinite(last) && last < cutoff.getTime()) {
      await s.repos.answers.delete(id, 'retention', 'retention');
      answersDeleted++;
    }
  }
  const snapshotsPruned = await pruneSnapshotsBefore(s, cutoff);
  const agendasPruned = await pruneAgendasBefore(s, cutoff);
  return { cutoff: cutoff.toISOString(), answersDeleted, snapshotsPruned, agendasPruned };
}
