/** Words the follow-up renderers share: localized labels of statuses, parties, buckets, meetings. */
import { meetingTitle } from '../../domain/meeting.js';
import type { ActionBucket } from '../../domain/promise/followUpReport.js';
import type { Catalog, Lang } from '../../i18n/index.js';

/** "2027-2" → "Styrgruppsmöte 2/2027"; other ids are shown as they are. */
export function meetingLabel(id: string, lang: Lang): string {
  const m = /^(\d{4})-(\d)$/.exec(id);
  return m ? meetingTitle({ year: Number(m[1]), index: Number(m[2]) }, lang) : id;
}

export const bucketOrder: readonly ActionBucket[] = ['onTime', 'late', 'done', 'doneLate', 'stopped'];

/** Colours that read in grey print too (distinct lightness), with late in red. */
export const bucketColors: Record<ActionBucket, string> = {
  onTime: '#0f6cbd',
  late: '#c50f1f',
  done: '#107c10',
  doneLate: '#7fba00',
  stopped: '#8a8886',
};

export const percent = (fraction: number) => Math.round(fraction * 100);

export function formatNumber(n: number, m: Catalog): string {
  return new Intl.NumberFormat(m.locale, { maximumFractionDigits: 2 }).format(n);
}
