/**
 * The regional lägesbild in the person's chat: progress while the job runs (updated in
 * place, the compile's pattern), then the picture in brief with its report links. No
 * buttons that act: the reports are the picture.
 */
import type { RegionalPicture } from '../../src/domain/regional/regionalPicture.js';
import type { Catalog } from '../../src/i18n/index.js';
import type { RegionalReportFormat } from '../../src/services/regional/regionalReports.js';
import { actionSet, card, facts, note, openUrl, text, title, type AdaptiveCard } from '../kit.js';

/** Questions asked in several municipalities shown on the card; the reports have them all. */
const MAX_QUESTIONS = 5;
const MAX_TEXT = 200;

export interface RegionalCardModel {
  picture: RegionalPicture;
  links: Record<RegionalReportFormat, string>;
  linkHours: number;
}

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

export function regionalProgressCard(m: Catalog, progress: { loaded: number; total: number } | null): AdaptiveCard {
  const t = m.regional;
  const filled = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 20) : 0;
  return card([
    title(t.progressTitle),
    text(progress ? t.progress(progress.loaded, progress.total) : t.queued, { weight: 'Bolder' }),
    text(`${'█'.repeat(filled)}${'░'.repeat(20 - filled)}`, { fontType: 'Monospace', spacing: 'Small' }),
    note(t.progressNote),
  ]);
}

export function regionalCard(m: Catalog, model: RegionalCardModel): AdaptiveCard {
  const t = m.regional;
  const p = model.picture;
  const shared = p.questions.groups.filter((g) => g.municipalities.length > 1).slice(0, MAX_QUESTIONS);
  return card([
    title(t.doneTitle(p.municipalities.map((x) => x.orgName).join(', '))),
    text(t.doneLine(p.municipalities.length, p.questions.groups.length)),
    facts(p.municipalities.map((x) => [x.orgName, `${Math.round(x.responseRate.rate * 100)} % (${x.responseRate.answered + x.responseRate.late}/${x.responseRate.forums})`])),
    shared.length ? text(t.topQuestions, { weight: 'Bolder', spacing: 'Medium' }) : null,
    ...shared.map((g) => text(`${g.rank}. ${clip(g.text)} — _${g.municipalities.map((x) => x.orgName).join(', ')}_`, { spacing: 'Small' })),
    p.notPublished.length ? note(t.notPublished(p.notPublished.map((x) => x.orgName).join(', '))) : null,
    note(t.basis),
    note(t.linksValid(model.linkHours)),
    actionSet([openUrl(t.openHtml, model.links.html), openUrl(t.openMarkdown, model.links.md), openUrl(t.openCsv, model.links.csv), openUrl(t.openJson, model.links.json)]),
  ]);
}

/** The job refused (sharing turned off, nothing published): the refusal, in the card's place. */
export function regionalRefusedCard(m: Catalog, refusal: string): AdaptiveCard {
  return card([title(m.regional.progressTitle), text(refusal, { color: 'Attention' })]);
}

export function regionalFailedCard(m: Catalog): AdaptiveCard {
  const t = m.regional;
  return card([title(t.progressTitle), text(t.failed, { color: 'Attention' })]);
}
