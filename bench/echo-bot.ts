import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';

/**
 * The bot benchmark's floor: the smallest botbuilder bot that answers over HTTP, on
 * the same adapter and web framework as the app, with no credentials (local traffic only).
 * It echoes each message and answers `/healthz` once listening. Started with PORT set.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? JSON.stringify(context.activity.value)}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
express()
  .post('/api/messages', express.json(), (req, res) => adapter.process(req, res, (context) => bot.run(context)))
  .get('/healthz', (_req, res) => {
    res.send('ok');
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
