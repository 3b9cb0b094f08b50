import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { checkEventTimes, GraphRequestError, inZone, ianaZone, normaliseDateTime, toUtcMs, validateEventBody, type EventInput } from './fakeGraphValidation.js';
import { FakeIdentity, identityFaultBody, redactForm, type Reply } from './fakeIdentity.js';
import { testTls } from './testTls.js';

export interface FakeUser {
  id: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName: string;
}

export interface FakeEvent {
  id: string;
  iCalUId: string;
  transactionId?: string;
  subject: string;
  body?: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: { emailAddress: { address: string; name?: string }; type: string }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  onlineMeeting?: { joinUrl: string } | null;
  webLink: string;
  isCancelled: boolean;
  cancelComment?: string;
  location?: unknown;
  showAs?: string;
  allowNewTimeProposals?: boolean;
  responseRequested?: boolean;
  importance?: string;
  sensitivity?: string;
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  categories?: string[];
}

/**
 * dropResponse: the request IS processed (e.g. the event created), then the socket is destroyed
 * before any response is written, as in a crash/timeout after the server acted. holdResponse:
 * processed, then never answered (until stop()): the caller can be killed while it waits.
 */
export type GraphFault = { status: number; headers?: Record<string, string>; body?: unknown } | { dropResponse: true } | { holdResponse: true };

export interface FakeRequest {
  method: string;
  /** Decoded path plus query; MSAL's random `client-request-id` query is left out. */
  path: string;
  /** The status answered, or that would have been answered when the response was dropped. */
  status: number;
  body?: unknown;
  at: number;
  dropped?: boolean;
}

interface Stored {
  event: FakeEvent;
  mailbox: string;
  created: string;
  modified: string;
  changeKey: number;
  /** The create request as sent, to tell a retry from a different event with the same transactionId. */
  createBody: string;
  extra: { isAllDay: boolean; hideAttendees: boolean; locations: unknown[] };
  deleted: boolean;
}

/**
 * A local Microsoft Graph + identity platform over HTTPS (trusted through tlsGlobalSetup),
 * for contract tests with Microsoft's real clients: ClientSecretCredential (authorityHost =
 * `authorityHost`, disableInstanceDiscovery) and the Graph JS client (baseUrl = `baseUrl`).
 * Requests are checked against the documented shapes; errors carry Graph's/AAD's bodies.
 *
 * Event times are kept in the zone sent (see `events()`); responses give them in UTC unless the
 * request carries `Prefer: outlook.timezone="…"`, as Graph does.
 */
export class FakeGraph {
  readonly users = new Map<string, FakeUser>();
  readonly requests: FakeRequest[] = [];
  /** Consulted before normal handling; `attempt` = n-th time this method+path (+body for a Graph POST) was seen. */
  fault?: (req: { method: string; path: string; attempt: number; body: unknown }) => GraphFault | undefined;

  private readonly mailboxes: Map<string, string>;
  private readonly forbidden = new Set<string>();
  private readonly stored: Stored[] = [];
  private readonly attempts = new Map<string, number>();
  private readonly heldResponses: ServerResponse[] = [];
  private readonly gates: { match: (req: { method: string; path: string }) => boolean; opened: Promise<void>; held: number }[] = [];
  private readonly tally = { creates: 0, updates: 0, cancels: 0 };
  private readonly identity: FakeIdentity;
  private server?: Server;

  private constructor(
    readonly tenantId: string,
    readonly clientId: string,
    readonly clientSecret: string,
    mailboxes: string[],
  ) {
    this.mailboxes = new Map(mailboxes.map((m) => [m.toLowerCase(), m]));
    this.identity = new FakeIdentity(tenantId, clientId, clientSecret);
  }

  static async start(opts: { tenantId?: string; clientId?: string; clientSecret?: string; mailboxes?: string[]; users?: FakeUser[] } = {}): Promise<FakeGraph> {
    const fake = new FakeGraph(opts.tenantId ?? '00000000-0000-0000-0000-0000000000aa', opts.clientId ?? 'samverkan-test-app', opts.clientSecret ?? 'test-secret', opts.mailboxes ?? ['styrgrupp@linkoping.example']);
    for (const u of opts.users ?? []) fake.addUser(u);
    fake.server = createServer(testTls(), (req, res) => {
      // A bug in the fake answers 500 with the stack rather than leaving the client hanging.
      fake.handle(req, res).catch((err: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`FakeGraph failed: ${err.stack}`);
      });
    });
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get authorityHost(): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get baseUrl(): string {
    return this.authorityHost;
  }

  addUser(u: FakeUser): void {
    this.users.set(u.id, u);
  }

  removeUser(id: string): void {
    this.users.delete(id);
  }

  /** The organizer mailbox's calendar, cancelled events included; start/end in the zone sent, in Graph's stored form (2027-02-10T13:00:00.0000000). Live objects: editing one simulates a change made in Outlook. */
  events(mailbox?: string): FakeEvent[] {
    const key = (mailbox ?? [...this.mailboxes.values()][0] ?? '').toLowerCase();
    return this.stored.filter((s) => s.mailbox === key && !s.deleted).map((s) => s.event);
  }

  /** Successful operations only: a transactionId replay that returned the existing event is not a create. */
  counts(): { tokens: number; creates: number; updates: number; cancels: number } {
    return { tokens: this.identity.issued, ...this.tally };
  }

  expireSecret(): void {
    this.identity.secretExpired = true;
  }

  /** Issued tokens stop working (Graph answers 401), as after their lifetime; the credential's cache does not know. */
  expireTokens(): void {
    this.identity.expireTokens();
  }

  forbidMailbox(upn: string): void {
    this.forbidden.add(upn.toLowerCase());
  }

  /** Undoes forbidMailbox, as when an admin grants the permission. */
  allowMailbox(upn: string): void {
    this.forbidden.delete(upn.toLowerCase());
  }

  /** Graph's documented throttling answer (https://learn.microsoft.com/graph/throttling). */
  static throttled(retryAfterSeconds = 2): GraphFault {
    return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) }, body: graphError('TooManyRequests', 'Please retry again later.') };
  }

  static unavailable(retryAfterSeconds?: number): GraphFault {
    return { status: 503, headers: retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }, body: graphError('ServiceUnavailable', 'Service Unavailable') };
  }

  /**
   * Matching requests wait, unhandled, until `open()`, then are handled as usual: to look
   * at a state that is normally too brief (e.g. a card before its event exists).
   */
  holdRequests(match: (req: { method: string; path: string }) => boolean): { open(): void; held(): number } {
    let open: () => void = () => undefined;
    const gate = { match, opened: new Promise<void>((resolve) => (open = resolve)), held: 0 };
    this.gates.push(gate);
    return {
      open: () => {
        this.gates.splice(this.gates.indexOf(gate), 1);
        open();
      },
      held: () => gate.held,
    };
  }

  async stop(): Promise<void> {
    for (const res of this.heldResponses.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---- transport -------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'https://fake');
    const query = [...url.searchParams].filter(([name]) => name !== 'client-request-id').map(([name, value]) => `${name}=${value}`);
    const path = decodeURIComponent(url.pathname) + (query.length ? `?${query.join('&')}` : '');
    const method = req.method ?? 'GET';
    const identity = !url.pathname.startsWith('/v1.0/');
    const body: { value?: unknown; error?: Reply } = identity ? redactForm(raw) : parseJson(raw, req.headers['content-type']);

    for (const gate of this.gates.filter((g) => g.match({ method, path }))) {
      gate.held++;
      await gate.opened;
    }
    const key = `${method} ${identity ? url.pathname : path}${method === 'POST' && !identity ? ` ${raw}` : ''}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const fault = this.fault?.({ method, path, attempt, body: body.value });

    let reply: Reply;
    if (fault && 'status' in fault) reply = { status: fault.status, headers: fault.headers, body: fault.body ?? (identity ? identityFaultBody(fault.status) : graphFaultBody(fault.status)) };
    else if (identity) reply = this.identity.handle(method, url, raw, req.headers, this.authorityHost);
    else if (body.error) reply = body.error;
    else reply = this.graph(method, url, body.value, req);

    if (fault && 'holdResponse' in fault) {
      this.requests.push({ method, path, status: reply.status, body: body.value, at: Date.now() });
      this.heldResponses.push(res);
      return;
    }
    const dropped = Boolean(fault && 'dropResponse' in fault);
    this.requests.push({ method, path, status: reply.status, body: body.value, at: Date.now(), ...(dropped ? { dropped } : {}) });
    if (dropped) {
      req.socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const clientRequestId = String(req.headers['client-request-id'] ?? req.headers['x-ms-client-request-id'] ?? requestId);
    if (!identity && isObject(reply.body) && isObject(reply.body.error)) {
      const error = structuredClone(reply.body.error);
      reply.body = { ...reply.body, error };
      error.innerError ??= { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId };
    }
    const json = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const type = identity || reply.status >= 400 ? 'application/json; charset=utf-8' : 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    res.writeHead(reply.status, { ...(json ? { 'content-type': type } : {}), 'request-id': requestId, 'client-request-id': clientRequestId, ...reply.headers });
    res.end(json);
  }

  // ---- Graph -----------------------------------------------------------------------------

  private graph(method: string, url: URL, body: unknown, req: IncomingMessage): Reply {
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    if (!auth) return unauthenticated('Access token is empty.');
    const state = this.identity.tokenState(auth[1]!);
    if (state === 'unknown') return unauthenticated('Access token validation failure. (FakeGraph: this token was not issued by this fake.)');
    if (state === 'expired') return unauthenticated('Lifetime validation failed, the token is expired.');

    const segments = url.pathname.split('/').slice(2).map(decodeURIComponent);
    try {
      const zone = preferredZone(String(req.headers.prefer ?? ''));
      const [root, user, collection, id, action, ...more] = segments;
      if (root !== 'users' || more.length > 0) return notFound(method, url.pathname);
      if (!user && method === 'GET') return this.listUsers(url.searchParams);
      if (user && !collection && method === 'GET') return this.getUser(user, url.searchParams);
      if (!user || collection !== 'events') return notFound(method, url.pathname);
      const mailbox = this.mailbox(user);
      if (!id) return method === 'POST' ? this.createEvent(mailbox, body, zone) : notFound(method, url.pathname);
      const stored = this.stored.find((s) => s.mailbox === mailbox && s.event.id === id && !s.deleted && !s.event.isCancelled);
      const route = `${method} ${action ?? ''}`;
      if (!['GET ', 'PATCH ', 'DELETE ', 'POST cancel'].includes(route)) return notFound(method, url.pathname);
      if (!stored) throw new GraphRequestError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (route === 'GET ') return { status: 200, body: this.eventJson(stored, zone) };
      if (route === 'PATCH ') return this.updateEvent(stored, body, zone);
      if (route === 'DELETE ') {
        // Valid Graph, but unlike cancel it sends attendees nothing; the event leaves events().
        stored.deleted = true;
        return { status: 204 };
      }
      return this.cancelEvent(stored, body);
    } catch (err) {
      if (err instanceof GraphRequestError) return { status: err.status, body: graphError(err.code, err.message) };
      throw err;
    }
  }

  private listUsers(query: URLSearchParams): Reply {
    const filter = query.get('$filter') ?? '';
    const m = /^\s*(id|userPrincipalName|mail)\s+(eq|in)\s+(.+?)\s*$/.exec(filter);
    const values = m ? [...(m[2] === 'in' ? m[3]!.replace(/^\((.*)\)$/, '$1') : m[3]!).matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1]!.replace(/''/g, "'")) : [];
    if (!m || values.length === 0) throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${filter}' of resource 'User'. (FakeGraph supports id/userPrincipalName/mail eq|in.)`);
    if (values.length > 15) throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Too many child clauses specified in search filter expression containing 'OR' operators: ${values.length}. Max allowed: 15.`);
    const field = m[1] as 'id' | 'userPrincipalName' | 'mail';
    const wanted = new Set(values.map((v) => v.toLowerCase()));
    const found = [...this.users.values()].filter((u) => wanted.has(String(u[field] ?? '').toLowerCase()));
    return { status: 200, body: { '@odata.context': `${this.baseUrl}/v1.0/$metadata#users`, value: found.map((u) => userJson(u, query.get('$select'))) } };
  }

  private getUser(idOrUpn: string, query: URLSearchParams): Reply {
    const u = this.findUser(idOrUpn);
    if (!u) throw new GraphRequestError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
    return { status: 200, body: { '@odata.context': `${this.baseUrl}/v1.0/$metadata#users/$entity`, ...userJson(u, query.get('$select')) } };
  }

  private findUser(idOrUpn: string): FakeUser | undefined {
    return this.users.get(idOrUpn) ?? [...this.users.values()].find((u) => u.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase());
  }

  /** The mailbox a /users/{x} segment names (UPN or a user's id), or Graph's 403/404. */
  private mailbox(segment: string): string {
    const user = this.findUser(segment);
    const key = this.mailboxes.has(segment.toLowerCase()) ? segment.toLowerCase() : user?.userPrincipalName.toLowerCase();
    if (this.forbidden.has(segment.toLowerCase()) || (key && this.forbidden.has(key))) throw new GraphRequestError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    if (key && this.mailboxes.has(key)) return key;
    if (user) throw new GraphRequestError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
    throw new GraphRequestError(404, 'ErrorInvalidUser', `The requested user '${segment}' is invalid.`);
  }

  private createEvent(mailbox: string, body: unknown, zone: string): Reply {
    const input = validateEventBody(body, 'create');
    const createBody = JSON.stringify(body);
    // transactionId (documented): a retried create answers with the event the first one made.
    // The same id with another body is Graph's ErrorDuplicateTransactionId; a cancelled event
    // has left the calendar, so it no longer claims its id.
    const previous = input.transactionId === undefined ? undefined : this.stored.find((s) => s.mailbox === mailbox && !s.deleted && !s.event.isCancelled && s.event.transactionId === input.transactionId);
    if (previous) {
      if (previous.createBody !== createBody) throw new GraphRequestError(400, 'ErrorDuplicateTransactionId', "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.");
      return { status: 201, body: this.eventJson(previous, zone) };
    }
    const id = `AAMkA${randomBytes(105).toString('base64').replace(/\//g, '-').replace(/\+/g, '_')}`;
    const now = new Date().toISOString().replace('Z', '0000Z');
    const stored: Stored = {
      mailbox,
      created: now,
      modified: now,
      changeKey: 1,
      createBody,
      deleted: false,
      extra: { isAllDay: false, hideAttendees: false, locations: [] },
      event: {
        id,
        iCalUId: `040000008200E00074C5B7101A82E00800000000${randomBytes(28).toString('hex').toUpperCase()}`,
        subject: '',
        body: { contentType: 'text', content: '' },
        start: input.start!,
        end: input.end!,
        attendees: [],
        isOnlineMeeting: false,
        onlineMeetingProvider: 'unknown',
        onlineMeeting: null,
        webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
        isCancelled: false,
        location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
        showAs: 'busy',
        allowNewTimeProposals: true,
        responseRequested: true,
        importance: 'normal',
        sensitivity: 'normal',
        isReminderOn: true,
        reminderMinutesBeforeStart: 15,
        categories: [],
      },
    };
    this.apply(stored, input);
    this.stored.push(stored);
    this.tally.creates++;
    return { status: 201, body: this.eventJson(stored, zone) };
  }

  private updateEvent(stored: Stored, body: unknown, zone: string): Reply {
    const input = validateEventBody(body, 'update');
    if (input.transactionId !== undefined && input.transactionId !== stored.event.transactionId) {
      throw new GraphRequestError(400, 'ErrorInvalidRequest', 'The transactionId of an event cannot be changed after it is created.');
    }
    this.apply(stored, input);
    stored.changeKey++;
    stored.modified = new Date().toISOString().replace('Z', '0000Z');
    this.tally.updates++;
    return { status: 200, body: this.eventJson(stored, zone) };
  }

  /** Copies validated input onto the event, with Graph's documented online-meeting rules. */
  private apply(stored: Stored, input: EventInput): void {
    const { start, end, isAllDay, hideAttendees, locations, isOnlineMeeting, onlineMeetingProvider, attendees, ...rest } = input;
    const event = stored.event;
    const nextStart = start ? normaliseDateTime(start) : event.start;
    const nextEnd = end ? normaliseDateTime(end) : event.end;
    checkEventTimes(nextStart, nextEnd, isAllDay ?? stored.extra.isAllDay);
    Object.assign(event, rest, { start: nextStart, end: nextEnd });
    if (attendees) event.attendees = attendees.map((a) => ({ ...a, type: a.type ?? 'required' }));
    if (isAllDay !== undefined) stored.extra.isAllDay = isAllDay;
    if (hideAttendees !== undefined) stored.extra.hideAttendees = hideAttendees;
    if (locations !== undefined) stored.extra.locations = locations;
    // "After you set isOnlineMeeting to true, Microsoft Graph initializes onlineMeeting.
    // Subsequently Outlook ignores any further changes to isOnlineMeeting" (event resource).
    if (event.isOnlineMeeting) return;
    if (onlineMeetingProvider !== undefined) event.onlineMeetingProvider = onlineMeetingProvider;
    if (isOnlineMeeting) {
      event.isOnlineMeeting = true;
      // Without a provider the mailbox default applies: Teams in a Teams tenant.
      if (event.onlineMeetingProvider === 'unknown' && onlineMeetingProvider === undefined) event.onlineMeetingProvider = 'teamsForBusiness';
      const thread = `19%3ameeting_${randomBytes(36).toString('base64url')}%40thread.v2`;
      const context = encodeURIComponent(JSON.stringify({ Tid: this.tenantId, Oid: this.findUser(stored.mailbox)?.id ?? randomUUID() })).toLowerCase();
      event.onlineMeeting = event.onlineMeetingProvider === 'teamsForBusiness' ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}` } : null;
    }
  }

  private cancelEvent(stored: Stored, body: unknown): Reply {
    const params = body ?? {};
    if (!isObject(params)) throw new GraphRequestError(400, 'RequestBodyRead', 'The request body of the cancel action must be a JSON object.');
    for (const key of Object.keys(params)) {
      if (key !== 'Comment') throw new GraphRequestError(400, 'RequestBodyRead', `The parameter '${key}' in the request payload is not a valid parameter for the operation 'cancel'.`);
    }
    if (params.Comment !== undefined && typeof params.Comment !== 'string') throw new GraphRequestError(400, 'RequestBodyRead', "Cannot convert the literal to the expected type 'Edm.String' (parameter 'Comment').");
    // The organizer's copy leaves the calendar: GET/PATCH/cancel on it then answer 404.
    stored.event.isCancelled = true;
    if (params.Comment !== undefined) stored.event.cancelComment = params.Comment;
    this.tally.cancels++;
    return { status: 202 };
  }

  private eventJson(stored: Stored, zone: string): Record<string, unknown> {
    const { event } = stored;
    const organizer = this.findUser(stored.mailbox);
    const { cancelComment: _cancelComment, ...visible } = event;
    return {
      '@odata.context': `${this.baseUrl}/v1.0/$metadata#users('${encodeURIComponent(this.mailboxes.get(stored.mailbox) ?? stored.mailbox)}')/events/$entity`,
      '@odata.etag': `W/"fake${stored.changeKey}"`,
      ...visible,
      createdDateTime: stored.created,
      lastModifiedDateTime: stored.modified,
      changeKey: `fake${stored.changeKey}`,
      transactionId: event.transactionId ?? null,
      originalStartTimeZone: event.start.timeZone,
      originalEndTimeZone: event.end.timeZone,
      uid: event.iCalUId,
      hasAttachments: false,
      bodyPreview: (event.body?.content ?? '').slice(0, 255),
      isAllDay: stored.extra.isAllDay,
      hideAttendees: stored.extra.hideAttendees,
      isOrganizer: true,
      isDraft: false,
      seriesMasterId: null,
      type: 'singleInstance',
      onlineMeetingUrl: null,
      recurrence: null,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      start: inZone(toUtcMs(event.start), zone),
      end: inZone(toUtcMs(event.end), zone),
      locations: stored.extra.locations,
      attendees: event.attendees.map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
      organizer: { emailAddress: { name: organizer?.displayName ?? stored.mailbox.split('@')[0], address: this.mailboxes.get(stored.mailbox) ?? stored.mailbox } },
    };
  }
}

// ---- bodies -----------------------------------------------------------------------------

function graphError(code: string, message: string): { error: Record<string, unknown> } {
  return { error: { code, message } };
}

function unauthenticated(message: string): Reply {
  return {
    status: 401,
    headers: { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' },
    body: graphError('InvalidAuthenticationToken', message),
  };
}

/** Graph answers an unknown path with 400 (not 404), naming the first segment it cannot resolve. */
function notFound(method: string, path: string): Reply {
  return { status: 400, body: graphError('BadRequest', `Resource not found for the segment '${path.split('/').filter(Boolean).pop() ?? ''}'. (FakeGraph does not implement ${method} ${path}.)`) };
}

function graphFaultBody(status: number): unknown {
  const code = { 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' }[status] ?? 'UnknownError';
  return graphError(code, `Injected fault (HTTP ${status}).`);
}

const USER_PROPERTIES = ['id', 'displayName', 'mail', 'userPrincipalName', 'givenName', 'surname', 'jobTitle', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'businessPhones', 'accountEnabled', 'department'];

function userJson(u: FakeUser, select: string | null): Record<string, unknown> {
  const full: Record<string, unknown> = { businessPhones: [], givenName: null, jobTitle: null, mobilePhone: null, officeLocation: null, preferredLanguage: null, surname: null, ...u, mail: u.mail ?? null };
  if (!select) return full;
  const picked: Record<string, unknown> = {};
  for (const name of select.split(',').map((s) => s.trim())) {
    if (!USER_PROPERTIES.includes(name)) throw new GraphRequestError(400, 'Request_BadRequest', `Could not find a property named '${name}' on type 'Microsoft.DirectoryServices.User'.`);
    picked[name] = full[name] ?? null;
  }
  return picked;
}

/** `Prefer: outlook.timezone="…"` picks the zone of event times in responses; UTC otherwise. */
function preferredZone(prefer: string | undefined): string {
  const zone = /outlook\.timezone\s*=\s*"([^"]*)"/.exec(prefer ?? '')?.[1];
  if (zone === undefined) return 'UTC';
  ianaZone(zone);
  return zone;
}

function parseJson(raw: string, contentType: string | undefined): { value?: unknown; error?: Reply } {
  if (!raw) return {};
  const unreadable = { error: { status: 400, body: graphError('BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.') } };
  if (!contentType?.startsWith('application/json')) return unreadable;
  try {
    return { value: JSON.parse(raw) };
  } catch {
    return unreadable;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
