import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/kit.js';

export async function replyCard(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
  await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

export async function replyText(ctx: TurnContext, text: string): Promise<void> {
  await ctx.sendActivity(MessageFactory.text(text));
}
