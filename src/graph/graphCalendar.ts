import { ClientSecretCredential } from '@azure/identity';
import { AuthenticationHandler, Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { Event, User } from '@microsoft/microsoft-graph-types';
import type { GraphEventBody } from '../domain/calendar/graphEvent.js';
import type { CalendarApi, CalendarEventRef, DirectoryUser } from '../services/calendar/calendarApi.js';
import { classifyGraphError } from './graphErrors.js';
import type { GraphSettings } from './graphSettings.js';

const PUBLIC_AUTHORITY = 'https://login.microsoftonline.com';
/** Graph's `id in (…)` filter takes at most 15 values. */
const USERS_PER_FILTER = 15;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The organizer's calendar through Microsoft's Graph client, authenticated with the app's
 * client credentials (@azure/identity caches and renews the token). The client's own
 * RetryHandler is left out of the middleware: BullMQ owns retries, so a 429's Retry-After
 * delays the job instead of holding a worker inside the client.
 */
export function createGraphCalendar(settings: GraphSettings): CalendarApi {
  const credential = new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, {
    authorityHost: settings.authorityHost,
    // Instance discovery asks the public cloud about the authority; only meaningful there.
    disableInstanceDiscovery: settings.authorityHost !== PUBLIC_AUTHORITY,
  });
  const auth = new AuthenticationHandler(new TokenCredentialAuthenticationProvider(credential, { scopes: [graphScope(settings.baseUrl)] }));
  auth.setNext(new HTTPMessageHandler());
  // The client attaches the token only for Microsoft's Graph hosts and the hosts named here.
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${settings.baseUrl}/`, defaultVersion: 'v1.0', customHosts: new Set([new URL(settings.baseUrl).hostname]) });
  const mailbox = `/users/${encodeURIComponent(settings.organizer)}`;
  // The client waits forever by default; a hung call would hold the job (and its meeting's lock).
  const api = (path: string) => client.api(path).option('signal', AbortSignal.timeout(REQUEST_TIMEOUT_MS));

  return {
    organizer: settings.organizer,

    async findUsers(ids) {
      const found: DirectoryUser[] = [];
      for (let i = 0; i < ids.length; i += USERS_PER_FILTER) {
        const chunk = ids.slice(i, i + USERS_PER_FILTER).filter((id) => /^[0-9a-fA-F-]{1,64}$/.test(id));
        if (chunk.length === 0) continue;
        const filter = `id in (${chunk.map((id) => `'${id}'`).join(',')})`;
        const page = (await call('mailbox', () => api('/users').filter(filter).select('id,displayName,mail,userPrincipalName').top(USERS_PER_FILTER).get())) as { value: User[] };
        for (const u of page.value) {
          const address = u.mail ?? u.userPrincipalName;
          if (u.id && address) found.push({ id: u.id, displayName: u.displayName ?? address, address });
        }
      }
      return found;
    },

    async createEvent(body: GraphEventBody) {
      return refOf((await call('mailbox', () => api(`${mailbox}/events`).post(body))) as Event);
    },

    async updateEvent(eventId: string, body: GraphEventBody) {
      return refOf((await call('event', () => api(`${mailbox}/events/${encodeURIComponent(eventId)}`).patch(body))) as Event);
    },

    async cancelEvent(eventId: string, comment: string) {
      // 202 with no content: the client hands back the empty body as a stream; release it.
      const answer = (await call('event', () => api(`${mailbox}/events/${encodeURIComponent(eventId)}/cancel`).post({ Comment: comment }))) as { cancel?: () => Promise<void> } | undefined;
      await answer?.cancel?.().catch(() => undefined);
    },
  };
}

/** The `.default` scope: a sovereign cloud's own Graph host, otherwise the public one. */
function graphScope(baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  const sovereign = /graph\.microsoft\.(us|de)$|dod-graph\.microsoft\.us$|microsoftgraph\.chinacloudapi\.cn$/.test(origin);
  return `${sovereign ? origin : 'https://graph.microsoft.com'}/.default`;
}

async function call<T>(about: 'event' | 'mailbox', request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw classifyGraphError(error, about);
  }
}

function refOf(e: Event): CalendarEventRef {
  if (!e?.id) throw classifyGraphError(new Error('Graph returned no event id'), 'mailbox');
  return { id: e.id, iCalUId: e.iCalUId ?? undefined, joinUrl: e.onlineMeeting?.joinUrl ?? undefined, webLink: e.webLink ?? undefined };
}
