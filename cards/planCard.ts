import type { FieldErrors } from '../src/domain/errors.js';
import type { Catalog } from '../src/i18n/index.js';
import { fieldMessages } from './fieldMessages.js';
import { card, execute, fieldError, note, text, title, type AdaptiveCard, type CardElement } from './kit.js';

export interface PlanRow {
  index: number;
  windowLabel: string;
  date: string;
  time: string;
}

/** The year's proposal: one date and time per meeting, editable, then confirmed. */
export function planCard(m: Catalog, year: number, rows: PlanRow[], opts: { errors?: FieldErrors; hasExisting?: boolean } = {}): AdaptiveCard {
  const e = fieldMessages(m, opts.errors);
  const rowElements: CardElement[] = rows.flatMap((r) => [
    text(`**${m.plan.meetingLabel(r.index, r.windowLabel)}**`, { spacing: 'Medium' }),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: `date${r.index}`, label: m.plan.date, value: r.date, isRequired: true, errorMessage: m.fieldErrors.date }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: `time${r.index}`, label: m.plan.time, value: r.time, isRequired: true, errorMessage: m.fieldErrors.time }] },
      ],
    },
    fieldError(e[`date${r.index}`]),
    fieldError(e[`time${r.index}`]),
  ].filter((x): x is CardElement => !!x));
  return card(
    [title(m.plan.cardTitle(year)), note(m.plan.intro), opts.hasExisting ? text(m.plan.existing(year), { color: 'Warning' }) : null, ...rowElements],
    [execute(m.plan.confirm, 'plan.confirm', { year }, { style: 'positive' })],
  );
}
