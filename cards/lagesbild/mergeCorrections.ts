/**
 * The chairs' form to correct the question groups on the lägesbild card: split a question
 * out of its group, or join two groups (Action.ShowCard, so the card stays short). Choices
 * carry the questions' stable keys (mergeCorrections.ts). Bounded in size: the top groups
 * only, texts clipped.
 */
import { questionKey } from '../../src/domain/lagesbild/mergeCorrections.js';
import type { LagesbildView } from '../../src/domain/lagesbild/schema.js';
import type { Catalog } from '../../src/i18n/index.js';
import { actionSet, execute, note, type CardElement } from '../kit.js';
import { clip } from './summary.js';
import { mergeJoinInputs, mergeSplitInput } from './verbs.js';

const MAX_JOIN_GROUPS = 25;
const MAX_SPLIT_CHOICES = 30;
const CHOICE_CHARS = 90;

/** The "Rätta frågegrupperna" button, or null when there is nothing to correct or the view is not the chairs'. */
export function mergeCorrectionAction(m: Catalog, meetingId: string, view: LagesbildView): CardElement | null {
  if (view.audience !== 'chairs' || view.questions.groups.length === 0) return null;
  const t = m.merge;
  const groups = view.questions.groups;
  const splitChoices = groups
    .filter((g) => g.members.length > 1)
    .flatMap((g) => g.members.map((q) => ({ title: clip(t.choice(q.forumName, q.text), CHOICE_CHARS), value: questionKey(q) })))
    .slice(0, MAX_SPLIT_CHOICES);
  const joinChoices = groups.slice(0, MAX_JOIN_GROUPS).map((g) => ({ title: clip(t.groupChoice(g.rank, g.text, g.forumCount), CHOICE_CHARS), value: questionKey(g.members[0]!) }));
  const choiceSet = (id: string, label: string, choices: { title: string; value: string }[]): CardElement => ({ type: 'Input.ChoiceSet', id, label, style: 'compact', choices });
  const body: CardElement[] = [note(t.help)];
  if (splitChoices.length) body.push(choiceSet(mergeSplitInput, t.splitLabel, splitChoices), actionSet([execute(t.split, 'lagesbild.split', { meetingId })]));
  if (joinChoices.length > 1) {
    body.push(choiceSet(mergeJoinInputs[0], t.joinA, joinChoices), choiceSet(mergeJoinInputs[1], t.joinB, joinChoices), actionSet([execute(t.join, 'lagesbild.join', { meetingId })]));
  }
  if (body.length === 1) return null;
  return { type: 'Action.ShowCard', title: t.open, card: { type: 'AdaptiveCard', body } };
}
