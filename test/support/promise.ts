/** Seeding helpers for medborgarlöfte integration tests (real services, real Redis). */
import { conversationKey, type ConversationKind } from '../../src/domain/conversation.js';
import type { Services } from '../../src/services/services.js';
import { createAction } from '../../src/services/promise/actions.js';
import type { PromiseActor } from '../../src/services/promise/actor.js';
import { createPromise, saveCommitment } from '../../src/services/promise/promises.js';

export const CHAIR_ID = 'chair-0000-aad';
export const chair: PromiseActor = { id: CHAIR_ID, aadObjectId: CHAIR_ID, isChair: true };
export const ownerActor = (aad: string): PromiseActor => ({ id: aad, aadObjectId: aad, isChair: false });

export async function addConversation(s: Services, conversationId: string, kind: ConversationKind, userAadObjectId?: string): Promise<void> {
  await s.repos.conversations.create(
    conversationKey(conversationId),
    {
      conversationId,
      kind,
      ...(userAadObjectId ? { userAadObjectId } : {}),
      reference: { serviceUrl: 'http://127.0.0.1:1/', conversation: { id: conversationId }, channelId: 'msteams' },
      active: true,
      installedAt: s.clock().toISOString(),
    },
    'test',
  );
}

export async function registerSteering(s: Services, conversationId = '19:steering@thread.tacv2'): Promise<void> {
  await addConversation(s, conversationId, 'channel');
  await s.repos.steering.create('styrgrupp', { conversationId, registeredBy: CHAIR_ID, registeredAt: s.clock().toISOString(), extraChairIds: [], memberIds: [] }, CHAIR_ID);
}

/** A promise with one commitment; returns ids. */
export async function seedPromise(s: Services, over: { periodFrom?: string; periodTo?: string } = {}): Promise<{ promiseId: string; commitmentId: string }> {
  const p = await createPromise(s, { title: 'Medborgarlöfte Linköping', periodFrom: over.periodFrom ?? '2027-01-01', periodTo: over.periodTo ?? '2028-12-31' }, chair);
  const { commitmentId } = await saveCommitment(s, p.id, undefined, { text: 'Fler vuxna ute i Berga', responsible: 'bada', districts: ['Berga'] }, chair);
  return { promiseId: p.id, commitmentId };
}

export async function seedAction(s: Services, promiseId: string, commitmentId: string, owner: { aadObjectId: string; name: string }, due: string, text = 'Trygghetsvandring') {
  return createAction(s, promiseId, { text, ownerAadObjectId: owner.aadObjectId, ownerName: owner.name, due, commitmentId }, chair);
}
