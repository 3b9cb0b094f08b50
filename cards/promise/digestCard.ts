import type { WeeklyDigest } from '../../src/domain/promise/digest.js';
import type { Catalog } from '../../src/i18n/index.js';
import { card, container, execute, note, text, title, type AdaptiveCard } from '../kit.js';

/** The chairs' weekly digest: per open promise, what is late and what falls due soon. */
export function digestCard(m: Catalog, digests: readonly { promiseId: string; title: string; digest: WeeklyDigest }[]): AdaptiveCard {
  const t = m.promise;
  const nothing = digests.every((d) => d.digest.late.length === 0 && d.digest.upcoming.length === 0);
  return card(
    [
      title(t.digestTitle),
      nothing ? text(t.digestNothing) : null,
      ...digests.map(({ title: promiseTitle, digest }) =>
        digest.late.length + digest.upcoming.length === 0
          ? null
          : container(
              [
                text(`**${promiseTitle}**`),
                digest.late.length ? text(`**${t.digestLate}**`, { color: 'Attention' }) : null,
                ...digest.late.map((i) => note(`${t.digestLine(i.text, i.ownerName, i.due)} · ${t.daysLate(-i.daysUntilDue)}`)),
                digest.upcoming.length ? text(`**${t.digestUpcoming}**`) : null,
                ...digest.upcoming.map((i) => note(t.digestLine(i.text, i.ownerName, i.due))),
              ],
              { separator: true },
            ),
      ),
    ],
    digests[0] ? [execute(t.followUp, 'promise.followUp', { promiseId: digests[0].promiseId })] : [],
  );
}
