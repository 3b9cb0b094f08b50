/**
 * The lägesbild cards: the chairs' card (summary + the proposed agenda, edited in place
 * with Action.Execute), the progress card the compile updates in place, the card
 * published to the steering channel, and the notices that offer "Sammanställ igen".
 */
import type { Agenda, AgendaItem } from '../../src/domain/agenda/agenda.js';
import type { LagesbildView } from '../../src/domain/lagesbild/schema.js';
import type { Catalog, Lang } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, note, openUrl, text, title, type AdaptiveCard, type CardElement } from '../kit.js';
import { mergeCorrectionAction } from './mergeCorrections.js';
import { clip, compactLimits, fullLimits, summaryElements, type SummaryLimits } from './summary.js';
import { itemMinutesInput, itemTitleInput } from './verbs.js';

export interface ReportLinks {
  html: string;
  md: string;
  csv: string;
  json: string;
}

export interface LagesbildCardModel {
  meetingId: string;
  meetingTitle: string;
  view: LagesbildView;
  stale: boolean;
  /** "2027-03-01 kl. 12:05". */
  compiledAt: string;
  agenda: { version: number; agenda: Agenda } | null;
  /** When it was last published, and whether that is still what the card shows. */
  published: { at: string; current: boolean } | null;
  links: ReportLinks;
  linkHours: number;
  banner?: { text: string; tone: 'good' | 'attention' };
  /** The meeting's Teams join link (Microsoft Graph on). */
  joinUrl?: string;
}

/** Teams shows cards up to about 40 KB; over this the card is cut shorter. */
const MAX_CARD_BYTES = 36_000;
const MAX_NOT_ON_AGENDA = 5;

const size = (c: AdaptiveCard) => Buffer.byteLength(JSON.stringify(c), 'utf8');

const banner = (b: LagesbildCardModel['banner']): CardElement | null =>
  b ? container([text(b.text, { color: b.tone === 'good' ? 'Good' : 'Attention', weight: 'Bolder' })], { style: b.tone === 'good' ? 'good' : 'attention' }) : null;

const joinButton = (m: Catalog, joinUrl: string | undefined): CardElement[] => (joinUrl ? [openUrl(m.calendar.join, joinUrl)] : []);

function linkButtons(m: Catalog, links: ReportLinks): CardElement {
  const t = m.lagesbild;
  return actionSet([openUrl(t.openHtml, links.html), openUrl(t.openMarkdown, links.md), openUrl(t.openCsv, links.csv), openUrl(t.openJson, links.json)]);
}

/** The chairs' card: the audience's summary, the agenda with its edit buttons, approve/publish, the reports. */
export function lagesbildCard(m: Catalog, lang: Lang, model: LagesbildCardModel): AdaptiveCard {
  // Cut shorter step by step: a shorter summary, then no edit forms, then no item buttons.
  const tries: [SummaryLimits, ItemButtons, boolean][] = [
    [fullLimits, 'all', true],
    [compactLimits, 'all', true],
    [compactLimits, 'noEdit', true],
    [compactLimits, 'noEdit', false],
  ];
  for (const [limits, buttons, corrections] of tries) {
    const c = lagesbildCardWith(m, lang, model, limits, buttons, corrections);
    if (size(c) <= MAX_CARD_BYTES) return c;
  }
  return lagesbildCardWith(m, lang, model, compactLimits, 'none', false);
}

type ItemButtons = 'all' | 'noEdit' | 'none';

function lagesbildCardWith(m: Catalog, lang: Lang, model: LagesbildCardModel, limits: SummaryLimits, itemButtons: ItemButtons, corrections: boolean): AdaptiveCard {
  const correct = corrections ? mergeCorrectionAction(m, model.meetingId, model.view) : null;
  const t = m.lagesbild;
  const { meetingId } = model;
  const agenda = model.agenda;
  const approved = agenda?.agenda.status === 'approved';
  return card(
    [
      title(t.cardTitle(model.meetingTitle)),
      note(`${t.audiences[model.view.audience]} ${t.compiledAt(model.compiledAt)}`),
      banner(model.banner),
      model.stale
        ? container([text(t.stale, { color: 'Attention', weight: 'Bolder' }), actionSet([execute(t.compileAgain, 'lagesbild.compile', { meetingId })])], { style: 'attention' })
        : null,
      ...summaryElements(m, lang, model.view, limits),
      ...agendaElements(m, model, itemButtons),
      model.published ? note(model.published.current ? t.published(model.published.at) : `${t.published(model.published.at)} ${t.publishedOutdated}`) : null,
      note(t.linksValid(model.linkHours)),
      linkButtons(m, model.links),
    ],
    [
      ...joinButton(m, model.joinUrl),
      ...(agenda
        ? [approved ? execute(t.publish, 'lagesbild.publish', { meetingId, version: agenda.version }, { style: 'positive' }) : execute(t.approve, 'agenda.approve', { meetingId, version: agenda.version }, { style: 'positive' })]
        : []),
      execute(t.compileAgain, 'lagesbild.compile', { meetingId }),
      ...(correct ? [correct] : []),
    ],
  );
}

function agendaElements(m: Catalog, model: LagesbildCardModel, itemButtons: ItemButtons): CardElement[] {
  const t = m.lagesbild;
  if (!model.agenda) return [text(`**${t.agendaTitle}**`, { separator: true }), note(t.noAgenda)];
  const { version, agenda } = model.agenda;
  const { meetingId } = model;
  const over = agenda.totalMinutes - agenda.meetingMinutes;
  const base = { meetingId, version };
  const itemRow = (item: AgendaItem, i: number): CardElement =>
    container(
      [
        text(t.agendaItem(i + 1, item.title, item.minutes), { spacing: 'None' }),
        itemButtons !== 'none'
          ? actionSet([
              ...(i > 0 ? [execute(t.up, 'agenda.move', { ...base, itemId: item.id, direction: 'up' })] : []),
              // A long agenda keeps only ↑ (enough to reach any order) to stay within the size limit.
              ...(i < agenda.items.length - 1 && itemButtons === 'all' ? [execute(t.down, 'agenda.move', { ...base, itemId: item.id, direction: 'down' })] : []),
              execute(t.remove, 'agenda.remove', { ...base, itemId: item.id }),
              ...(itemButtons === 'noEdit' ? [] : [{
                type: 'Action.ShowCard',
                title: t.editItem,
                card: {
                  type: 'AdaptiveCard',
                  body: [
                    { type: 'Input.Text', id: itemTitleInput(item.id), label: t.itemTitle, value: item.title, maxLength: 300, isRequired: true, errorMessage: m.fieldErrors.required },
                    { type: 'Input.Number', id: itemMinutesInput(item.id), label: t.itemMinutes, value: item.minutes, min: 1, max: 120 },
                  ],
                  actions: [execute(t.saveItem, 'agenda.edit', { ...base, itemId: item.id })],
                },
              }]),
            ])
          : null,
      ],
      { spacing: 'Small' },
    );
  const notOn = agenda.notOnAgenda.slice(0, MAX_NOT_ON_AGENDA);
  return [
    text(`**${t.agendaTitle}** (${t.agendaStatus[agenda.status]})`, { separator: true, spacing: 'Medium' }),
    note(t.agendaTotal(agenda.totalMinutes, agenda.meetingMinutes)),
    over > 0 ? text(t.agendaOverTime(over), { color: 'Attention' }) : null,
    ...agenda.items.map(itemRow),
    ...(notOn.length
      ? [
          text(`**${t.notOnAgenda}**`, { spacing: 'Medium' }),
          ...notOn.map((item) =>
            container(
              [
                text(`${clip(item.title, 150)} – ${item.minutes} min${item.removed ? ` (${t.removedByChair})` : ''}`, { isSubtle: true, spacing: 'None' }),
                itemButtons !== 'none' ? actionSet([execute(t.restore, 'agenda.restore', { ...base, itemId: item.id })]) : null,
              ],
              { spacing: 'Small' },
            ),
          ),
          agenda.notOnAgenda.length > notOn.length ? note(t.andMore(agenda.notOnAgenda.length - notOn.length)) : null,
        ]
      : []),
  ].filter((e): e is CardElement => !!e);
}

/** While the compile runs: "Sammanställer … 12 av 15 forum", updated in place. */
export function compileProgressCard(m: Catalog, meetingTitle: string, progress: { loaded: number; total: number } | null, opts: { joined?: boolean } = {}): AdaptiveCard {
  const t = m.lagesbild;
  const filled = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 20) : progress ? 20 : 0;
  return card([
    title(t.progressTitle(meetingTitle)),
    text(progress ? t.progress(progress.loaded, progress.total) : t.queued, { weight: 'Bolder' }),
    text(`${'█'.repeat(filled)}${'░'.repeat(20 - filled)}`, { fontType: 'Monospace', spacing: 'Small' }),
    opts.joined ? note(t.joined) : null,
    note(t.progressNote),
  ]);
}

export function compileFailedCard(m: Catalog, meetingId: string, meetingTitle: string): AdaptiveCard {
  const t = m.lagesbild;
  return card([title(t.progressTitle(meetingTitle)), text(t.failed, { color: 'Attention' })], [execute(t.compileAgain, 'lagesbild.compile', { meetingId })]);
}

export interface PublishedCardModel {
  meetingId: string;
  meetingTitle: string;
  view: LagesbildView;
  agenda: Agenda;
  publishedAt: string;
  links: ReportLinks;
  linkHours: number;
  joinUrl?: string;
}

/** What the steering channel gets: the steering version and the approved agenda (read only). */
export function publishedCard(m: Catalog, lang: Lang, model: PublishedCardModel): AdaptiveCard {
  const full = publishedCardWith(m, lang, model, fullLimits);
  return size(full) <= MAX_CARD_BYTES ? full : publishedCardWith(m, lang, model, compactLimits);
}

function publishedCardWith(m: Catalog, lang: Lang, model: PublishedCardModel, limits: SummaryLimits): AdaptiveCard {
  const t = m.lagesbild;
  return card(
    [
      title(t.publishedTitle(model.meetingTitle)),
      note(`${t.publishedIntro(model.publishedAt)} ${t.audiences[model.view.audience]}`),
      text(`**${t.agendaTitle}**`, { separator: true, spacing: 'Medium' }),
      note(t.agendaTotal(model.agenda.totalMinutes, model.agenda.meetingMinutes)),
      ...model.agenda.items.map((item, i) => text(t.agendaItem(i + 1, item.title, item.minutes), { spacing: 'Small' })),
      ...summaryElements(m, lang, model.view, limits),
      note(t.linksValid(model.linkHours)),
      linkButtons(m, model.links),
    ],
    [...joinButton(m, model.joinUrl), execute(t.newLinks, 'lagesbild.published', { meetingId: model.meetingId })],
  );
}

/** A text with the buttons that lead to the lägesbild (late answer after compile, publish reminder). */
export function lagesbildNoticeCard(m: Catalog, meetingId: string, message: string, compileAgain: boolean): AdaptiveCard {
  const t = m.lagesbild;
  return card([text(message)], [...(compileAgain ? [execute(t.compileAgain, 'lagesbild.compile', { meetingId })] : []), execute(t.show, 'lagesbild.show', { meetingId })]);
}

/** A short message card (refusals, "nothing yet") with an optional way forward. */
export function lagesbildMessageCard(message: string, actions: CardElement[] = []): AdaptiveCard {
  return card([text(message)], actions);
}
