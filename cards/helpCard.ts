import type { CommandName } from '../src/domain/commands.js';
import type { Catalog } from '../src/i18n/index.js';
import { card, facts, note, text, title, type AdaptiveCard } from './kit.js';

/** What this user may do here: only the commands their role allows. */
export function helpCard(m: Catalog, allowed: CommandName[], roleLines: string[], lead?: string): AdaptiveCard {
  return card([
    lead ? text(lead) : null,
    title(m.help.title),
    ...roleLines.map((r) => note(r)),
    facts(allowed.map((c) => m.help.commands[c])),
  ]);
}
