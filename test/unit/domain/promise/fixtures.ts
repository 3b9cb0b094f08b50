/** Small builders for promise tests: valid defaults, overridden per case. */
import type { ActionItem, CitizenPromise, Commitment, FollowUpEntry } from '../../../../src/domain/promise/promise.js';

export const STHLM = 'Europe/Stockholm';

export function action(id: string, over: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    text: `Åtgärd ${id}`,
    ownerAadObjectId: 'owner-1',
    ownerName: 'Olle Ägare',
    due: '2026-06-15',
    status: 'pagar',
    followUps: [],
    ...over,
  };
}

export function followUp(meetingId: string, text: string, over: Partial<FollowUpEntry> = {}): FollowUpEntry {
  return { meetingId, text, by: 'owner-1', at: '2026-05-01T10:00:00.000Z', ...over };
}

export function commitment(id: string, actions: ActionItem[], over: Partial<Commitment> = {}): Commitment {
  return { id, text: `Åtagande ${id}`, responsible: 'bada', districts: ['Berga'], actions, ...over };
}

export function citizenPromise(commitments: Commitment[], over: Partial<CitizenPromise> = {}): CitizenPromise {
  return {
    id: 'lofte-2026',
    title: 'Medborgarlöfte 2026–2027',
    periodFrom: '2026-01-01',
    periodTo: '2027-12-31',
    status: 'faststallt',
    commitments,
    agreedBy: 'chair-1',
    agreedAt: '2026-01-20T12:00:00.000Z',
    ...over,
  };
}
