import fc from 'fast-check';
import { CAPABILITIES } from '../../src/bot/capabilities';
import { CHOOSE_WORKSTREAM_VERB } from '../../src/bot/pathway/workstream-choice';
import { API } from '../../src/contract/api';
import { TENANT } from '../server/auth/entra-stand-in';
import { startFuzzServer, type Caller, type FuzzServer, type Snapshot } from './fuzz-server';
import { hostileEntries, hostileText, hostileValue, jsonObject, malformedId } from './hostile-input';

/**
 * Thousands of malformed activities, card submissions and API calls against the real
 * servers: the tab API in Entra mode, the bot in local development mode on the same
 * database. Every input is one that must change nothing: it is malformed, names ids that
 * exist nowhere, or comes from someone with no right to act on what it names (a
 * signed-in outsider, or a member of one workstream naming another's records). So
 * the lists must read the same afterwards, whatever the server answered.
 *
 * Reproduce a failure with the seed and path fast-check prints: FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260302);
const RUNS = { activities: 5000, cardSubmissions: 4000, api: 11000 };

let fuzz: FuzzServer;
let before: Snapshot;
const crashes: unknown[] = [];
const recordCrash = (reason: unknown) => crashes.push(reason);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  process.on('unhandledRejection', recordCrash);
  process.on('uncaughtException', recordCrash);
  fuzz = await startFuzzServer();
  before = await fuzz.snapshot();
});
afterAll(async () => {
  process.off('unhandledRejection', recordCrash);
  process.off('uncaughtException', recordCrash);
  await fuzz.close();
});

/** After each kind of input: the server still answers, nothing crashed, nothing changed, nothing logged as an error. */
async function expectUnharmed(): Promise<void> {
  expect((await fetch(`${fuzz.server.url}/healthz`)).status).toBe(200);
  expect((await fetch(`${fuzz.botServer.url}/healthz`)).status).toBe(200);
  expect(crashes).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(await fuzz.snapshot()).toEqual(before);
  expect(errorLines()).toEqual([]);
}

function check<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, send: (input: T) => Promise<void>): Promise<void> {
  return fc.assert(fc.asyncProperty(arbitrary, send), { seed: SEED, numRuns });
}

const errorLines = (from = 0) => fuzz.logger.lines.slice(from).filter((line) => line.level === 'error');

/** Sends one input: its answer is not a server fault, does not show one, and it logged no error (so fast-check names the input). */
async function expectNoServerFault(send: () => Promise<Response>): Promise<void> {
  const logged = fuzz.logger.lines.length;
  const response = await send();
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+|Error:|SQLITE/);
  expect(errorLines(logged)).toEqual([]);
}

// Ids a caller names: real ones where the caller may not act on them, ones that exist nowhere, and malformed ones.

type IdKind = keyof FuzzServer['ids']['byKind'];

function unknownId(): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: fuzz.ids.maxId + 1, max: fuzz.ids.maxId + 10_000 }), fc.constant(999_999_999_999_999));
}

function idOf(caller: Caller, kind: IdKind): fc.Arbitrary<unknown> {
  const known = fuzz.ids.byKind[kind] ?? [];
  const forbidden =
    caller.name === 'outsider'
      ? known
      : caller.name === 'member'
        ? known.filter((item) => !item.workstreamIds.includes(fuzz.member.workstreamId))
        : [];
  const options: Array<fc.Arbitrary<unknown>> = [unknownId(), malformedId];
  // A card's choice set sends ids as text, so a forbidden id is named both ways.
  if (forbidden.length > 0) options.push(fc.constantFrom(...forbidden.flatMap((item) => [item.id, String(item.id)])));
  return fc.oneof(...options);
}

const callers = (): Caller[] => [fuzz.outsider, fuzz.member.caller, fuzz.engagement];

// (a) and (b): the bot endpoint.

const BOT = { id: '28:partner-pathway-bot', name: 'Partner Pathway' };
let activityCount = 0;

/** A well-formed Teams activity from `caller`, in a personal chat or a channel, before it is tampered with. */
function activityFrom(caller: Caller, inChannel: boolean): Record<string, unknown> {
  activityCount += 1;
  const channelId = `19:fuzz-${caller.name}@thread.tacv2`;
  return {
    id: `fuzz-${activityCount}`,
    serviceUrl: fuzz.channel.url,
    channelId: 'msteams',
    from: { id: `29:${caller.name}`, name: `Fuzz ${caller.name}`, aadObjectId: caller.oid },
    recipient: BOT,
    conversation: inChannel
      ? { id: `${channelId};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT }
      : { id: `a:fuzz-personal-${caller.name}`, conversationType: 'personal', tenantId: TENANT },
    channelData: inChannel ? { tenant: { id: TENANT }, teamsChannelId: channelId } : { tenant: { id: TENANT } },
  };
}

async function postActivity(activity: Record<string, unknown> | string): Promise<Response> {
  return fetch(`${fuzz.botServer.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

const ACTIVITY_TYPES = [
  'message',
  'invoke',
  'conversationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'event',
  'typing',
  'installationUpdate',
  'endOfConversation',
];
const INVOKE_NAMES = [
  'adaptiveCard/action',
  'composeExtension/query',
  'composeExtension/submitAction',
  'task/fetch',
  'task/submit',
  'signin/verifyState',
  'config/fetch',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'handoff/action',
];
const COMMANDS = [
  'help',
  'plan a role',
  'roles',
  'my partners',
  'due this week',
  'next',
  'ask',
  'workstream',
  'send reminders',
  '<at>Partner Pathway</at> help',
];
/** Fields of an activity the bot reads, each replaced (or removed, as undefined) by garbage. */
const TAMPERED_FIELDS = [
  'id',
  'type',
  'text',
  'value',
  'name',
  'from',
  'recipient',
  'conversation',
  'channelData',
  'entities',
  'attachments',
  'membersAdded',
  'membersRemoved',
  'replyToId',
  'locale',
  'timestamp',
  'textFormat',
  'channelId',
  'serviceUrl',
];
const TAMPERED_NESTED: ReadonlyArray<readonly [string, string]> = [
  ['from', 'name'],
  ['from', 'aadObjectId'],
  ['from', 'id'],
  ['conversation', 'conversationType'],
  ['conversation', 'tenantId'],
  ['conversation', 'id'],
  ['channelData', 'teamsChannelId'],
  ['channelData', 'tenant'],
  ['channelData', 'channel'],
];

/** `value` in one input of ten, else null (leave as it is). */
function rarely<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });
}

const maybeUndefined = fc.option(hostileValue, { nil: undefined, freq: 4 });

/** Up to three fields replaced; none in half the activities, so most reach the bot rather than the envelope check. */
function tamperings<T>(field: fc.Arbitrary<T>): fc.Arbitrary<Array<[T, unknown]>> {
  return fc.oneof(fc.constant<Array<[T, unknown]>>([]), fc.array(fc.tuple(field, maybeUndefined), { minLength: 1, maxLength: 3 }));
}

/** A serviceUrl the bot must not send to: anything but the channel's own (a real address would be contacted). */
const badServiceUrl = fc.oneof(
  hostileText.filter((text) => !/^https?:/i.test(text)),
  fc.constantFrom(undefined, null, 42, 'ftp://example.org/', 'file:///etc/passwd'),
);

function malformedActivity(): fc.Arbitrary<Record<string, unknown> | string> {
  const tampered = fc.record({
    caller: fc.constantFrom(fuzz.outsider),
    inChannel: fc.boolean(),
    type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ACTIVITY_TYPES) }, { weight: 1, arbitrary: hostileText }),
    name: fc.oneof(fc.constantFrom(...INVOKE_NAMES), hostileText),
    text: fc.oneof(
      hostileText,
      fc.tuple(fc.constantFrom(...COMMANDS), hostileText).map(([command, rest]) => `${command} ${rest}`),
    ),
    value: hostileValue,
    fields: tamperings(fc.constantFrom(...TAMPERED_FIELDS.filter((field) => field !== 'serviceUrl'))),
    nested: tamperings(fc.constantFrom(...TAMPERED_NESTED)),
    serviceUrl: rarely(badServiceUrl),
  });
  return fc.oneof(
    {
      weight: 20,
      arbitrary: tampered.map(({ caller, inChannel, type, name, text, value, fields, nested, serviceUrl }) => {
        const activity: Record<string, unknown> = { ...activityFrom(caller, inChannel), type, name, text, value };
        for (const [[parent, field], replacement] of nested) {
          const current = activity[parent];
          activity[parent] = { ...(typeof current === 'object' && current !== null ? current : {}), [field]: replacement };
        }
        for (const [field, replacement] of fields) activity[field] = replacement;
        if (serviceUrl !== null) activity.serviceUrl = serviceUrl;
        return activity;
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"message"', '{"type":', '{"type":"message"}') },
    {
      weight: 1,
      arbitrary: fc.constant(null).map(() => ({ ...activityFrom(fuzz.outsider, false), type: 'message', text: 'x'.repeat(300_000) })),
    },
  );
}

const VERBS = [...new Set([...CAPABILITIES.flatMap((capability) => Object.keys(capability.actions ?? {})), CHOOSE_WORKSTREAM_VERB])].sort();
/** Card data fields that name a record, and the kind of id each holds. */
const CARD_IDS: ReadonlyArray<readonly [string, IdKind]> = [
  ['workstreamId', 'workstreamId'],
  ['madeForWorkstreamId', 'workstreamId'],
  ['roleId', 'roleId'],
  ['involvementId', 'involvementId'],
  ['partnerId', 'partnerId'],
  ['taskId', 'taskId'],
  ['oneToOneId', 'oneToOneId'],
  ['memberId', 'memberId'],
];
const CARD_TEXT_FIELDS = [
  'title',
  'fullName',
  'preferredName',
  'email',
  'phone',
  'notes',
  'reason',
  'where',
  'comment',
  'advertUrl',
  'accessNeeds',
  'adjustments',
  'answer',
  'date',
  'time',
  'key',
  'questionId',
  'cadenceWeeks',
  'consentGiven',
];

function cardData(caller: Caller): fc.Arbitrary<Record<string, unknown>> {
  const ids = fc.tuple(...CARD_IDS.map(([field, kind]) => idOf(caller, kind).map((id) => [field, id] as const)));
  const versions = fc.tuple(
    ...['version', 'partnerVersion', 'taskVersion'].map((field) =>
      fc.oneof(fc.integer({ min: 1, max: 5 }), hostileValue).map((version) => [field, version] as const),
    ),
  );
  const texts = fc.array(fc.tuple(fc.constantFrom(...CARD_TEXT_FIELDS), fc.oneof(hostileText, hostileValue)), { maxLength: 5 });
  // Every id field is always present, so no verb falls back to the conversation's own workstream and creates something there.
  return fc
    .tuple(texts, hostileEntries, versions, ids)
    .map(([text, garbage, version, id]) => Object.fromEntries([...text, ...garbage, ...version, ...id]));
}

function cardSubmission(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      caller: fc.constantFrom(...callers()),
      inChannel: fc.boolean(),
      verb: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VERBS) }, { weight: 1, arbitrary: hostileText }),
      execute: fc.boolean(),
    })
    .chain(({ caller, inChannel, verb, execute }) =>
      cardData(caller).map((data) => {
        const activity = activityFrom(caller, inChannel);
        return execute
          ? { ...activity, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }
          : { ...activity, type: 'message', value: { ...data, verb }, replyToId: 'fuzz-card-message' };
      }),
    );
}

// (c): the tab API and the downloads.

interface ApiInput {
  readonly caller: Caller | undefined;
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  readonly body: string | undefined;
}

const ROUTES = [
  ...Object.values(API).map((route) => ({ method: route.method, path: route.path })),
  { method: 'POST', path: '/roles/:roleId/publish' },
];
/** Body fields that name a record; the path's ids replace them where the route has them. */
const BODY_IDS: ReadonlyArray<readonly [string, IdKind]> = CARD_IDS.filter(([field]) => field !== 'madeForWorkstreamId');
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=x',
];

/** An id as a URL segment; lone surrogates, which no URL can carry, become U+FFFD. */
function pathSegment(id: unknown): string {
  return encodeURIComponent((typeof id === 'string' ? id : JSON.stringify(id)).replace(/[\ud800-\udfff]/g, '\ufffd'));
}

/** Creates that name no record: only a body of the wrong type keeps them from creating something. */
const UNBOUND_CREATES = new Set(['POST /workstreams', 'POST /engagement-team/members', 'PUT /induction-template']);

function apiCall(): fc.Arbitrary<ApiInput> {
  return fc
    .record({
      caller: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom<Caller | undefined>(...callers()) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      route: fc.constantFrom(...ROUTES),
      otherMethod: rarely(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
      rawBody: fc.oneof(
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            undefined,
            '',
            'null',
            '[]',
            '"x"',
            '42',
            '{"a":',
            '{"__proto__":{"polluted":true}}',
            '{"constructor":{"prototype":{"polluted":true}}}',
          ),
        },
        { weight: 1, arbitrary: fc.constant('{"title":"' + 'x'.repeat(120_000) + '"}') },
        { weight: 18, arbitrary: fc.constant(null) },
      ),
      entries: hostileEntries,
    })
    .chain(({ caller, route, otherMethod, contentType, rawBody, entries }) => {
      const method = otherMethod ?? route.method;
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as IdKind);
      const unbound = UNBOUND_CREATES.has(`${method} ${route.path}`);
      // The Engagement team may act on anything it names, so it names nothing real; nor may it use the creates that name nothing.
      const blocked = caller === fuzz.engagement && (unbound || (params.length === 0 && method !== 'GET'));
      const who = blocked ? fuzz.outsider : caller;
      const idCaller = who ?? fuzz.outsider;
      return fc
        .tuple(
          fc.tuple(...params.map((param) => idOf(idCaller, param))),
          fc.tuple(...BODY_IDS.map(([field, kind]) => idOf(idCaller, kind).map((id) => [field, id] as const))),
          fc.oneof(
            malformedId,
            hostileValue.filter((value) => typeof value !== 'string'),
          ),
        )
        .map(([pathIds, bodyIds, title]): ApiInput => {
          let index = 0;
          const path = `/api${route.path.replace(/:(\w+)/g, () => pathSegment(pathIds[index++]))}`;
          // A string title would make a workstream for anyone signed in, so it is never one.
          const forced: Array<readonly [string, unknown]> = unbound
            ? [
                ['title', title],
                ['items', title],
                ['userId', title],
              ]
            : [];
          const body = rawBody !== null ? rawBody : jsonObject([...entries, ...bodyIds, ...forced]);
          return { caller: who, method, path, contentType, body };
        });
    });
}

async function callApi({ caller, method, path, contentType, body }: ApiInput): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (caller) headers.Authorization = `Bearer ${caller.token}`;
  return fetch(`${fuzz.server.url}${path}`, { method, headers, body: method === 'GET' || method === 'OPTIONS' ? undefined : body });
}

describe(`The server under fuzzing (seed ${SEED}): no 5xx, no crash, no data changed`, () => {
  it(`answers ${RUNS.activities} malformed activities at /api/messages without a server error`, async () => {
    await check(malformedActivity(), RUNS.activities, async (activity) => {
      await expectNoServerFault(() => postActivity(activity));
    });
    await expectUnharmed();
  });

  it(`refuses ${RUNS.cardSubmissions} tampered card submissions for every verb (${VERBS.length}) and changes nothing`, async () => {
    await check(cardSubmission(), RUNS.cardSubmissions, async (activity) => {
      await expectNoServerFault(() => postActivity(activity));
    });
    // The local development bot ran the turns and answered (it refuses in words), rather than refusing at the door.
    expect(fuzz.channel.sent.length).toBeGreaterThan(0);
    await expectUnharmed();
  });

  it(`refuses ${RUNS.api} malformed or forbidden tab API calls and downloads and changes nothing`, async () => {
    await check(apiCall(), RUNS.api, async (input) => {
      await expectNoServerFault(() => callApi(input));
    });
    await expectUnharmed();
  });
});
