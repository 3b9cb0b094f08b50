import { utcToZoned } from '../../domain/calendar/zonedTime.js';
import type { Services } from '../services.js';

/** Today's local date in the steering group's zone: the date every status rule is judged on. */
export function todayOf(s: Services): string {
  return utcToZoned(s.clock(), s.config.TIMEZONE).date;
}
