import type { Config } from '../config.js';

/** What the Graph adapter needs, resolved from the environment (GRAPH_* falling back to BOT_*). */
export interface GraphSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  organizer: string;
  authorityHost: string;
  baseUrl: string;
}

/** null when Graph is off (meetings then go out as .ics invitations only). */
export function graphSettings(config: Config): GraphSettings | null {
  if (!config.GRAPH_ENABLED) return null;
  const tenantId = config.GRAPH_TENANT_ID ?? config.BOT_TENANT_ID;
  const clientId = config.GRAPH_CLIENT_ID ?? config.BOT_ID;
  const clientSecret = config.GRAPH_CLIENT_SECRET ?? config.BOT_PASSWORD;
  // loadConfig already refused GRAPH_ENABLED without these; this keeps the types honest.
  if (!tenantId || !clientId || !clientSecret || !config.GRAPH_ORGANIZER) return null;
  return {
    tenantId,
    clientId,
    clientSecret,
    organizer: config.GRAPH_ORGANIZER,
    authorityHost: config.GRAPH_AUTHORITY_HOST.replace(/\/$/, ''),
    baseUrl: config.GRAPH_BASE_URL.replace(/\/$/, ''),
  };
}
