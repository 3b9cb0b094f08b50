import { expect } from 'vitest';
import type { BotMessage } from './harness.js';

/** Attachment content of a bot message as the bot sent it (the Adaptive Card JSON). */
export function cardJson(m: BotMessage): Record<string, unknown> {
  const content = m.raw.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  expect(content, `message ${m.id} has an Adaptive Card`).toBeTruthy();
  return content as Record<string, unknown>;
}

/** Every element of a card (body, nested columns/containers, actions), depth first. */
export function elementsOf(node: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    for (const k of ['body', 'items', 'columns', 'actions']) walk(o[k]);
  };
  walk(node);
  return out;
}
