import type { Verb, VerbData } from './verbs.js';

/** Small builders for Adaptive Card 1.5 elements, so each card file reads like the card. */
export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: Record<string, unknown>;
}

export function card(body: (CardElement | null | undefined | false)[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: body.filter((b): b is CardElement => !!b),
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export const title = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const text = (t: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
export const note = (t: string): CardElement => text(t, { isSubtle: true, size: 'Small' });

/** A server-side validation message, shown right under its input. */
export const fieldError = (message: string | undefined): CardElement | null =>
  message ? { type: 'TextBlock', text: message, color: 'Attention', size: 'Small', spacing: 'None', wrap: true } : null;

export const facts = (pairs: [string, string][]): CardElement => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });

export function execute<V extends Verb>(titleText: string, verb: V, data: VerbData<V>, extra: CardElement = {}): CardElement {
  return { type: 'Action.Execute', title: titleText, verb, data, ...extra };
}

export const openUrl = (titleText: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title: titleText, url });

export const actionSet = (actions: CardElement[]): CardElement => ({ type: 'ActionSet', actions });

export const container = (items: (CardElement | null)[], extra: CardElement = {}): CardElement => ({
  type: 'Container',
  items: items.filter((i): i is CardElement => !!i),
  ...extra,
});
