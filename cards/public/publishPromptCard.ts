/** The chairs' question after a follow-up round: publish the update for the residents? Opens the preview. */
import type { Catalog, Lang } from '../../src/i18n/index.js';
import { card, execute, note, text, title, type AdaptiveCard } from '../kit.js';
import { meetingLabel } from '../promise/labels.js';

export function publishPromptCard(m: Catalog, lang: Lang, input: { promiseId: string; meetingId: string; lastPublished: string | null }): AdaptiveCard {
  const t = m.public;
  return card(
    [title(t.tertialPromptTitle), text(t.tertialPromptText(meetingLabel(input.meetingId, lang))), note(input.lastPublished ? t.lastUpdated(input.lastPublished) : t.firstPublication)],
    [execute(t.showPreview, 'public.preview', { promiseId: input.promiseId })],
  );
}
