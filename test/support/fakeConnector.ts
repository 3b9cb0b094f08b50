import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bot sent to the Bot Connector. */
export interface CapturedActivity {
  method: string;
  conversationId: string;
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
  readonly requests: { conversationId: string; method: string; status: number; at: number }[] = [];
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
    const fault = this.fault?.({ method, conversationId, attempt });
    this.requests.push({ conversationId, method, status: fault ? ('status' in fault ? fault.status : 0) : 200, at: Date.now() });
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
    this.received.push({ method, conversationId, replyToId: m[2] ? decodeURIComponent(m[2]) : undefined, activity, at: Date.now() });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `act-${++this.counter}` }));
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
