/** Teams-shaped activities, as Teams posts them to /api/messages (invented people only). */
export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CHAIR = { id: '29:chair-teams-id', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Ordförande Testsson' };
export const MEMBER = { id: '29:member-teams-id', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000002', name: 'Medlem Påhittad' };
export const BOT = { id: '28:bot-id', name: 'Samverkan' };

let n = 0;
const nextId = () => `f:${Date.now()}${++n}`;

export interface Where {
  conversationId: string;
  conversationType: 'channel' | 'personal' | 'groupChat';
  serviceUrl: string;
  channelName?: string;
  /** Another organisation's team and tenant (default: the test tenant's one team). */
  tenantId?: string;
  teamId?: string;
}

export function channel(serviceUrl: string, id: string, channelName = 'Allmänt'): Where {
  return { conversationId: id, conversationType: 'channel', serviceUrl, channelName };
}

function base(where: Where, from: { id: string; aadObjectId?: string; name: string }, locale = 'sv-SE') {
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from,
    recipient: BOT,
    conversation: { id: where.conversationId, conversationType: where.conversationType, tenantId: where.tenantId ?? TENANT, isGroup: where.conversationType !== 'personal' },
    channelData: {
      tenant: { id: where.tenantId ?? TENANT },
      ...(where.conversationType === 'channel'
        ? { team: { id: where.teamId ?? '19:team@thread.tacv2', name: 'Trygghet Linköping' }, channel: { id: where.conversationId, name: where.channelName } }
        : {}),
    },
  };
}

export function message(where: Where, from: typeof CHAIR, text: string, locale?: string) {
  return { ...base(where, from, locale), type: 'message', text, textFormat: 'plain' };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function mentionMessage(where: Where, from: typeof CHAIR, text: string) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...message(where, from, `${mention} ${text}`),
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
  };
}

export function invokeExecute(where: Where, from: typeof CHAIR, verb: string, data: Record<string, unknown>, locale?: string) {
  return {
    ...base(where, from, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function botAdded(where: Where, from: typeof CHAIR) {
  return { ...base(where, from), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}

export function botRemoved(where: Where, from: typeof CHAIR) {
  return { ...base(where, from), type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] };
}

/** Teams' notice that people joined or left the team (channelData.eventType teamMemberAdded/Removed). */
export function teamMembersChanged(where: Where, from: typeof CHAIR, change: { added?: { id: string; aadObjectId: string }[]; removed?: { id: string; aadObjectId: string }[] }) {
  const b = base(where, from);
  return {
    ...b,
    type: 'conversationUpdate',
    ...(change.added ? { membersAdded: change.added } : {}),
    ...(change.removed ? { membersRemoved: change.removed } : {}),
    channelData: { ...b.channelData, eventType: change.added ? 'teamMemberAdded' : 'teamMemberRemoved' },
  };
}

export async function post(botUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* plain text body */
  }
  return { status: res.status, body };
}
