import type { ActionItem, Commitment } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { card, execute, facts, text, title, type AdaptiveCard } from '../kit.js';

/**
 * The chair's confirmation before an action item is deleted (as cancelMeetingCard): what
 * goes, that its follow-ups go with it, and that it cannot be undone. It carries the
 * revision of the item it shows, so a change since (a new follow-up) is not deleted unseen.
 */
export function actionDeleteCard(
  m: Catalog,
  input: { promiseId: string; commitment: Pick<Commitment, 'text'>; action: ActionItem; rev: string },
  opts: { banner?: string } = {},
): AdaptiveCard {
  const t = m.promise;
  const a = input.action;
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(t.deleteAction),
      text(t.deleteQuestion(a.text)),
      facts([
        [t.commitment, input.commitment.text],
        [t.owner, a.ownerName],
        [t.due, a.due],
      ]),
      a.followUps.length ? text(t.deleteFollowUps(a.followUps.length), { color: 'Attention' }) : null,
    ],
    [
      execute(t.confirmDelete, 'action.deleteConfirm', { promiseId: input.promiseId, actionId: a.id, rev: input.rev }, { style: 'destructive' }),
      execute(t.keep, 'action.edit', { promiseId: input.promiseId, actionId: a.id }),
    ],
  );
}
