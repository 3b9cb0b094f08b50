/**
 * Organisations for the regional picture's integration tests: each a `makeTestServices`
 * under its own KEY_PREFIX, with a confirmed 2027, forums whose answers carry the
 * sensitivity markers (test/support/lagesbild.ts: forum 0 känslig, 1 intern, the rest
 * öppen), and the first meeting's lägesbild compiled, approved and published the way a
 * chair does it (runCompile, editAgenda approve, publishLagesbild).
 */
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { STEERING_ID } from '../../src/domain/steering.js';
import { editAgenda } from '../../src/services/lagesbild/agenda.js';
import { requestCompile, runCompile } from '../../src/services/lagesbild/compile.js';
import { publishLagesbild } from '../../src/services/lagesbild/publish.js';
import { confirmPlan } from '../../src/services/meetings.js';
import type { Services } from '../../src/services/services.js';
import { CHAIR } from './activities.js';
import { addForums } from './lagesbild.js';

export const MEETING = '2027-1';
export const STEERING_REGIONAL = '19:steering-regional@thread.tacv2';
const chair = { id: CHAIR.aadObjectId, isChair: true };

/** A confirmed year and forums with answers; nothing compiled. */
export async function seedOrganisation(s: Services, opts: { forums: number; answered: number }): Promise<string[]> {
  const proposal = proposeYearPlan(2027, s.planSettings);
  await confirmPlan(s, 2027, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.aadObjectId);
  // An organisation made with createOrganisation has its steering channel already.
  if (!(await s.repos.steering.get(STEERING_ID))) {
    await s.repos.steering.create(STEERING_ID, { conversationId: STEERING_REGIONAL, registeredBy: CHAIR.aadObjectId, registeredAt: s.clock().toISOString(), extraChairIds: [], memberIds: [] }, 'seed');
  }
  return addForums(s, MEETING, opts.forums, opts.answered);
}

/** Compiles the meeting now (no worker: the job's work run in place). */
export async function compileNow(s: Services): Promise<void> {
  const { run } = await requestCompile(s, { meetingId: MEETING, trigger: 'command', actor: CHAIR.aadObjectId });
  const outcome = await runCompile(s, MEETING, run);
  if (outcome.status !== 'compiled') throw new Error(`compile ${outcome.status}`);
}

/** Approves the current agenda and publishes. */
export async function approveAndPublish(s: Services): Promise<void> {
  const agenda = await s.repos.agendas.require(MEETING);
  await editAgenda(s, MEETING, agenda.version, { kind: 'approve' }, chair);
  const result = await publishLagesbild(s, MEETING, chair);
  if (!result.ok) throw new Error(`publish ${result.reason}`);
}
