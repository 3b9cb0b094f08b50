/**
 * Validation of a card with the official adaptivecards object model (parse +
 * validateProperties, no DOM) plus the house rules: schema 1.5, < 40 KB, only
 * Action.Execute with a known verb and data that passes its schema, unique input ids.
 */
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { AdaptiveCard } from '../../../cards/kit.js';
import { isVerb, verbSchemas } from '../../../cards/verbs.js';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
const MAX_BYTES = 40 * 1024;

export interface Problem {
  phase: string;
  event: string;
  message: string;
}

export function acProblems(json: unknown): Problem[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  return events.map((e) => ({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message }));
}

export type Node = Record<string, unknown>;

export function typedNodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) typedNodes(v, out);
  else if (value !== null && typeof value === 'object') {
    const node = value as Node;
    if (typeof node.type === 'string') out.push(node);
    for (const [k, v] of Object.entries(node)) if (k !== 'data' && k !== 'msteams') typedNodes(v, out);
  }
  return out;
}

export function checkCard(json: AdaptiveCard): void {
  expect(acProblems(json)).toEqual([]);
  expect(json.version).toBe('1.5');
  const serialised = JSON.stringify(json);
  expect(Buffer.byteLength(serialised, 'utf8')).toBeLessThan(MAX_BYTES);
  expect(serialised).not.toMatch(/undefined|\[object |NaN/);
  const nodes = typedNodes(json);
  for (const action of nodes.filter((n) => n.type === 'Action.Execute')) {
    expect(isVerb(action.verb), `verb ${String(action.verb)}`).toBe(true);
    const parsed = verbSchemas[action.verb as keyof typeof verbSchemas].safeParse(action.data ?? {});
    expect(parsed.success, `${String(action.verb)} data ${JSON.stringify(action.data)}`).toBe(true);
  }
  for (const n of nodes) expect(n.type).not.toBe('Action.Submit');
  const ids = nodes.filter((n) => String(n.type).startsWith('Input.')).map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Visible texts of a card (TextBlocks, facts, labels), for content assertions. */
export function cardText(json: unknown): string {
  return JSON.stringify(json);
}
