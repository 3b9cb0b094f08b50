import type { FieldErrors } from '../../src/domain/errors.js';
import { responsibleParties } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { fieldMessages } from '../fieldMessages.js';
import { card, execute, fieldError, text, title, type AdaptiveCard } from '../kit.js';

export interface CommitmentFormValues {
  text?: string;
  responsible?: string;
  districts?: string;
  malbild?: string;
}

/** New commitment, or edit of one (`existing` carries the revision the edit is based on). */
export function commitmentFormCard(
  m: Catalog,
  ctx: { promiseId: string; districts: readonly string[]; malbilder: readonly { id: string; district: string }[] },
  opts: { existing?: { commitmentId: string; rev: string }; values?: CommitmentFormValues; errors?: FieldErrors; banner?: string } = {},
): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(opts.existing ? t.commitmentEdit : t.commitmentNew),
      { type: 'Input.Text', id: 'text', label: t.commitmentText, isMultiline: true, maxLength: 1000, isRequired: true, errorMessage: m.fieldErrors.required, value: v.text ?? '' },
      fieldError(e.text),
      {
        type: 'Input.ChoiceSet',
        id: 'responsible',
        label: t.responsible,
        style: 'compact',
        isRequired: true,
        errorMessage: m.fieldErrors.chooseOne,
        value: v.responsible ?? 'bada',
        choices: responsibleParties.map((p) => ({ title: t.parties[p], value: p })),
      },
      fieldError(e.responsible),
      {
        type: 'Input.ChoiceSet',
        id: 'districts',
        label: t.districts,
        isMultiSelect: true,
        style: 'expanded',
        value: v.districts ?? '',
        choices: ctx.districts.map((d) => ({ title: d, value: d })),
      },
      fieldError(e.districts),
      ctx.malbilder.length
        ? {
            type: 'Input.ChoiceSet',
            id: 'malbild',
            label: t.malbild,
            style: 'compact',
            placeholder: t.noMalbild,
            value: v.malbild ?? '',
            choices: ctx.malbilder.map((mb) => ({ title: t.malbildTitle(mb.district), value: mb.id })),
          }
        : null,
      fieldError(e.malbild),
    ],
    [
      execute(t.save, 'promise.commitmentSave', { promiseId: ctx.promiseId, ...(opts.existing ? { commitmentId: opts.existing.commitmentId, rev: opts.existing.rev } : {}) }, { style: 'positive' }),
      execute(t.back, 'promise.show', { promiseId: ctx.promiseId }),
    ],
  );
}
