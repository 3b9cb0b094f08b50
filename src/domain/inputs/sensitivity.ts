/**
 * Who may see an answer, by its sensitivity. Sensitivity is set per answer, so an answer
 * is shown whole or not at all; there is no field-level redaction.
 *
 * Audiences: 'chairs' (ordförande/presidium), 'steering' (the named steering members,
 * e.g. a direct message), 'open' (the steering channel or anything posted more widely).
 */
import type { Sensitivity } from './answer.js';

export type Audience = 'chairs' | 'steering' | 'open';

/** Chairs see everything; steering members öppen and intern; the open audience only öppen. */
export function canSee(audience: Audience, sensitivity: Sensitivity): boolean {
  switch (audience) {
    case 'chairs':
      return true;
    case 'steering':
      return sensitivity !== 'kanslig';
    case 'open':
      return sensitivity === 'oppen';
    default: {
      const never: never = audience;
      return never;
    }
  }
}

/** The answer if the audience may see it, else null. */
export function redactAnswer<A extends { sensitivity: Sensitivity }>(answer: A, audience: Audience): A | null {
  return canSee(audience, answer.sensitivity) ? answer : null;
}

/** The answers the audience may see, in the order given. */
export function visibleAnswers<A extends { sensitivity: Sensitivity }>(answers: readonly A[], audience: Audience): A[] {
  return answers.filter((a) => canSee(audience, a.sensitivity));
}
