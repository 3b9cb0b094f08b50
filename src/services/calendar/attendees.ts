import type { Attendee } from '../../domain/calendar/graphEvent.js';
import { STEERING_ID } from '../../domain/steering.js';
import type { Services } from '../services.js';
import type { CalendarApi } from './calendarApi.js';

/** A member of the steering channel as Teams lists it (the channel's roster). */
export interface RosterMember {
  aadObjectId: string;
  name?: string;
}

/** The steering channel's roster; null when Teams could not be asked (then the members seen are used). */
export interface RosterSource {
  steeringMembers(s: Services): Promise<RosterMember[] | null>;
}

export interface SteeringAttendees {
  attendees: Attendee[];
  /** Display names of members whose Entra account no longer exists (not invited). */
  missing: string[];
}

/**
 * Who is invited: the steering channel's roster, the members seen acting there and the
 * chairs, looked up in the directory by Entra object id. Ids the directory no longer
 * knows are left out and named, so the chairs can tidy the channel.
 */
export async function steeringAttendees(s: Services, api: CalendarApi, roster?: RosterSource): Promise<SteeringAttendees> {
  const steering = await s.repos.steering.get(STEERING_ID);
  const listed = await roster?.steeringMembers(s).catch((err: Error) => {
    s.log.warn({ err: err.message }, 'steering roster unavailable; inviting the members seen');
    return null;
  });
  const names = new Map<string, string | undefined>();
  const add = (id: string, name?: string) => {
    const key = id.toLowerCase();
    if (!names.has(key) || (name && !names.get(key))) names.set(key, name);
  };
  for (const m of listed ?? []) add(m.aadObjectId, m.name);
  for (const id of steering?.data.memberIds ?? []) add(id);
  for (const id of [...s.config.CHAIR_IDS, ...(steering?.data.extraChairIds ?? [])]) add(id);

  const ids = [...names.keys()];
  const users = await api.findUsers(ids);
  const found = new Set(users.map((u) => u.id.toLowerCase()));
  const missing: string[] = [];
  for (const id of ids.filter((x) => !found.has(x))) {
    missing.push(names.get(id) ?? (await s.repos.people.get(id))?.name ?? `(${id.slice(0, 8)}…)`);
  }
  return { attendees: users.map((u) => ({ address: u.address, name: u.displayName })), missing: missing.sort((a, b) => a.localeCompare(b, 'sv')) };
}
