import { shortAccountId, type PersonAccounts } from '../src/domain/people/personLink.js';
import type { Catalog } from '../src/i18n/index.js';
import { actionSet, card, container, execute, note, text, title, type AdaptiveCard } from './kit.js';

/** The one-time code, shown only in the personal chat of the account that asked. */
export function linkCodeCard(m: Catalog, shownCode: string, minutes: number): AdaptiveCard {
  return card([title(m.links.codeTitle), text(m.links.codeShown(shownCode), { size: 'Large', fontType: 'Monospace' }), text(m.links.codeHowTo(minutes))]);
}

/** The person's linked accounts (tenant shown, ids shortened), each with its Avlänka button. */
export function linkedAccountsCard(m: Catalog, person: PersonAccounts, here: string, lead?: string): AdaptiveCard {
  const l = m.links;
  const linked = person.accounts.length > 1;
  return card([
    lead ? text(lead, { weight: 'Bolder' }) : null,
    title(l.unlinkTitle),
    linked ? note(l.unlinkIntro) : text(l.unlinkNone),
    ...(linked
      ? person.accounts.map((a) =>
          container(
            [
              text(l.accountLine(a.tenant ?? '–', shortAccountId(a.aad), a.aad === here)),
              actionSet([execute(l.unlinkButton(shortAccountId(a.aad)), 'link.unlink', { account: a.aad })]),
            ],
            { separator: true },
          ),
        )
      : []),
  ]);
}
