import type { RedisClient } from './redis.js';
import type { Keys } from './keys.js';

const YEAR_AND_A_BIT = 400 * 24 * 3600;

/**
 * "Done" markers for effects that must happen once (a timeline step fired, a message
 * sent). BullMQ job ids alone do not guarantee that: a removed job no longer blocks a re-add.
 */
export class Markers {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** False while the connection is down: callers may then skip optional bookkeeping. */
  get connected(): boolean {
    return this.redis.status === 'ready';
  }

  private key(kind: string, id: string): string {
    return this.keys.of('done', kind, id);
  }

  async get(kind: string, id: string): Promise<string | null> {
    return this.redis.get(this.key(kind, id));
  }

  async set(kind: string, id: string, value = '1', ttlSeconds = YEAR_AND_A_BIT): Promise<void> {
    await this.redis.set(this.key(kind, id), value, 'EX', ttlSeconds);
  }

  /** A counter (e.g. the generation of a card's updates). */
  async incr(kind: string, id: string): Promise<number> {
    const key = this.key(kind, id);
    const n = await this.redis.incr(key);
    // The expiry is set when the counter starts; refreshing it on every step cost a command
    // per card update. Should that EXPIRE be lost (a crash in between), the counter only stays.
    if (n === 1) await this.redis.expire(key, YEAR_AND_A_BIT);
    return n;
  }

  /**
   * Where a posted card lives: its activity id, and for a reply inside a channel thread the
   * thread's conversation id ("19:…;messageid=…"), which Teams needs to update it later.
   */
  async setCard(cardKey: string, activityId: string, threadConversationId?: string): Promise<void> {
    const thread = threadConversationId?.includes(';messageid=') ? threadConversationId : undefined;
    await this.set('card', cardKey, thread ? JSON.stringify({ activityId, conversationId: thread }) : activityId);
  }

  async getCard(cardKey: string): Promise<PostedCard | null> {
    const raw = await this.get('card', cardKey);
    if (raw === null) return null;
    if (!raw.startsWith('{')) return { activityId: raw };
    const parsed = JSON.parse(raw) as PostedCard;
    return { activityId: parsed.activityId, ...(parsed.conversationId ? { conversationId: parsed.conversationId } : {}) };
  }

  async del(kind: string, id: string): Promise<void> {
    await this.redis.del(this.key(kind, id));
  }

  /** True for the caller that set it first. */
  async setOnce(kind: string, id: string, value = '1', ttlSeconds = YEAR_AND_A_BIT): Promise<boolean> {
    return (await this.redis.set(this.key(kind, id), value, 'EX', ttlSeconds, 'NX')) === 'OK';
  }
}

/** A card posted earlier, to be updated in place. */
export interface PostedCard {
  activityId: string;
  /** Set when the card is a reply in a channel thread. */
  conversationId?: string;
}
