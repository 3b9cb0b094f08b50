import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bot sent to the Bot Connector. */
export interface CapturedActivity {
  method: string;
  conversationId: string;
  /** The conversation's tenant, from the request (see FakeConnector.tenantOf). */
  tenantId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
  at: number;
}

/**
 * A fault for one request: an HTTP error status (e.g. 429 with Retry-After), `hang` (the
 * request is read, never answered: the client times out) or `reset` (the connection is
 * dropped). Hung and reset requests were not accepted: they are not in `received`.
 */
export type Fault = { status: number; headers?: Record<string, string> } | { hang: true } | { reset: true };
export type FaultRule = (req: { method: string; conversationId: string; attempt: number }) => Fault | undefined;

/**
 * A local stand-in for the Bot Connector: captures replies and proactive messages
 * (POST/PUT /v3/conversations/:id/activities[/:activityId]) and can inject faults.
 */
export class FakeConnector {
  readonly received: CapturedActivity[] = [];
  /** Every request, accepted or faulted: what Teams' rate limiter would count. */
  readonly requests: { conversationId: string; tenantId: string; method: string; status: number; at: number }[] = [];
  /** Requests refused by the per-tenant limit (see `limitTenants`), per tenant. */
  readonly tenant429s = new Map<string, number>();
  /** A conversation's tenant when a request does not name one (the test knows its conversations). */
  readonly tenants = new Map<string, string>();
  private tenantLimit?: { perSecond: number; retryAfterSeconds: number };
  private readonly tenantWindows = new Map<string, number[]>();
  private server?: Server;
  private counter = 0;
  private attempts = new Map<string, number>();
  private hung: ServerResponse[] = [];
  fault?: FaultRule;
  /**
   * Members per conversation, served by GET /v3/conversations/:id/pagedmembers (Teams'
   * roster) in pages of `pageSize`; a conversation without an entry answers 404.
   */
  readonly rosters = new Map<string, { id: string; aadObjectId: string; name: string; userPrincipalName?: string; email?: string }[]>();
  readonly rosterRequests: string[] = [];

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hung.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Teams' global limit, per app per tenant: at most `perSecond` requests of one tenant in any
   * sliding second; beyond it 429 with Retry-After (not counted, as Teams does not take it).
   * Off unless asked for: replies to users are not paced, and some tests send faster on purpose.
   */
  limitTenants(perSecond = 50, retryAfterSeconds = 1): this {
    this.tenantLimit = { perSecond, retryAfterSeconds };
    return this;
  }

  to(conversationId: string): CapturedActivity[] {
    return this.received.filter((r) => r.conversationId === conversationId);
  }

  async waitFor(predicate: (a: CapturedActivity) => boolean, timeoutMs = 10_000): Promise<CapturedActivity> {
    const start = Date.now();
    for (;;) {
      const hit = this.received.find(predicate);
      if (hit) return hit;
      if (Date.now() - start > timeoutMs) throw new Error(`FakeConnector: nothing matched within ${timeoutMs} ms (received ${this.received.length})`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const roster = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(url.pathname);
    if (roster && req.method === 'GET') {
      this.servePagedMembers(decodeURIComponent(roster[1]!), url, res);
      return;
    }
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end('{}');
      return;
    }
    const conversationId = decodeURIComponent(m[1]!);
    const method = req.method ?? 'POST';
    const key = `${method} ${conversationId} ${body}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const tenantId = this.tenantOf(conversationId, body);
    const fault = this.fault?.({ method, conversationId, attempt }) ?? this.overTenantLimit(tenantId);
    this.requests.push({ conversationId, tenantId, method, status: fault ? ('status' in fault ? fault.status : 0) : 200, at: Date.now() });
    if (fault && 'hang' in fault) {
      this.hung.push(res);
      return;
    }
    if (fault && 'reset' in fault) {
      req.socket.destroy();
      return;
    }
    if (fault) {
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) }).end('{"error":{"code":"Fault"}}');
      return;
    }
    const activity = body ? (JSON.parse(body) as CapturedActivity['activity']) : {};
    this.received.push({ method, conversationId, tenantId, replyToId: m[2] ? decodeURIComponent(m[2]) : undefined, activity, at: Date.now() });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `act-${++this.counter}` }));
  }

  /**
   * The tenant of a request: the activity's conversation.tenantId (botbuilder copies the
   * conversation reference into every proactive send and update), else its channelData
   * tenant, else the test's `tenants` entry for the conversation, else 'unknown'.
   */
  private tenantOf(conversationId: string, body: string): string {
    let activity: { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } } = {};
    try {
      activity = body ? JSON.parse(body) : {};
    } catch {
      activity = {};
    }
    const named = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
    if (typeof named === 'string' && named) return named;
    return this.tenants.get(conversationId.split(';')[0]!) ?? 'unknown';
  }

  /** A 429 when the tenant's sliding second is full (the request is then not counted); else counts it. */
  private overTenantLimit(tenantId: string): Fault | undefined {
    if (!this.tenantLimit) return undefined;
    const now = Date.now();
    const recent = (this.tenantWindows.get(tenantId) ?? []).filter((at) => at > now - 1000);
    this.tenantWindows.set(tenantId, recent);
    if (recent.length >= this.tenantLimit.perSecond) {
      this.tenant429s.set(tenantId, (this.tenant429s.get(tenantId) ?? 0) + 1);
      return { status: 429, headers: { 'Retry-After': String(this.tenantLimit.retryAfterSeconds) } };
    }
    recent.push(now);
    return undefined;
  }

  private servePagedMembers(conversationId: string, url: URL, res: ServerResponse): void {
    this.rosterRequests.push(conversationId);
    const members = this.rosters.get(conversationId.split(';')[0]!);
    if (!members) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}');
      return;
    }
    const pageSize = Math.max(1, Number(url.searchParams.get('pageSize') ?? '') || 100);
    const start = Number(url.searchParams.get('continuationToken') ?? '0') || 0;
    const page = members.slice(start, start + pageSize);
    const next = start + pageSize < members.length ? String(start + pageSize) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ members: page, ...(next ? { continuationToken: next } : {}) }));
  }
}
