import type { TurnContext } from 'botbuilder';

/**
 * A refused submit (a form shown again with its field errors): nothing changed, and the
 * card holds the text the user typed — perhaps the very personnummer the guard refused.
 * Such a card is never stored as the answer to a Teams retry: the retry is run again
 * (a refusal has no effect, so running it twice is harmless) and computes the same card.
 */
const refusals = new WeakSet<object>();
const REFUSED_TURN = Symbol('samverkan.refusedTurn');

/** Marks `card` as the answer to a refused submit; returns it unchanged. */
export function refusal<C extends object>(card: C): C {
  refusals.add(card);
  return card;
}

export function isRefusal(card: unknown): boolean {
  return typeof card === 'object' && card !== null && refusals.has(card);
}

/** This turn answered with a refusal: the idempotency middleware keeps nothing of it. */
export function markTurnRefused(ctx: TurnContext): void {
  ctx.turnState.set(REFUSED_TURN, true);
}

export function turnWasRefused(ctx: TurnContext): boolean {
  return ctx.turnState.get(REFUSED_TURN) === true;
}
