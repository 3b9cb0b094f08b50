import type { Activity } from 'botbuilder';

/**
 * Every card that leaves the bot names its organisation in each Action.Execute's data
 * (`org`), so a button pressed in a personal chat acts in the organisation the card came
 * from, whatever the person chose for their chat since. An action that already names one
 * (a section of a person-wide card) keeps it. Walks the card once; returns a copy.
 */
export function stampOrg<T>(card: T, orgId: string): T {
  return stamp(card, orgId) as T;
}

function stamp(node: unknown, orgId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => stamp(n, orgId));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = stamp(v, orgId);
  if (out.type === 'Action.Execute') {
    const data = out.data;
    // A section already stamped with its own organisation (a person-wide card) keeps it.
    out.data = data && typeof data === 'object' && !Array.isArray(data) ? { org: orgId, ...(data as object) } : { org: orgId };
  }
  return out;
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** The same for every Adaptive Card attached to an outgoing activity. */
export function stampActivity(activity: Partial<Activity>, orgId: string): Partial<Activity> {
  if (!activity.attachments?.some((a) => a.contentType === ADAPTIVE)) return activity;
  return { ...activity, attachments: activity.attachments.map((a) => (a.contentType === ADAPTIVE ? { ...a, content: stampOrg(a.content, orgId) } : a)) };
}
