import type { FieldErrors } from '../../src/domain/errors.js';
import { indicatorDirections, type Indicator } from '../../src/domain/malbilder/malbild.js';
import type { Catalog } from '../../src/i18n/index.js';
import { fieldMessages } from '../fieldMessages.js';
import { card, execute, fieldError, text, title, type AdaptiveCard } from '../kit.js';

/** The goal statements of a district, one per line. */
export function statementsFormCard(
  m: Catalog,
  district: string,
  opts: { version?: number; statements?: string; errors?: FieldErrors; banner?: string } = {},
): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(t.malbildTitle(district)),
      { type: 'Input.Text', id: 'statements', label: t.statementsLabel, isMultiline: true, maxLength: 10_000, value: opts.statements ?? '' },
      fieldError(e.statements),
    ],
    [execute(t.save, 'malbild.save', { district, ...(opts.version !== undefined ? { version: opts.version } : {}) }, { style: 'positive' }), execute(t.back, 'malbild.show', { district })],
  );
}

export type IndicatorFormValues = Partial<Record<'name' | 'unit' | 'direction' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate', string>>;

export function indicatorFormCard(m: Catalog, district: string, opts: { values?: IndicatorFormValues; errors?: FieldErrors } = {}): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  const textInput = (id: keyof IndicatorFormValues, label: string, extra: Record<string, unknown> = {}) => [
    { type: 'Input.Text', id, label, maxLength: 200, value: v[id] ?? '', ...extra },
    fieldError(e[id]),
  ];
  const dateInput = (id: keyof IndicatorFormValues, label: string, required: boolean) => [
    { type: 'Input.Date', id, label, value: v[id] ?? '', ...(required ? { isRequired: true, errorMessage: m.fieldErrors.date } : {}) },
    fieldError(e[id]),
  ];
  return card(
    [
      title(`${t.indicatorNew} – ${district}`),
      ...textInput('name', t.indicatorName, { placeholder: t.indicatorNamePlaceholder, isRequired: true, errorMessage: m.fieldErrors.required }),
      ...textInput('unit', t.unit, { placeholder: t.unitPlaceholder, maxLength: 40 }),
      {
        type: 'Input.ChoiceSet',
        id: 'direction',
        label: t.direction,
        style: 'compact',
        isRequired: true,
        errorMessage: m.fieldErrors.chooseOne,
        value: v.direction ?? 'increase',
        choices: indicatorDirections.map((d) => ({ title: t.directions[d], value: d })),
      },
      fieldError(e.direction),
      ...textInput('baselineValue', t.baselineValue, { maxLength: 40 }),
      ...dateInput('baselineDate', t.baselineDate, false),
      ...textInput('targetValue', t.targetValue, { maxLength: 40, isRequired: true, errorMessage: m.fieldErrors.required }),
      ...dateInput('targetDate', t.targetDate, true),
    ],
    [execute(t.save, 'malbild.indicatorSave', { district }, { style: 'positive' }), execute(t.back, 'malbild.show', { district })],
  );
}

export function readingFormCard(
  m: Catalog,
  district: string,
  indicators: readonly Pick<Indicator, 'id' | 'name' | 'unit'>[],
  today: string,
  opts: { values?: { indicator?: string; value?: string; date?: string }; errors?: FieldErrors } = {},
): AdaptiveCard {
  const t = m.promise;
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  return card(
    [
      title(t.readingTitle(district)),
      {
        type: 'Input.ChoiceSet',
        id: 'indicator',
        label: t.indicator,
        style: 'compact',
        isRequired: true,
        errorMessage: m.promise.fieldErrors.unknownIndicator,
        value: v.indicator ?? indicators[0]?.id ?? '',
        choices: indicators.map((i) => ({ title: i.unit ? `${i.name} (${i.unit})` : i.name, value: i.id })),
      },
      fieldError(e.indicator),
      { type: 'Input.Text', id: 'value', label: t.value, maxLength: 40, isRequired: true, errorMessage: m.fieldErrors.required, value: v.value ?? '' },
      fieldError(e.value),
      { type: 'Input.Date', id: 'date', label: t.date, max: today, value: v.date ?? today },
      fieldError(e.date),
    ],
    [execute(t.save, 'malbild.readingSave', { district }, { style: 'positive' }), execute(t.back, 'malbild.show', { district })],
  );
}
