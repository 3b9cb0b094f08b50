import { MemoryStorage, TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { RouteScopedTurnState, noRouteUsesTurnState, type UsesTurnState } from '../../../src/bot/turnState.js';

/** A storage that counts what teams-ai asks of it. */
function countingStorage() {
  const inner = new MemoryStorage();
  const calls = { read: 0, write: 0 };
  const storage: Storage = {
    read: (keys: string[]) => {
      calls.read++;
      return inner.read(keys);
    },
    write: (changes: StoreItems) => {
      calls.write++;
      return inner.write(changes);
    },
    delete: (keys: string[]) => inner.delete(keys),
  };
  return { storage, calls };
}

const activity = (type: string) => ({ type, channelId: 'msteams', conversation: { id: 'c1', isGroup: true, conversationType: 'channel', name: '' }, from: { id: 'u1', name: '' }, recipient: { id: 'b1', name: '' } });

async function turn(uses: UsesTurnState, type: string, storage: Storage, change: boolean): Promise<RouteScopedTurnState> {
  const ctx = new TurnContext(new TestAdapter(), activity(type));
  const state = new RouteScopedTurnState(uses);
  await state.load(ctx, storage);
  const conv = state.conversation as Record<string, unknown>;
  if (change) conv.seen = ((conv.seen as number | undefined) ?? 0) + 1;
  await state.save(ctx, storage);
  return state;
}

describe('RouteScopedTurnState', () => {
  const cases: [string, UsesTurnState, string, { read: number; write: number }][] = [
    ['our routes (none uses turn state): an invoke reads and writes nothing', noRouteUsesTurnState, 'invoke', { read: 0, write: 0 }],
    ['our routes: a message reads and writes nothing', noRouteUsesTurnState, 'message', { read: 0, write: 0 }],
    ['a route that uses it: loaded and saved', (a) => a.type === 'message', 'message', { read: 1, write: 1 }],
    ['another activity than that route: untouched', (a) => a.type === 'message', 'invoke', { read: 0, write: 0 }],
  ];
  it.each(cases)('%s', async (_name, uses, type, expected) => {
    const { storage, calls } = countingStorage();
    await turn(uses, type, storage, true);
    expect(calls).toEqual(expected);
  });

  it('state of a route that uses it survives to the next turn; the others start empty', async () => {
    const { storage } = countingStorage();
    const uses: UsesTurnState = (a) => a.type === 'message';
    await turn(uses, 'message', storage, true);
    expect(((await turn(uses, 'message', storage, false)).conversation as Record<string, unknown>).seen).toBe(1);
    expect(((await turn(uses, 'invoke', storage, false)).conversation as Record<string, unknown>).seen).toBeUndefined();
  });
});
