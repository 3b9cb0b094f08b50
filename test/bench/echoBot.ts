/**
 * The inbound benchmark's baseline: a bare teams-ai echo bot. Same TeamsAdapter (no
 * credentials, as the bot runs locally), same express JSON body parser and limit, same
 * route, started the same way (one process; compiled with the app, or through tsx). It answers the inspel card's
 * 'input.submit' with a card echoing a few fields, from memory, touching no store.
 * Listens on PORT.
 */
import express from 'express';
import { MemoryStorage, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';

const port = Number(process.env.PORT ?? 3979);
const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({ storage: new MemoryStorage(), adapter, removeRecipientMention: true, startTypingTimer: false });

type Submit = Record<string, string | number | undefined>;

app.adaptiveCards.actionExecute<Submit>('input.submit', async (_ctx: TurnContext, _state, data) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Tack! Ert inspel är sparat.', wrap: true },
    { type: 'TextBlock', text: `${data.trend_0 ?? ''} ${data.situation_0 ?? ''}`, wrap: true },
    { type: 'TextBlock', text: String(data.q1 ?? ''), wrap: true },
  ],
}));

app.activity('message', async (ctx: TurnContext) => {
  await ctx.sendActivity(`Echo: ${ctx.activity.text ?? ''}`);
});

const server = express();
server.disable('x-powered-by');
server.use(express.json({ limit: '256kb' }));
server.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
// Nothing to depend on: ready as soon as it listens (the start-up scenario polls /readyz of both).
server.get('/readyz', (_req, res) => {
  res.json({ status: 'ok' });
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (ctx) => app.run(ctx).then(() => undefined));
});
const http = server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => http.close(() => process.exit(0)));
