import type { WeeklyDigest } from '../../src/domain/promise/digest.js';
import type { Catalog } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, note, text, title, type AdaptiveCard, type CardElement } from '../kit.js';

type PromiseDigest = { promiseId: string; title: string; digest: WeeklyDigest };

const isEmpty = (digests: readonly PromiseDigest[]) => digests.every((d) => d.digest.late.length === 0 && d.digest.upcoming.length === 0);

function promiseBlocks(m: Catalog, digests: readonly PromiseDigest[]): CardElement[] {
  const t = m.promise;
  return digests.flatMap(({ title: promiseTitle, digest }) =>
    digest.late.length + digest.upcoming.length === 0
      ? []
      : [
          container(
            [
              text(`**${promiseTitle}**`),
              digest.late.length ? text(`**${t.digestLate}**`, { color: 'Attention' }) : null,
              ...digest.late.map((i) => note(`${t.digestLine(i.text, i.ownerName, i.due)} · ${t.daysLate(-i.daysUntilDue)}`)),
              digest.upcoming.length ? text(`**${t.digestUpcoming}**`) : null,
              ...digest.upcoming.map((i) => note(t.digestLine(i.text, i.ownerName, i.due))),
            ],
            { separator: true },
          ),
        ],
  );
}

/** The chairs' weekly digest: per open promise, what is late and what falls due soon. */
export function digestCard(m: Catalog, digests: readonly PromiseDigest[]): AdaptiveCard {
  const t = m.promise;
  return card(
    [title(t.digestTitle), isEmpty(digests) ? text(t.digestNothing) : null, ...promiseBlocks(m, digests)],
    digests[0] ? [execute(t.followUp, 'promise.followUp', { promiseId: digests[0].promiseId })] : [],
  );
}

/** One organisation's section of a person's digest, with its own follow-up button (to be stamped with that organisation). */
export function digestSection(m: Catalog, orgName: string, digests: readonly PromiseDigest[]): CardElement[] {
  return [
    container([text(orgName, { weight: 'Bolder', size: 'Medium' })], { separator: true }),
    isEmpty(digests) ? note(m.promise.digestNothing) : null,
    ...promiseBlocks(m, digests),
    digests[0] ? actionSet([execute(m.promise.followUp, 'promise.followUp', { promiseId: digests[0].promiseId })]) : null,
  ].filter((x): x is CardElement => !!x);
}

/** A person's weekly digest: one section per organisation where they are a chair. */
export function personDigestCard(m: Catalog, sections: readonly CardElement[][]): AdaptiveCard {
  return card([title(m.promise.digestTitle), ...sections.flat()]);
}
