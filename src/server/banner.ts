import path from 'node:path';
import type { Config } from '../config';
import { LOCAL_DEVELOPER, PLAYGROUND_USER } from './principal';

/** What happened to demo data at start-up. */
export type DemoData =
  | { readonly state: 'seeded'; readonly workstreams: number; readonly roles: number; readonly partners: number }
  | { readonly state: 'present'; readonly seededAt: string }
  | { readonly state: 'own-data' }
  | { readonly state: 'off' };

/** What the banner reports about a running server. */
export interface BannerFacts {
  readonly baseUrl: string;
  readonly config: Pick<Config, 'identity' | 'bot' | 'store' | 'signIn'>;
  /** The interface the server listens on. */
  readonly host: string;
  readonly demo: DemoData;
}

function demoLine(facts: BannerFacts): string {
  const { demo } = facts;
  const counts = demo.state === 'seeded' ? `${demo.workstreams} workstreams, ${demo.roles} roles, ${demo.partners} partners` : '';
  if (facts.config.store.kind === 'sharepoint') {
    return demo.state === 'seeded'
      ? `put into this local stand-in just now (${counts}) by npm run start:sharepoint-local; the server itself never seeds a SharePoint site`
      : 'none: demo data is for the embedded store only, never put into SharePoint';
  }
  switch (demo.state) {
    case 'seeded':
      return `seeded just now (${counts})`;
    case 'present':
      return `already present (seeded ${demo.seededAt})`;
    case 'own-data':
      return 'not seeded: the database already has workstreams';
    case 'off':
      return 'not seeded (SEED_DEMO=never)';
  }
}

function identityLine(facts: BannerFacts): string {
  if (facts.config.identity === 'local-development') {
    return [
      `LOCAL DEVELOPMENT IDENTITY: every tab request acts as "${LOCAL_DEVELOPER.name}", with no sign-in. For local use only; listening on ${facts.host} only.`,
      `                 In chat (npm run playground) you are the Agents Playground's user, ${PLAYGROUND_USER.name}. Both are in the Engagement team here, so either can do everything.`,
    ].join('\n');
  }
  const { signIn } = facts.config;
  if (!signIn) return 'Microsoft Entra (Teams sign-in), but no tab sign-in app (AAD_APP_CLIENT_ID) is set, so the tab API answers 401.';
  return `Microsoft Entra: the tab API accepts Teams sign-in tokens for app ${signIn.clientId} from tenant ${signIn.allowedTenantIds.join(', ')}.`;
}

function storeLine(store: Config['store']): string {
  if (store.kind === 'sharepoint') {
    const signIn = store.signIn.kind === 'certificate' ? 'app-only sign-in with a certificate' : 'no sign-in: a local stand-in';
    return `SharePoint lists on ${store.siteUrl} (${signIn})`;
  }
  return store.databasePath === ':memory:'
    ? 'SQLite, in memory (nothing is kept after it stops)'
    : `SQLite database at ${path.resolve(store.databasePath)}`;
}

/** The short, readable start-up summary printed to the console. */
export function startupBanner(facts: BannerFacts): string {
  const { baseUrl, config } = facts;
  const bot = config.bot
    ? `${baseUrl}/api/messages (app ${config.bot.appId}, single tenant)`
    : config.identity === 'local-development'
      ? `${baseUrl}/api/messages (no BOT_ID: unauthenticated, for Agents Playground and local tests only)`
      : `${baseUrl}/api/messages (no BOT_ID: refuses every message with 401)`;
  return [
    'Partner Pathway is running.',
    `  Tab:           ${baseUrl}/tab/`,
    `  Bot endpoint:  ${bot}`,
    `  Health:        ${baseUrl}/healthz`,
    `  Store:         ${storeLine(config.store)}`,
    `  Identity:      ${identityLine(facts)}`,
    `  Demo data:     ${demoLine(facts)}`,
  ].join('\n');
}
