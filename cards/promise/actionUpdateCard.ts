import type { FieldErrors } from '../../src/domain/errors.js';
import { actionStatuses, type ActionItem, type Commitment } from '../../src/domain/promise/promise.js';
import type { Catalog, Lang } from '../../src/i18n/index.js';
import { fieldMessages } from '../fieldMessages.js';
import { card, execute, facts, fieldError, note, text, title, type AdaptiveCard } from '../kit.js';
import { meetingLabel } from './labels.js';

export interface ActionUpdateValues {
  status?: string;
  followUp?: string;
  count?: string;
}

/**
 * The owner's card, updated in place: status, and the follow-up (text + optional count)
 * for the meeting it is for, prefilled with what they wrote before for that meeting.
 */
export function actionUpdateCard(
  m: Catalog,
  lang: Lang,
  input: { promiseId: string; commitment: Pick<Commitment, 'text'>; action: ActionItem; rev: string; meetingId: string; shownStatus: string },
  opts: { values?: ActionUpdateValues; errors?: FieldErrors; banner?: string; bannerIsWarning?: boolean } = {},
): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  const a = input.action;
  const earlier = a.followUps.find((f) => f.meetingId === input.meetingId);
  const others = a.followUps.filter((f) => f.meetingId !== input.meetingId);
  const v = opts.values ?? {};
  return card(
    [
      opts.banner ? text(opts.banner, opts.bannerIsWarning === false ? { color: 'Good' } : { color: 'Attention' }) : null,
      title(t.updateTitle),
      text(`**${a.text}**`),
      facts([
        [t.commitment, input.commitment.text],
        [t.owner, a.ownerName],
        [t.due, a.due],
      ]),
      others.length ? note(`${t.earlierFollowUps}: ${others.map((f) => `${meetingLabel(f.meetingId, lang)}: ${f.text}${f.count !== undefined ? t.countSuffix(f.count) : ''}`).join(' · ')}`) : null,
      {
        type: 'Input.ChoiceSet',
        id: 'status',
        label: t.status,
        style: 'compact',
        isRequired: true,
        errorMessage: m.fieldErrors.chooseOne,
        value: v.status ?? input.shownStatus,
        choices: actionStatuses.map((s) => ({ title: t.actionStatuses[s], value: s })),
      },
      fieldError(e.status),
      {
        type: 'Input.Text',
        id: 'followUp',
        label: t.followUpFor(meetingLabel(input.meetingId, lang)),
        placeholder: t.followUpPlaceholder,
        isMultiline: true,
        maxLength: 1000,
        value: v.followUp ?? earlier?.text ?? '',
      },
      fieldError(e.followUp),
      { type: 'Input.Text', id: 'count', label: t.count, maxLength: 20, value: v.count ?? (earlier?.count !== undefined ? String(earlier.count) : '') },
      fieldError(e.count),
    ],
    [
      execute(t.save, 'action.update', { promiseId: input.promiseId, actionId: a.id, rev: input.rev, meetingId: input.meetingId }, { style: 'positive' }),
      execute(t.myActions, 'action.mine', {}),
    ],
  );
}
