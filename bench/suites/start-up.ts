import { organisationCopy, startAppServer, startEchoBot } from '../fixtures';
import { figure, PerRun, type Benchmark } from '../harness';

const NAME = 'Start-up and memory';

/**
 * The time from `node dist/entry/server.js` (what `npm start` runs once built) to its
 * first 200 from `/healthz`, on a database that already holds the generated
 * organisation, against the minimal echo bot (Node, express and botbuilder) started the same way.
 */
export const startUp: Benchmark = {
  name: NAME,
  async run(context) {
    const existing = await organisationCopy(context, 'start-up');
    const perRun = new PerRun();
    for (let run = 1; run <= context.runs; run += 1) {
      context.progress(`run ${run} of ${context.runs}`);
      const echo = await startEchoBot();
      await echo.stop();
      perRun.add('echo', echo.startMs);
      const app = await startAppServer(existing);
      await app.stop();
      perRun.add('app', app.startMs);
    }
    return [
      figure(NAME, 'start to /healthz, existing database', 'ms', perRun.get('app'), { name: 'echo bot start', perRun: perRun.get('echo') }),
    ];
  },
};
