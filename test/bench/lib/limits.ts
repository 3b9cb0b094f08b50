import type { FaultRule } from '../../support/fakeConnector.js';
import type { RateWindow } from '../../../src/store/conversationRateLimiter.js';

/** A sliding-window log: at most `max` events in any `ms` (the window ends now). */
class Window {
  private readonly times: number[] = [];
  private head = 0;
  constructor(
    readonly max: number,
    readonly ms: number,
  ) {}
  full(now: number): boolean {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.ms) this.head++;
    if (this.head > 4096) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return this.times.length - this.head >= this.max;
  }
  add(now: number): void {
    this.times.push(now);
  }
}

export interface LimitStats {
  globalRefusals: number;
  conversationRefusals: number;
  /** Time of each refusal (ms since epoch), for "after the start-up" counts. */
  refusedAt: number[];
}

/**
 * What Teams does to a bot that sends too fast, as a FakeConnector fault rule: a global
 * limit of `perSecond` requests in any sliding second, and the per-conversation windows
 * (Teams' documented 7/1 s, 8/2 s, 60/30 s, 1800/3600 s), exactly, with no margin. A
 * request over a limit is answered 429 with Retry-After and is not counted as sent.
 */
export function teamsRateLimits(perSecond: number, conversationWindows: readonly RateWindow[], retryAfterSeconds = 1): { rule: FaultRule; stats: LimitStats } {
  const global = new Window(perSecond, 1000);
  const perConversation = new Map<string, Window[]>();
  const stats: LimitStats = { globalRefusals: 0, conversationRefusals: 0, refusedAt: [] };
  const refuse = () => ({ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
  const rule: FaultRule = ({ conversationId }) => {
    const now = Date.now();
    let windows = perConversation.get(conversationId);
    if (!windows) perConversation.set(conversationId, (windows = conversationWindows.map((w) => new Window(w.max, w.seconds * 1000))));
    if (windows.some((w) => w.full(now))) {
      stats.conversationRefusals++;
      stats.refusedAt.push(now);
      return refuse();
    }
    if (global.full(now)) {
      stats.globalRefusals++;
      stats.refusedAt.push(now);
      return refuse();
    }
    global.add(now);
    for (const w of windows) w.add(now);
    return undefined;
  };
  return { rule, stats };
}
