// The demo's invented channels (Trygghetsrådet Ryd, Sociala insatsgruppen, …) exist only in
// the demo data: the Agents Playground has one team channel and one group chat. Without a
// stand-in its connector refuses them, the bot takes that for "the app was removed there",
// turns those forums inactive and tells the chair, so a newcomer's first `skicka inspel`
// showed errors about the demo's own data. The demo's proxy answers for them instead, as
// the Bot Connector answers for a channel the app is installed in.
//
// Plain ESM (run by node in scripts/demo.mjs before anything is compiled); typed by
// demo-connector.d.mts; the seed (scripts/demo-seed.ts) names its channels with
// inventedConversationId so the two agree.

/**
 * Conversation ids of invented channels (and their teams) start with this; the Playground's
 * ids (demo-channel-…, demo-chat-…) and real Teams ids never do. Unchanged since the first
 * demo, so demo data kept in Redis from an earlier run is recognised too.
 */
export const INVENTED_CONVERSATION_PREFIX = '19:demo-';

/** The conversation id of the invented channel `slug`, e.g. `19:demo-ryd@thread.tacv2`. */
export function inventedConversationId(slug) {
  return `${INVENTED_CONVERSATION_PREFIX}${slug}@thread.tacv2`;
}

export function isInventedConversation(conversationId) {
  return typeof conversationId === 'string' && conversationId.startsWith(INVENTED_CONVERSATION_PREFIX);
}

let counter = 0;

/**
 * The Bot Connector's answer for a request to an invented channel, or null for any other
 * request (it goes on to the Playground). `path` is the connector path after the service
 * URL, e.g. `/v3/conversations/19%3Ademo-ryd%40thread.tacv2/activities`.
 */
export function inventedChannelAnswer(method, path) {
  const m = /^\/v3\/conversations\/([^/?]+)(\/[^?]*)?/.exec(path);
  if (!m) return null;
  const conversationId = decodeURIComponent(m[1]).split(';')[0];
  if (!isInventedConversation(conversationId)) return null;
  const rest = m[2] ?? '';
  if (/^\/activities(\/[^/]+)?$/.test(rest) && (method === 'POST' || method === 'PUT')) {
    // A sent or updated message: the id Teams would give it.
    return { status: 200, body: { id: `demo-${++counter}` }, conversationId, delivered: method === 'POST' ? 'sent' : 'updated' };
  }
  if (/^\/(paged)?members/.test(rest) && method === 'GET') {
    // Nobody to list: the invented channels have no Teams members.
    return { status: 200, body: rest.startsWith('/paged') ? { members: [] } : [], conversationId };
  }
  return { status: 200, body: {}, conversationId };
}
