import type { FieldErrors } from '../../src/domain/errors.js';
import { priorityValues, sensitivityValues, trendValues, type InputAnswer } from '../../src/domain/inputs/answer.js';
import { inputFieldIds, questionNumbers } from '../../src/domain/inputs/fieldIds.js';
import { themeLabel, type Theme } from '../../src/domain/inputs/themes.js';
import type { Catalog, Lang } from '../../src/i18n/index.js';
import { fieldMessages } from '../fieldMessages.js';
import { card, container, execute, facts, fieldError, note, text, title, type AdaptiveCard, type CardElement } from '../kit.js';

export interface InputCardContext {
  meetingId: string;
  meetingTitle: string;
  forumId: string;
  forumName: string;
  districts: readonly string[];
  themes: readonly Theme[];
  /** Deadline as the user reads it, e.g. "2027-03-01 kl. 12:00". */
  deadline: string;
}

/** Raw card values (strings, as Teams sends them) to refill the form after an error. */
export type InputFormValues = Record<string, string>;

/** Stored answer → the card's own input values, for "Ändra". */
export function formValuesOf(answer: InputAnswer, districts: readonly string[]): InputFormValues {
  const v: InputFormValues = {};
  districts.forEach((d, i) => {
    const a = answer.districts.find((x) => x.district === d);
    if (a) {
      v[inputFieldIds.trend(i)] = a.trend;
      v[inputFieldIds.situation(i)] = a.situation;
    }
  });
  v[inputFieldIds.themes] = answer.themes.join(',');
  if (answer.otherTheme) v[inputFieldIds.otherTheme] = answer.otherTheme;
  answer.questions.forEach((q, i) => {
    v[inputFieldIds.question(i + 1)] = q.text;
    v[inputFieldIds.questionPriority(i + 1)] = q.priority;
  });
  v[inputFieldIds.agenda] = answer.agendaItems.join('\n');
  if (answer.needs) v[inputFieldIds.needs] = answer.needs;
  v[inputFieldIds.sensitivity] = answer.sensitivity;
  return v;
}

/** The inspel form: one section per district, themes, questions, agenda, needs, sensitivity. */
export function inputFormCard(
  m: Catalog,
  lang: Lang,
  c: InputCardContext,
  opts: { values?: InputFormValues; errors?: FieldErrors; banner?: string; basedOnVersion?: number } = {},
): AdaptiveCard {
  const t = m.inputs;
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  const choice = (values: readonly string[], labels: Record<string, string>) => values.map((value) => ({ title: labels[value] ?? value, value }));
  const districtSections: CardElement[] = c.districts.map((d, i) =>
    container(
      [
        text(`**${t.district(d)}**`),
        { type: 'Input.ChoiceSet', id: inputFieldIds.trend(i), label: t.trend, style: 'compact', value: v[inputFieldIds.trend(i)] ?? '', choices: choice(trendValues, t.trends) },
        fieldError(e[inputFieldIds.trend(i)]),
        { type: 'Input.Text', id: inputFieldIds.situation(i), label: t.situation, isMultiline: true, maxLength: 1000, value: v[inputFieldIds.situation(i)] ?? '' },
        fieldError(e[inputFieldIds.situation(i)]),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  );
  const questions: CardElement[] = questionNumbers.flatMap((n) =>
    [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: inputFieldIds.question(n), label: t.question(n), maxLength: 500, value: v[inputFieldIds.question(n)] ?? '' }] },
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'Input.ChoiceSet', id: inputFieldIds.questionPriority(n), label: t.priority, style: 'compact', value: v[inputFieldIds.questionPriority(n)] ?? 'medel', choices: choice(priorityValues, t.priorities) }],
          },
        ],
      },
      fieldError(e[inputFieldIds.question(n)]),
      fieldError(e[inputFieldIds.questionPriority(n)]),
    ].filter((x): x is CardElement => !!x),
  );
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(t.cardTitle(c.forumName, c.meetingTitle)),
      note(t.intro(c.deadline)),
      fieldError(e[inputFieldIds.form]),
      ...districtSections,
      container(
        [
          {
            type: 'Input.ChoiceSet',
            id: inputFieldIds.themes,
            label: t.themes,
            isMultiSelect: true,
            style: 'expanded',
            value: v[inputFieldIds.themes] ?? '',
            choices: c.themes.map((th) => ({ title: themeLabel(th, lang), value: th.id })),
          },
          fieldError(e[inputFieldIds.themes]),
          { type: 'Input.Text', id: inputFieldIds.otherTheme, label: t.otherTheme, maxLength: 200, value: v[inputFieldIds.otherTheme] ?? '' },
          fieldError(e[inputFieldIds.otherTheme]),
        ],
        { separator: true },
      ),
      container([text(`**${t.questionsTitle}**`), ...questions], { separator: true }),
      container(
        [
          { type: 'Input.Text', id: inputFieldIds.agenda, label: t.agenda, isMultiline: true, maxLength: 1600, value: v[inputFieldIds.agenda] ?? '' },
          fieldError(e[inputFieldIds.agenda]),
          { type: 'Input.Text', id: inputFieldIds.needs, label: t.needs, isMultiline: true, maxLength: 2000, value: v[inputFieldIds.needs] ?? '' },
          fieldError(e[inputFieldIds.needs]),
          {
            type: 'Input.ChoiceSet',
            id: inputFieldIds.sensitivity,
            label: t.sensitivity,
            style: 'expanded',
            isRequired: true,
            errorMessage: m.fieldErrors.chooseOne,
            value: v[inputFieldIds.sensitivity] ?? '',
            choices: choice(sensitivityValues, t.sensitivities),
          },
          fieldError(e[inputFieldIds.sensitivity]),
        ],
        { separator: true },
      ),
    ],
    [
      execute(
        t.submit,
        'input.submit',
        { meetingId: c.meetingId, forumId: c.forumId, ...(opts.basedOnVersion !== undefined ? { version: opts.basedOnVersion } : {}) },
        { style: 'positive' },
      ),
    ],
  );
}

/** The answer, read-only, with "Ändra" while editing is still meaningful. */
export function inputSummaryCard(
  m: Catalog,
  lang: Lang,
  c: InputCardContext,
  stored: { answer: InputAnswer; submittedByName: string; submittedAtLocal: string; late: boolean },
  lead?: string,
): AdaptiveCard {
  const t = m.inputs;
  const a = stored.answer;
  const themeNames = a.themes.map((id) => {
    const th = c.themes.find((x) => x.id === id);
    return th ? themeLabel(th, lang) : id;
  });
  return card(
    [
      lead ? text(lead, { color: 'Good' }) : null,
      title(t.summaryTitle(c.forumName, c.meetingTitle)),
      note(t.answeredBy(stored.submittedByName || '–', stored.submittedAtLocal)),
      stored.late ? text(t.lateNote, { color: 'Warning', size: 'Small' }) : null,
      ...a.districts.map((d) => container([text(`**${d.district}** · ${t.trends[d.trend]}`), d.situation ? text(d.situation) : null], { spacing: 'Small' })),
      facts([
        [t.themes, [...themeNames, ...(a.otherTheme ? [a.otherTheme] : [])].join(', ') || t.noneGiven],
        [t.sensitivity, t.sensitivities[a.sensitivity]],
      ]),
      a.questions.length ? text(`**${t.questionsTitle}**`) : null,
      ...a.questions.map((q, i) => text(`${i + 1}. ${q.text} (${t.priorities[q.priority]})`, { spacing: 'None' })),
      a.agendaItems.length ? text(`**${t.agenda}**`) : null,
      ...a.agendaItems.map((item) => text(`• ${item}`, { spacing: 'None' })),
      a.needs ? text(`**${t.needs}:** ${a.needs}`) : null,
      note(t.editUntil(c.deadline)),
    ],
    [execute(t.edit, 'input.edit', { meetingId: c.meetingId, forumId: c.forumId })],
  );
}

/** The steering channel's progress card, updated in place as answers arrive. */
export function inputProgressCard(
  m: Catalog,
  meetingTitle: string,
  deadline: string,
  status: { answered: string[]; late: string[]; missing: string[] },
): AdaptiveCard {
  const t = m.inputs;
  const list = (names: string[]) => (names.length ? names.join(', ') : t.noneGiven);
  return card([
    title(t.statusTitle(meetingTitle)),
    text(t.statusCounts(status.answered.length, status.late.length, status.missing.length)),
    note(t.statusDeadline(deadline)),
    facts([
      [t.statusAnswered, list(status.answered)],
      [t.statusLate, list(status.late)],
      [t.statusMissing, list(status.missing)],
    ]),
  ]);
}
