import type { BotMessage, Stack } from './harness.js';

/**
 * What every scenario starts with, through the Playground UI as the chair: the channel
 * becomes the steering channel, `planera <year>` and "Bekräfta mötena". Returns the plan
 * card (now saying the meetings are confirmed) and the mark taken when `planera` was sent.
 */
export async function registerSteeringAndConfirmYear(stack: Stack, steeringChannel: string, year: number, stepMs: number): Promise<{ planCard: BotMessage; sincePlan: number }> {
  await stack.openConversation(steeringChannel);
  const reg = await stack.sendMessage('registrera styrgrupp');
  await stack.waitForBotMessage('Den här kanalen är nu styrgruppens kanal.', stepMs, { since: reg });
  const plan = await stack.sendMessage(`planera ${year}`);
  const proposal = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Förslag: styrgruppens möten ${year}`), stepMs, { since: plan });
  await stack.pressAction('Bekräfta mötena', { message: proposal });
  const planCard = await stack.waitForBotMessage((m) => m.id === proposal.id && m.text.includes(`Styrgruppens möten ${year} är bekräftade.`), stepMs);
  return { planCard, sincePlan: plan };
}
