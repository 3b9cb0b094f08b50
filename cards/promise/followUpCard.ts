import type { FollowUpDocument } from '../../src/reports/followUp/document.js';
import { bucketOrder, percent } from '../../src/reports/followUp/labels.js';
import type { Catalog, Lang } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, facts, note, openUrl, text, title, type AdaptiveCard } from '../kit.js';
import { meetingLabel, statusText } from './labels.js';

export interface ReportLinks {
  html: string;
  md: string;
  csv: string;
  json: string;
}

/**
 * The follow-up as a card: the summary, per commitment its items with this meeting's
 * entries, and signed links to the printable, Markdown, CSV and JSON versions.
 */
export function followUpCard(m: Catalog, lang: Lang, doc: FollowUpDocument, links: ReportLinks, linkMinutes: number): AdaptiveCard {
  const full = followUpCardIn(m, lang, doc, links, linkMinutes, false);
  // Teams shows cards up to about 40 KB; a long promise gets counts per commitment and the full detail in the reports.
  return Buffer.byteLength(JSON.stringify(full), 'utf8') <= 36_000 ? full : followUpCardIn(m, lang, doc, links, linkMinutes, true);
}

function followUpCardIn(m: Catalog, lang: Lang, doc: FollowUpDocument, links: ReportLinks, linkMinutes: number, compact: boolean): AdaptiveCard {
  const t = m.promise;
  const r = doc.report;
  const heading = doc.scope === 'period' ? t.followUpPeriodTitle(r.title) : t.followUpTitle(r.title, meetingLabel(r.meetingId, lang));
  const counts = r.summary.counts;
  return card(
    [
      title(heading),
      note(`${t.period}: ${r.period.from} – ${r.period.to} · ${t.statuses[r.period.status]} · ${t.periodElapsed(percent(r.period.elapsed))}`),
      facts([...bucketOrder.map((b): [string, string] => [t.buckets[b], String(counts[b])]), [t.report.total, String(counts.total)]]),
      text(t.followUpsReceived(r.summary.followUpsReceived, r.summary.followUpsMissing)),
      ...r.commitments.map((c) =>
        container(
          [
            text(`**${c.text}**`),
            note(t.commitmentMeta(t.parties[c.responsible], c.districts.join(', '))),
            compact ? note(bucketOrder.filter((b) => c.counts[b] > 0).map((b) => `${t.buckets[b]}: ${c.counts[b]}`).join(' · ') || t.noActions) : null,
            ...(compact ? [] : c.actions).map((a) => {
              const entries = doc.scope === 'period' ? (doc.history[a.actionId] ?? []) : a.followUp ? [{ meetingId: r.meetingId, ...a.followUp }] : [];
              const said = entries.length
                ? entries.map((e) => `${doc.scope === 'period' ? `${meetingLabel(e.meetingId, lang)}: ` : ''}${e.text}${e.count !== undefined ? t.countSuffix(e.count) : ''}`).join(' · ')
                : `– ${t.noFollowUpYet} –`;
              return container([text(`• ${a.text} — ${statusText(m, a.status)}`), note(`${a.ownerName} · ${t.due} ${a.due} · ${said}`)], { spacing: 'Small' });
            }),
          ],
          { separator: true },
        ),
      ),
      compact ? note(t.compactFollowUp) : null,
      note(t.linksValid(linkMinutes)),
      actionSet([openUrl(t.openHtml, links.html), openUrl(t.openMarkdown, links.md), openUrl(t.openCsv, links.csv), openUrl(t.openJson, links.json)]),
    ],
    [
      doc.scope === 'period' ? execute(t.followUp, 'promise.followUp', { promiseId: r.promiseId, meetingId: r.meetingId, scope: 'meeting' }) : execute(t.wholePeriod, 'promise.followUp', { promiseId: r.promiseId, scope: 'period' }),
      execute(t.back, 'promise.show', { promiseId: r.promiseId }),
    ],
  );
}
