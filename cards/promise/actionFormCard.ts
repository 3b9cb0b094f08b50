import type { FieldErrors } from '../../src/domain/errors.js';
import type { KnownOwner } from '../../src/domain/promise/actionForm.js';
import type { Commitment } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { fieldMessages } from '../fieldMessages.js';
import { card, execute, fieldError, note, text, title, type AdaptiveCard } from '../kit.js';
import { clip } from './labels.js';

export interface ActionFormValues {
  text?: string;
  owner?: string;
  due?: string;
  commitment?: string;
}

export interface ActionFormContext {
  promiseId: string;
  commitments: readonly Pick<Commitment, 'id' | 'text'>[];
  owners: readonly KnownOwner[];
  today: string;
}

/**
 * A new action item (also the "Beslut och åtgärder" card after a meeting: `decisions`
 * names the meeting) or a chair's edit of one (`existing` carries the item's revision).
 */
export function actionFormCard(
  m: Catalog,
  ctx: ActionFormContext,
  opts: {
    existing?: { actionId: string; rev: string };
    decisions?: { meetingId: string; meetingLabel: string };
    values?: ActionFormValues;
    errors?: FieldErrors;
    banner?: string;
    bannerIsWarning?: boolean;
  } = {},
): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  const heading = opts.decisions ? t.decisionsTitle(opts.decisions.meetingLabel) : opts.existing ? t.actionEdit : t.actionNew;
  if (ctx.commitments.length === 0) return card([title(heading), text(t.needsCommitment)], [execute(t.back, 'promise.show', { promiseId: ctx.promiseId })]);
  const save = opts.existing
    ? execute(t.save, 'action.save', { promiseId: ctx.promiseId, actionId: opts.existing.actionId, rev: opts.existing.rev }, { style: 'positive' })
    : execute(opts.decisions ? t.saveAndNext : t.save, 'action.create', { promiseId: ctx.promiseId, ...(opts.decisions ? { meetingId: opts.decisions.meetingId } : {}) }, { style: 'positive' });
  return card(
    [
      opts.banner ? text(opts.banner, opts.bannerIsWarning === false ? {} : { color: 'Attention' }) : null,
      title(heading),
      opts.decisions ? note(t.decisionsIntro) : null,
      { type: 'Input.Text', id: 'text', label: t.actionText, isMultiline: true, maxLength: 500, isRequired: true, errorMessage: m.fieldErrors.required, value: v.text ?? '' },
      fieldError(e.text),
      ctx.owners.length
        ? {
            type: 'Input.ChoiceSet',
            id: 'owner',
            label: t.owner,
            style: 'compact',
            isRequired: true,
            errorMessage: m.promise.fieldErrors.unknownOwner,
            value: v.owner ?? '',
            choices: ctx.owners.map((o) => ({ title: clip(o.name, 60), value: o.aadObjectId })),
          }
        : text(t.noOwners, { color: 'Attention' }),
      fieldError(e.owner),
      { type: 'Input.Date', id: 'due', label: t.due, min: ctx.today, isRequired: true, errorMessage: m.fieldErrors.date, value: v.due ?? '' },
      fieldError(e.due),
      {
        type: 'Input.ChoiceSet',
        id: 'commitment',
        label: t.commitment,
        style: 'compact',
        isRequired: true,
        errorMessage: m.promise.fieldErrors.unknownCommitment,
        value: v.commitment ?? ctx.commitments[0]?.id ?? '',
        choices: ctx.commitments.map((c) => ({ title: clip(c.text), value: c.id })),
      },
      fieldError(e.commitment),
    ],
    [
      save,
      // Deleting asks first (actionDeleteCard); the confirmation carries the item's revision.
      ...(opts.existing ? [execute(t.deleteAction, 'action.deleteAsk', { promiseId: ctx.promiseId, actionId: opts.existing.actionId })] : []),
      execute(t.back, 'promise.show', { promiseId: ctx.promiseId }),
    ],
  );
}
