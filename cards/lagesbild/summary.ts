/**
 * The lägesbild as card elements: response rate, districts, themes, questions, needs,
 * the promise and the målbilder, from one audience's view. Long lists are cut with
 * "…och N till" (the reports have everything), so the card stays within Teams' limits.
 */
import type { LagesbildView } from '../../src/domain/lagesbild/schema.js';
import type { Catalog, Lang } from '../../src/i18n/index.js';
import { percentOf, signed } from '../../src/reports/lagesbild/document.js';
import { trendCounts } from '../../src/reports/lagesbild/labels.js';
import { container, note, text, type CardElement } from '../kit.js';

export interface SummaryLimits {
  names: number;
  districts: number;
  themes: number;
  questions: number;
  needs: number;
  proposals: number;
  textChars: number;
}

export const fullLimits: SummaryLimits = { names: 12, districts: 8, themes: 5, questions: 5, needs: 3, proposals: 3, textChars: 200 };
export const compactLimits: SummaryLimits = { names: 6, districts: 4, themes: 3, questions: 3, needs: 0, proposals: 0, textChars: 120 };

const heading = (t: string): CardElement => text(`**${t}**`, { spacing: 'Medium', separator: true });

/** A card text cut to `max` characters. */
export function clip(t: string, max: number): string {
  const one = t.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** Up to `max` names, then "…och N till". */
export function nameList(m: Catalog, names: readonly string[], max: number): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} ${m.lagesbild.andMore(names.length - max)}`;
}

/** The first `max` lines, then a note that the rest is in the report. */
function cut<T>(m: Catalog, list: readonly T[], max: number, line: (x: T) => CardElement): CardElement[] {
  const shown = list.slice(0, max).map(line);
  return list.length > max ? [...shown, note(m.lagesbild.more(list.length - max))] : shown;
}

export function summaryElements(m: Catalog, lang: Lang, v: LagesbildView, limits: SummaryLimits): CardElement[] {
  const t = m.lagesbild;
  const rate = v.responseRate;
  const answered = rate.counts.answered + rate.counts.late;
  const out: CardElement[] = [
    heading(t.responseTitle),
    text(`${t.responseRate(answered, rate.counts.forums, percentOf(rate.counts.rate), rate.counts.late)}${rate.previous ? ` ${t.responsePrevious(percentOf(rate.previous.rate))}` : ''}`),
  ];
  if (rate.missing.length) out.push(note(t.missing(nameList(m, rate.missing.map((f) => f.forumName), limits.names))));
  if (answered === 0) out.push(text(rate.counts.forums ? t.noAnswers : t.noForums, { weight: 'Bolder' }));
  if (v.content.withheld) out.push(note(t.withheld(v.content.withheld)));

  if (v.districts.length) {
    out.push(heading(t.districtsTitle));
    out.push(
      ...cut(m, v.districts, limits.districts, (d) =>
        text(`${t.districtLine(d.district, trendCounts(m, d.summary), signed(d.summary.net))}${d.change ? ` · ${t.changeSince(signed(d.change.netChange))}` : ''}`, { spacing: 'Small' }),
      ),
    );
  }
  if (v.themes.ranked.length || v.themes.other.length) {
    out.push(heading(t.themesTitle));
    out.push(
      ...cut(m, v.themes.ranked, limits.themes, (x) => {
        const change = x.change ? (x.change.rankChange === null ? ` (${t.newTheme})` : x.change.rankChange !== 0 ? ` (${signed(x.change.rankChange)})` : '') : '';
        return text(`${t.themeLine(x.rank, lang === 'en' ? x.en : x.sv, x.forums, x.districts)}${change}`, { spacing: 'Small' });
      }),
    );
    if (v.themes.other.length) out.push(note(t.otherThemes(v.themes.other.length)));
  }
  if (v.questions.groups.length) {
    out.push(heading(t.questionsTitle), note(t.questionsTotal(v.questions.total, v.questions.groups.length)));
    out.push(
      ...cut(m, v.questions.groups, limits.questions, (g) =>
        text(
          `${t.questionLine(g.rank, clip(g.text, limits.textChars), g.forumCount, m.inputs.priorities[g.priority].toLowerCase())}${g.recurring ? ` · ${t.recurring}` : ''}` +
            // Every forum that asked it, when more than one did (the merge's point).
            (g.forumCount > 1 ? `  \n${m.merge.askedBy(clip(g.forums.map((f) => f.forumName).join(', '), limits.textChars))}` : ''),
          { spacing: 'Small' },
        ),
      ),
    );
  }
  if (v.needs.length && limits.needs > 0) {
    out.push(heading(t.needsTitle));
    out.push(...cut(m, v.needs, limits.needs, (n) => text(`${clip(n.text, limits.textChars)} (${n.forumName})`, { spacing: 'Small' })));
  }
  if (v.agendaProposals.length && limits.proposals > 0) {
    out.push(heading(t.proposalsTitle));
    out.push(...cut(m, v.agendaProposals, limits.proposals, (p) => text(`${clip(p.text, limits.textChars)} (${nameList(m, p.forums.map((f) => f.forumName), 3)})`, { spacing: 'Small' })));
  }
  if (v.promise) {
    const c = v.promise.counts;
    out.push(heading(t.promiseTitle), text(t.promiseLine(clip(v.promise.title, 80), c.total, c.onTime, c.late, c.done + c.doneLate)), note(t.followUpsLine(v.promise.followUpsReceived, v.promise.followUpsMissing)));
  }
  if (v.malbilder?.length) {
    out.push(heading(t.malbilderTitle));
    out.push(
      container(
        cut(m, v.malbilder, limits.districts, (mb) => text(t.malbildLine(mb.district, mb.indicators.length, mb.indicators.filter((i) => i.reached).length), { spacing: 'None' })),
        { spacing: 'Small' },
      ),
    );
  }
  return out;
}
