/** Reading what the bot put in an Adaptive Card (tests of the card verbs). */

/** Data of the first Action.Execute with this verb anywhere in a card. */
export function actionData(cardJson: unknown, verb: string): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) found.push(o.data as Record<string, unknown>);
    for (const v of Object.values(o)) walk(v);
  };
  walk(cardJson);
  if (!found[0]) throw new Error(`no ${verb} in card`);
  return found[0];
}
