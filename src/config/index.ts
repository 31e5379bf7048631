import { z } from 'zod';
import {
  CLAIM_APPROVERS,
  DEFAULT_CLAIM_SETTINGS,
  DEFAULT_MONITORING_MIN_COUNT,
  DEFAULT_RETENTION_MONTHS,
  DEFAULT_REVIEW_SETTINGS,
  GUID,
  type PathwaySettings,
} from '../domain';
import { botSettingsOf, botVariables, type BotSettings } from './bot';
import { readSharePointSettings, type SharePointSettings } from './sharepoint';
import { ConfigError, flag, guid, present, wholeNumber } from './variables';

export type { BotSettings } from './bot';
export type { SharePointSettings, SharePointSignIn } from './sharepoint';
export { ConfigError } from './variables';

/**
 * Who the server believes is calling. `local-development` is a fixed identity
 * for trying the app on one machine; `entra` means people sign in through Teams.
 */
export type IdentityMode = 'local-development' | 'entra';

/** Where the pathway's records are kept. */
export type StoreConfig =
  { readonly kind: 'sqlite'; readonly databasePath: string } | ({ readonly kind: 'sharepoint' } & SharePointSettings);

/**
 * Where the bot keeps its own state (conversations, references, activities handled,
 * reminders sent): an Azure Blob Storage container shared by every instance, or
 * a SQLite file that serves one instance only.
 */
export type BotStateConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string };

/** The bot's own Entra app registration (single tenant). */
export interface BotCredentials {
  readonly appId: string;
  readonly password: string;
  readonly tenantId: string;
}

export type LogLevel = 'info' | 'warn' | 'error' | 'silent';

/**
 * How fast the tab API may be called. Reads (GET) and writes (everything else)
 * are counted per signed-in person; refused sign-ins per client address.
 */
export interface RateLimitSettings {
  readonly readsPerMinute: number;
  readonly writesPerMinute: number;
  readonly refusedSignInsPerMinute: number;
  /** How many reverse proxies stand before the server, whose `X-Forwarded-For` entries are trusted for the client address. */
  readonly proxyHops: number;
}

/** How the tab API checks the Teams single sign-on token each request carries. */
export interface SignInSettings {
  /** The tab's Entra app (AAD_APP_CLIENT_ID): the token's audience. */
  readonly clientId: string;
  /** Every `aud` accepted: the client id (v2 tokens) and, with TAB_DOMAIN, the Application ID URI `api://<host>/<client id>` (v1 tokens). */
  readonly audiences: readonly string[];
  /** The directories (tenants) whose people may call the API. */
  readonly allowedTenantIds: readonly string[];
  /** Where Entra publishes the keys that sign the tokens. */
  readonly keysUrl: string;
}

/** Everything the server reads from its environment, validated and typed. */
export interface Config {
  readonly port: number;
  readonly store: StoreConfig;
  readonly botState: BotStateConfig;
  /** `auto`: seed demo data into an empty database only; `never`: do not seed. */
  readonly seedDemo: 'auto' | 'never';
  readonly pathway: PathwaySettings;
  /** Absent when no bot app is registered: the bot then accepts unauthenticated local traffic only. */
  readonly bot: BotCredentials | undefined;
  /** The bot's own settings: guidance, the Engagement team's channel, documents and reminders. */
  readonly botSettings: BotSettings;
  /** The tab's Entra single sign-on app, when one is registered; without it, `entra` mode refuses every tab API call. */
  readonly signIn: SignInSettings | undefined;
  /** The Teams app's id (the manifest's `id`), for deep links into the app's tabs and chat. */
  readonly teamsAppId: string | undefined;
  /** Entra object ids of people who are always in the Engagement team (more can be added in the app). */
  readonly engagementTeamIds: readonly string[];
  readonly identity: IdentityMode;
  /** Folder holding the built tab (`index.html` and its assets). */
  readonly tabDir: string;
  readonly logLevel: LogLevel;
  readonly rateLimit: RateLimitSettings;
  /** Where telemetry goes (Application Insights), when it is configured. */
  readonly telemetry: TelemetrySettings | undefined;
  readonly retention: RetentionSettings;
  /** The SharePoint site origin (`https://<tenant>.sharepoint.com`) whose pages host the web part: the one origin the API answers cross-origin calls from. */
  readonly sharePointWebOrigin: string | undefined;
  /** Whether the public opportunities feed (`/feed/opportunities.json` and `.rss`) is served; off unless the organisation turns it on. */
  readonly opportunitiesFeed: boolean;
}

/** How the retention schedule (erasure RETENTION_MONTHS after a person's last involvement closed) is run: independent of the bot and its reminders. */
export interface RetentionSettings {
  /** Whether the server runs it itself, once a day; the HTTP trigger works either way. */
  readonly schedule: boolean;
  /** The bearer token a hosted scheduler sends to `POST /api/retention/run`. */
  readonly triggerToken: string | undefined;
}

/** Application Insights, which receives request, dependency and log telemetry from the server. */
export interface TelemetrySettings {
  readonly connectionString: string;
}

/** A host name with an optional port, as Teams Toolkit writes TAB_DOMAIN (no scheme, no path). */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/**
 * A web origin as a browser sends it: https, a host, an optional port, and nothing after
 * (a trailing slash is forgiven). The origin itself, lower-cased, or undefined when it is not one.
 */
function webOrigin(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  const bare = url.protocol === 'https:' && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
  return bare && !value.includes('?') && !value.includes('#') ? url.origin : undefined;
}

const PAID_LEVELS = /^(none|[1-4](\s*,\s*[1-4])*)$/;

/** Where the bot state is kept on the SharePoint store when no storage account is configured. */
const SHAREPOINT_BOT_STATE_PATH = './data/bot-state.db';

const INSTRUMENTATION_KEY = 'instrumentationkey=';

/** A container name as Azure Storage allows it: 3 to 63 lower-case letters, digits and single hyphens, not at either end. */
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A storage connection string names an account key or a shared access signature
 * (or is the local emulator's shorthand). Never echoed in a message: it is a secret.
 */
function isStorageConnectionString(value: string): boolean {
  if (value === 'UseDevelopmentStorage=true' || value === 'UseDevelopmentStorage=true;') return true;
  const parts = new Map(
    value
      .split(';')
      .filter((part) => part.includes('='))
      .map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()] as const),
  );
  return (
    (parts.has('AccountName') || parts.has('BlobEndpoint')) &&
    (Boolean(parts.get('AccountKey')) || Boolean(parts.get('SharedAccessSignature')))
  );
}

function storageConnectionStringProblem(value: string): string {
  return value.startsWith('@Microsoft.KeyVault(')
    ? "BOT_STATE_STORAGE_CONNECTION_STRING is still a Key Vault reference: App Service could not read the secret. Check that the web app's managed identity may read the vault's secrets, then restart it."
    : "BOT_STATE_STORAGE_CONNECTION_STRING is not a storage account connection string. Copy one from the storage account's Access keys (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net), or leave it unset to keep the bot state in SQLite on this one instance.";
}

/** The connection string's part naming the resource, `InstrumentationKey=<GUID>` (the name in any case). */
function isInstrumentationKey(part: string): boolean {
  const entry = part.trim();
  return entry.toLowerCase().startsWith(INSTRUMENTATION_KEY) && GUID.test(entry.slice(INSTRUMENTATION_KEY.length));
}

/**
 * An Application Insights connection string names its resource by an instrumentation
 * key (a GUID); anything else would send telemetry nowhere. Not echoed: it routes data.
 */
const appInsightsConnectionString = z
  .string()
  .refine((value) => value.split(';').some(isInstrumentationKey), {
    error: (issue) =>
      String(issue.input).startsWith('@Microsoft.KeyVault(')
        ? "APPLICATIONINSIGHTS_CONNECTION_STRING is still a Key Vault reference: App Service could not read the secret. Check that the web app's managed identity may read the vault's secrets, then restart it."
        : "APPLICATIONINSIGHTS_CONNECTION_STRING is not an Application Insights connection string. Copy it from the Application Insights resource's Overview (InstrumentationKey=...;IngestionEndpoint=...), or leave it unset to send no telemetry.",
  })
  .optional();

const schema = z.object({
  PORT: wholeNumber('PORT', 1, 65535, 3978, 'a port number'),
  STORE: z
    .enum(['sqlite', 'sharepoint'], {
      error: (issue) => `STORE: "${String(issue.input)}" is not a store this app knows. Set sqlite (the default) or sharepoint.`,
    })
    .default('sqlite'),
  DATABASE_PATH: z.string().default('./data/partner-pathway.db'),
  SEED_DEMO: z
    .enum(['auto', 'never'], {
      error: (issue) => `SEED_DEMO: "${String(issue.input)}" is not understood. Set auto (demo data only into an empty database) or never.`,
    })
    .default('auto'),
  TIME_ZONE: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, {
      error: (issue) =>
        `TIME_ZONE: "${String(issue.input)}" is not a time zone. Set an IANA time zone name such as Europe/London, or leave it unset.`,
    })
    .transform((zone) => new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone),
  ONE_TO_ONE_CADENCE_WEEKS: wholeNumber('ONE_TO_ONE_CADENCE_WEEKS', 1, 52, 8, 'a number of weeks'),
  DUE_SOON_DAYS: wholeNumber('DUE_SOON_DAYS', 0, 365, 14, 'a number of days'),
  RECRUITMENT_LEAD_WEEKS: wholeNumber('RECRUITMENT_LEAD_WEEKS', 0, 104, 8, 'a number of weeks'),
  RETENTION_MONTHS: wholeNumber('RETENTION_MONTHS', 1, 1200, DEFAULT_RETENTION_MONTHS, 'a number of months'),
  RETENTION_SCHEDULE: z
    .enum(['on', 'off'], {
      error: (issue) =>
        `RETENTION_SCHEDULE: "${String(issue.input)}" is not on or off. Leave it unset (on) so the server erases personal data when the retention period ends, or set off only when a scheduler calls POST /api/retention/run.`,
    })
    .default('on'),
  MONITORING_MIN_COUNT: wholeNumber('MONITORING_MIN_COUNT', 3, 100, DEFAULT_MONITORING_MIN_COUNT, 'a number of forms'),
  OPPORTUNITIES_FEED: z
    .enum(['on', 'off'], {
      error: (issue) =>
        `OPPORTUNITIES_FEED: "${String(issue.input)}" is not on or off. Set on to publish the Advertised roles at /feed/opportunities.json and /feed/opportunities.rss, or leave it unset (off).`,
    })
    .default('off'),
  RETENTION_TOKEN: z.string().min(24, { error: 'RETENTION_TOKEN: use at least 24 random characters, or leave it unset.' }).optional(),
  PAID_LEVELS: z
    .string()
    .default('4')
    .refine((value) => PAID_LEVELS.test(value), {
      error: (issue) =>
        `PAID_LEVELS: "${String(issue.input)}" is not a list of involvement levels. Set levels 1 to 4 separated by commas (for example 3,4), none, or leave it unset for 4.`,
    })
    .transform((value) =>
      value === 'none' ? [] : [...new Set(value.split(',').map((level) => Number(level.trim())))].sort((a, b) => a - b),
    ),
  CLAIM_MILEAGE_PENCE: wholeNumber(
    'CLAIM_MILEAGE_PENCE',
    0,
    500,
    DEFAULT_CLAIM_SETTINGS.mileagePencePerMile,
    'a mileage rate in pence a mile',
  ),
  CLAIM_HALF_DAY_PENCE: wholeNumber(
    'CLAIM_HALF_DAY_PENCE',
    0,
    1_000_000,
    DEFAULT_CLAIM_SETTINGS.halfDayPence,
    'a half-day payment in pence',
  ),
  CLAIM_FULL_DAY_PENCE: wholeNumber(
    'CLAIM_FULL_DAY_PENCE',
    0,
    1_000_000,
    DEFAULT_CLAIM_SETTINGS.fullDayPence,
    'a full-day payment in pence',
  ),
  CLAIM_APPROVER: z
    .enum(CLAIM_APPROVERS, {
      error: (issue) =>
        `CLAIM_APPROVER: "${String(issue.input)}" is not who approves claims. Set named-contact (the partner's named contact, the Engagement team when there is none) or engagement-team, or leave it unset for named-contact.`,
    })
    .default(DEFAULT_CLAIM_SETTINGS.approver),
  CLAIM_APPROVAL_REMINDER_DAYS: wholeNumber(
    'CLAIM_APPROVAL_REMINDER_DAYS',
    1,
    365,
    DEFAULT_CLAIM_SETTINGS.approvalReminderDays,
    'a number of days',
  ),
  REVIEW_TERM_REMINDER_WEEKS: wholeNumber(
    'REVIEW_TERM_REMINDER_WEEKS',
    1,
    52,
    DEFAULT_REVIEW_SETTINGS.termReminderWeeks,
    'a number of weeks',
  ),
  REVIEW_AGREEMENT_MONTHS: wholeNumber('REVIEW_AGREEMENT_MONTHS', 1, 60, DEFAULT_REVIEW_SETTINGS.agreementMonths, 'a number of months'),
  REVIEW_ACCESS_NEEDS_MONTHS: wholeNumber(
    'REVIEW_ACCESS_NEEDS_MONTHS',
    1,
    60,
    DEFAULT_REVIEW_SETTINGS.accessReviewMonths,
    'a number of months',
  ),
  BOT_ID: guid('BOT_ID', "the bot's Microsoft Entra application (client) id, which Teams Toolkit writes during provision"),
  SECRET_BOT_PASSWORD: z.string().optional(),
  BOT_TENANT_ID: guid('BOT_TENANT_ID', "the directory (tenant) id of the bot's single-tenant app registration"),
  AAD_APP_CLIENT_ID: guid('AAD_APP_CLIENT_ID', "the tab's single sign-on app (client) id, which Teams Toolkit writes during provision"),
  TAB_DOMAIN: z
    .string()
    .regex(HOST, {
      error: (issue) =>
        `TAB_DOMAIN: "${String(issue.input)}" is not a host name. Set the host the tab is served from, such as partner-pathway.example.org (no https:// and no path).`,
    })
    .transform((host) => host.toLowerCase())
    .optional(),
  ALLOWED_TENANT_IDS: z
    .string()
    .refine((value) => value.split(',').every((id) => GUID.test(id.trim())), {
      error: (issue) =>
        `ALLOWED_TENANT_IDS: "${String(issue.input)}" is not a list of directory (tenant) ids. Set one or more GUIDs separated by commas.`,
    })
    .transform((value) => [...new Set(value.split(',').map((id) => id.trim().toLowerCase()))])
    .optional(),
  TEAMS_APP_ID: guid('TEAMS_APP_ID', "the Teams app's id (the manifest's id), which Teams Toolkit writes during provision"),
  ENGAGEMENT_TEAM_IDS: z
    .string()
    .default('')
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id.length > 0),
      ),
    ])
    .refine((ids) => ids.every((id) => GUID.test(id)), {
      error: (issue) =>
        `ENGAGEMENT_TEAM_IDS: "${String(issue.input)}" is not a list of Entra object ids. Set the object ids of the Engagement team's members, separated by commas (each like 00000000-0000-0000-0000-000000000000), or leave it unset.`,
    }),
  LOCAL_IDENTITY: flag('LOCAL_IDENTITY'),
  TAB_DIR: z.string().default('dist/tab'),
  LOG_LEVEL: z
    .enum(['info', 'warn', 'error', 'silent'], {
      error: (issue) => `LOG_LEVEL: "${String(issue.input)}" is not a log level. Set info (the default), warn, error or silent.`,
    })
    .default('info'),
  RATE_LIMIT_READS_PER_MINUTE: wholeNumber('RATE_LIMIT_READS_PER_MINUTE', 1, 100_000, 300, 'a number of requests'),
  RATE_LIMIT_WRITES_PER_MINUTE: wholeNumber('RATE_LIMIT_WRITES_PER_MINUTE', 1, 100_000, 60, 'a number of requests'),
  RATE_LIMIT_REFUSED_SIGN_INS_PER_MINUTE: wholeNumber('RATE_LIMIT_REFUSED_SIGN_INS_PER_MINUTE', 1, 100_000, 60, 'a number of requests'),
  TRUST_PROXY_HOPS: wholeNumber('TRUST_PROXY_HOPS', 0, 10, 0, 'a number of proxies'),
  BOT_STATE_STORAGE_CONNECTION_STRING: z
    .string()
    .refine(isStorageConnectionString, { error: (issue) => storageConnectionStringProblem(String(issue.input)) })
    .optional(),
  BOT_STATE_CONTAINER: z
    .string()
    .default('bot-state')
    .refine((name) => CONTAINER.test(name), {
      error: (issue) =>
        `BOT_STATE_CONTAINER: "${String(issue.input)}" is not a blob container name. Use 3 to 63 lower-case letters, digits and single hyphens (not at either end), or leave it unset for bot-state.`,
    }),
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString,
  SHAREPOINT_WEB_ORIGIN: z
    .string()
    .refine((value) => webOrigin(value) !== undefined, {
      error: (issue) =>
        `SHAREPOINT_WEB_ORIGIN: "${String(issue.input)}" is not a web origin. Set the scheme and host of the SharePoint site whose pages show the web part, such as https://contoso.sharepoint.com (https, no path), or leave it unset.`,
    })
    .transform((value) => webOrigin(value))
    .optional(),
});

type Variables = Partial<Record<keyof z.infer<typeof schema>, string>>;

function wantsLocalDevelopment(variables: Variables, env: NodeJS.ProcessEnv): boolean {
  // SHAREPOINT_AUTH=none is accepted only with a site at http://localhost (see ./sharepoint), so
  // SharePoint mode on a local stand-in counts as local development too.
  const localStore =
    (variables.STORE ?? 'sqlite') === 'sqlite' || (variables.STORE === 'sharepoint' && env.SHAREPOINT_AUTH?.trim() === 'none');
  return localStore && !variables.BOT_ID && !variables.AAD_APP_CLIENT_ID;
}

/** Rules between variables; checked on the raw values so they are reported alongside any malformed ones. */
function combinationProblems(variables: Variables, env: NodeJS.ProcessEnv, sharePointTenant: string | undefined): string[] {
  const problems: string[] = [];
  if (variables.BOT_ID) {
    if (!variables.SECRET_BOT_PASSWORD) {
      problems.push(
        'SECRET_BOT_PASSWORD is missing: BOT_ID is set, so the bot needs its client secret (Teams Toolkit keeps it in env/.env.<environment>.user).',
      );
    }
    if (!variables.BOT_TENANT_ID) {
      problems.push('BOT_TENANT_ID is missing: BOT_ID is set, so give the directory (tenant) id of the single-tenant bot app.');
    }
  }
  if (variables.AAD_APP_CLIENT_ID && !variables.ALLOWED_TENANT_IDS && !variables.BOT_TENANT_ID && !sharePointTenant) {
    problems.push(
      'ALLOWED_TENANT_IDS is missing: AAD_APP_CLIENT_ID is set, so sign-in needs the directory (tenant) ids whose people may use the app. Set your tenant id (BOT_TENANT_ID or AZURE_TENANT_ID is used when set).',
    );
  }
  if (variables.BOT_STATE_CONTAINER && !variables.BOT_STATE_STORAGE_CONNECTION_STRING) {
    problems.push(
      'BOT_STATE_STORAGE_CONNECTION_STRING is missing: BOT_STATE_CONTAINER is set, so the bot state needs the storage account it is in. Set its connection string, or unset BOT_STATE_CONTAINER to keep the bot state in SQLite.',
    );
  }
  if (variables.LOCAL_IDENTITY === 'true' && !wantsLocalDevelopment(variables, env)) {
    problems.push(
      'LOCAL_IDENTITY=true cannot be used here: the local development identity is only for the embedded store or a local stand-in of SharePoint (SHAREPOINT_AUTH=none), with no Entra app configured. Remove LOCAL_IDENTITY, or unset BOT_ID and AAD_APP_CLIENT_ID and use STORE=sqlite.',
    );
  }
  return problems;
}

/** AZURE_TENANT_ID belongs to the SharePoint settings, which check it; here it only offers a default tenant for sign-in. */
function azureTenantOf(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.AZURE_TENANT_ID?.trim();
  return value && GUID.test(value) ? value : undefined;
}

/** The shared container when a storage account is configured; else SQLite, in the pathway's database or (on SharePoint) a file of its own. */
function botStateConfig(values: z.infer<typeof schema>, store: StoreConfig): BotStateConfig {
  if (values.BOT_STATE_STORAGE_CONNECTION_STRING) {
    return { kind: 'blob', connectionString: values.BOT_STATE_STORAGE_CONNECTION_STRING, container: values.BOT_STATE_CONTAINER };
  }
  return { kind: 'sqlite', path: store.kind === 'sqlite' ? store.databasePath : SHAREPOINT_BOT_STATE_PATH };
}

function signInSettings(values: z.infer<typeof schema>, azureTenant: string | undefined): SignInSettings | undefined {
  if (!values.AAD_APP_CLIENT_ID) return undefined;
  const defaultTenant = values.BOT_TENANT_ID ?? azureTenant;
  const clientId = values.AAD_APP_CLIENT_ID.toLowerCase();
  const allowedTenantIds = values.ALLOWED_TENANT_IDS ?? (defaultTenant ? [defaultTenant.toLowerCase()] : []);
  return {
    clientId,
    audiences: values.TAB_DOMAIN ? [clientId, `api://${values.TAB_DOMAIN}/${clientId}`] : [clientId],
    allowedTenantIds,
    keysUrl: `https://login.microsoftonline.com/${allowedTenantIds.length === 1 ? allowedTenantIds[0] : 'common'}/discovery/v2.0/keys`,
  };
}

/**
 * Reads and validates every setting of the server and the bot from the
 * environment (the only place in the project that reads `process.env`). Throws
 * one {@link ConfigError} naming every missing or invalid variable; with
 * STORE=sharepoint that includes the SharePoint settings (`./sharepoint`), and
 * it always includes the bot's (`./bot`). The local development identity is
 * used when the store is SQLite, or SharePoint on a local stand-in
 * (SHAREPOINT_AUTH=none, http://localhost only), and neither BOT_ID nor AAD_APP_CLIENT_ID is set,
 * unless LOCAL_IDENTITY=false turns it off. With AAD_APP_CLIENT_ID the tab's
 * sign-in accepts the tenants in ALLOWED_TENANT_IDS (by default BOT_TENANT_ID,
 * else AZURE_TENANT_ID), and one of them is required. With
 * BOT_STATE_STORAGE_CONNECTION_STRING the bot state is in that storage account's
 * BOT_STATE_CONTAINER (default `bot-state`), shared by every instance; otherwise in SQLite.
 * SHAREPOINT_WEB_ORIGIN, when set, is the one origin whose pages (the SharePoint web part)
 * may call the API cross-origin.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const variables = present(schema, env);
  const parsed = schema.safeParse(variables);
  const sharePoint = variables.STORE === 'sharepoint' ? readSharePointSettings(env) : undefined;
  const bot = botVariables.safeParse(present(botVariables, env));
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)),
    ...combinationProblems(variables, env, azureTenantOf(env)),
    ...(sharePoint?.problems ?? []),
    ...(bot.success ? [] : bot.error.issues.map((issue) => issue.message)),
  ];
  if (!parsed.success || !bot.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  const local = wantsLocalDevelopment(variables, env) && values.LOCAL_IDENTITY !== false;
  const store: StoreConfig = sharePoint?.settings
    ? { kind: 'sharepoint', ...sharePoint.settings }
    : { kind: 'sqlite', databasePath: values.DATABASE_PATH };
  return {
    port: values.PORT,
    store,
    botState: botStateConfig(values, store),
    seedDemo: values.SEED_DEMO,
    pathway: {
      timeZone: values.TIME_ZONE,
      defaultCadenceWeeks: values.ONE_TO_ONE_CADENCE_WEEKS,
      dueSoonDays: values.DUE_SOON_DAYS,
      recruitmentLeadWeeks: values.RECRUITMENT_LEAD_WEEKS,
      paidLevels: values.PAID_LEVELS,
      retentionMonths: values.RETENTION_MONTHS,
      monitoringMinCount: values.MONITORING_MIN_COUNT,
      claims: {
        mileagePencePerMile: values.CLAIM_MILEAGE_PENCE,
        halfDayPence: values.CLAIM_HALF_DAY_PENCE,
        fullDayPence: values.CLAIM_FULL_DAY_PENCE,
        approver: values.CLAIM_APPROVER,
        approvalReminderDays: values.CLAIM_APPROVAL_REMINDER_DAYS,
      },
      reviews: {
        termReminderWeeks: values.REVIEW_TERM_REMINDER_WEEKS,
        agreementMonths: values.REVIEW_AGREEMENT_MONTHS,
        accessReviewMonths: values.REVIEW_ACCESS_NEEDS_MONTHS,
      },
    },
    bot:
      values.BOT_ID && values.SECRET_BOT_PASSWORD && values.BOT_TENANT_ID
        ? { appId: values.BOT_ID, password: values.SECRET_BOT_PASSWORD, tenantId: values.BOT_TENANT_ID }
        : undefined,
    botSettings: botSettingsOf(bot.data),
    signIn: signInSettings(values, azureTenantOf(env)),
    teamsAppId: values.TEAMS_APP_ID,
    engagementTeamIds: values.ENGAGEMENT_TEAM_IDS,
    identity: local ? 'local-development' : 'entra',
    tabDir: values.TAB_DIR,
    logLevel: values.LOG_LEVEL,
    rateLimit: {
      readsPerMinute: values.RATE_LIMIT_READS_PER_MINUTE,
      writesPerMinute: values.RATE_LIMIT_WRITES_PER_MINUTE,
      refusedSignInsPerMinute: values.RATE_LIMIT_REFUSED_SIGN_INS_PER_MINUTE,
      proxyHops: values.TRUST_PROXY_HOPS,
    },
    telemetry: values.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { connectionString: values.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : undefined,
    retention: { schedule: values.RETENTION_SCHEDULE === 'on', triggerToken: values.RETENTION_TOKEN },
    sharePointWebOrigin: values.SHAREPOINT_WEB_ORIGIN,
    opportunitiesFeed: values.OPPORTUNITIES_FEED === 'on',
  };
}

/**
 * Only the telemetry setting, read before anything else so that its instrumentation
 * is in place before the HTTP modules load. An invalid value gives undefined here:
 * {@link loadConfig} reports it with the others.
 */
export function loadTelemetrySettings(env: NodeJS.ProcessEnv = process.env): TelemetrySettings | undefined {
  const parsed = appInsightsConnectionString.safeParse(env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim() || undefined);
  return parsed.success && parsed.data ? { connectionString: parsed.data } : undefined;
}
