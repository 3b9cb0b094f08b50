import type { TurnContext } from 'botbuilder';
import { ownedItemBlocks, personActionsCard } from '../../../cards/promise/myActionsCard.js';
import type { Command } from '../../domain/commands.js';
import type { Catalog } from '../../i18n/index.js';
import { accountsOfPerson, personOrgs } from '../../services/people/personOrgs.js';
import type { Platform } from '../../services/platform.js';
import { actionsOwnedBy } from '../../services/promise/actions.js';
import { todayOf } from '../../services/promise/today.js';
import { conversationKindOf } from '../activity.js';
import { replyCard } from '../reply.js';
import { stampOrg } from '../stampOrg.js';
import { exportMyData } from './privacy.js';

/**
 * Commands about the person, whatever organisation their chat is about: answered before
 * (and without) resolving one, over all their organisations and linked accounts. True
 * when the command was one of them. `mina åtgärder` is the person's only in their personal
 * chat; in a channel it stays that channel's organisation's.
 */
export async function runPersonCommand(p: Platform, ctx: TurnContext, m: Catalog, cmd: Command): Promise<boolean> {
  if (cmd.name === 'exportMyData') {
    await exportMyData(p, ctx, m);
    return true;
  }
  if (cmd.name === 'myActions' && conversationKindOf(ctx.activity) === 'personal' && ctx.activity.from?.aadObjectId) {
    await replyCard(ctx, await personActions(p, ctx.activity.from.aadObjectId, m));
    return true;
  }
  return false;
}

/** The person's own items in each of their organisations, grouped by organisation name; each section's buttons act in its organisation. */
async function personActions(p: Platform, aad: string, m: Catalog) {
  const { accounts } = await accountsOfPerson(p, aad);
  const sections = [];
  for (const s of await personOrgs(p, accounts)) {
    const items = (await Promise.all(accounts.map((a) => actionsOwnedBy(s, a)))).flat();
    if (items.length) sections.push({ name: s.org.settings.data.name, blocks: stampOrg(ownedItemBlocks(m, items, todayOf(s)), s.org.id) });
  }
  sections.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return personActionsCard(m, sections);
}
