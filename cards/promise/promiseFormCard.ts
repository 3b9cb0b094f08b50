import type { FieldErrors } from '../../src/domain/errors.js';
import type { Catalog } from '../../src/i18n/index.js';
import { fieldMessages } from '../fieldMessages.js';
import { card, execute, fieldError, note, text, title, type AdaptiveCard } from '../kit.js';

export interface PromiseFormValues {
  title?: string;
  periodFrom?: string;
  periodTo?: string;
}

/** New promise, or edit of title and period (`existing` carries the version the edit is based on). */
export function promiseFormCard(
  m: Catalog,
  opts: { existing?: { id: string; version: number; title: string }; values?: PromiseFormValues; errors?: FieldErrors; banner?: string } = {},
): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(opts.existing ? t.formEdit(opts.existing.title) : t.formNew),
      note(t.formIntro),
      { type: 'Input.Text', id: 'title', label: t.titleLabel, placeholder: t.titlePlaceholder, maxLength: 200, isRequired: true, errorMessage: m.fieldErrors.required, value: v.title ?? '' },
      fieldError(e.title),
      { type: 'Input.Date', id: 'periodFrom', label: t.periodFrom, isRequired: true, errorMessage: m.fieldErrors.date, value: v.periodFrom ?? '' },
      fieldError(e.periodFrom),
      { type: 'Input.Date', id: 'periodTo', label: t.periodTo, isRequired: true, errorMessage: m.fieldErrors.date, value: v.periodTo ?? '' },
      fieldError(e.periodTo),
    ],
    [
      execute(t.save, 'promise.save', opts.existing ? { promiseId: opts.existing.id, version: opts.existing.version } : {}, { style: 'positive' }),
      ...(opts.existing ? [execute(t.back, 'promise.show', { promiseId: opts.existing.id })] : []),
    ],
  );
}
