import type { Express } from 'express';
import { createPathwayService, type Clock, type DocumentLinks, type PathwayService, type StoreHealth } from '../../src/domain';
import { Guidance } from '../../src/content/guidance';
import { createApp, type BotHandler } from '../../src/server/app';
import type { RateLimitStoreFactory } from '../../src/server/rate-limit';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import type { LogFields, Logger } from '../../src/logging/logger';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite';
import type { BotCredentials, IdentityMode, RateLimitSettings, SignInSettings } from '../../src/config';

/** The day every server test runs on: a Monday, in GMT. */
export const TODAY = '2026-03-02';
export const fixedClock: Clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };

export const SETTINGS = {
  timeZone: 'Europe/London',
  defaultCadenceWeeks: 8,
  dueSoonDays: 14,
  recruitmentLeadWeeks: 8,
  paidLevels: [4],
};

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that keeps its lines for assertions. */
export function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record =
    (level: LogLine['level']) =>
    (message: string, fields: LogFields = {}) => {
      lines.push({ level, message, fields });
    };
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

/** The repository's own guidance files, with no document links set. */
export const TEST_GUIDANCE = new Guidance('content/guidance', {});

/** The bot endpoint is tested in tests/bot; here it only has to answer. */
const quietBot: BotHandler = async (_req, res) => {
  res.status(200).end();
};

export interface TestApp {
  readonly app: Express;
  readonly store: SqliteStore;
  readonly service: PathwayService;
  readonly logger: ReturnType<typeof recordingLogger>;
}

/** The real app on the real service over an in-memory SQLite store, on a fixed day. */
export function testApp(
  options: {
    identity?: IdentityMode;
    signIn?: SignInSettings;
    tabDir?: string;
    health?: () => Promise<StoreHealth>;
    bot?: BotHandler;
    botCredentials?: BotCredentials;
    rateLimit?: RateLimitSettings;
    rateLimitStore?: RateLimitStoreFactory;
    documents?: DocumentLinks;
    sharePointWebOrigin?: string;
    opportunitiesFeed?: boolean;
  } = {},
): TestApp {
  const store = openSqliteStore({ path: ':memory:' });
  const service = createPathwayService({
    store,
    clock: fixedClock,
    settings: SETTINGS,
    access: { engagementTeamIds: [LOCAL_DEVELOPER.id] },
  });
  const logger = recordingLogger();
  const app = createApp({
    service,
    health: options.health ?? (() => store.health()),
    bot: options.bot ?? quietBot,
    guidance: TEST_GUIDANCE,
    config: {
      identity: options.identity ?? 'local-development',
      signIn: options.signIn,
      tabDir: options.tabDir ?? '/nonexistent/partner-pathway-tab',
      bot: options.botCredentials,
      rateLimit: options.rateLimit,
      botSettings: { documents: options.documents ?? {} },
      sharePointWebOrigin: options.sharePointWebOrigin,
      opportunitiesFeed: options.opportunitiesFeed,
    },
    logger,
    rateLimitStore: options.rateLimitStore,
  });
  return { app, store, service, logger };
}

/** A role description complete enough to be Ready. */
export const COMPLETE_DESCRIPTION = {
  purpose: 'Bring lived experience of cancer care to the redesign of follow-up clinics.',
  activities: 'Join monthly design meetings and review patient letters.',
  timeCommitment: 'About four hours a month',
  location: 'Online',
  paymentAndExpenses: 'Involvement payment per meeting. Anyone on benefits is offered independent benefits advice and may decline payment.',
  skillsWelcomed: 'Experience of cancer care as a patient or carer.',
  supportOffered: 'A named contact, one-to-ones and the Peer Support Network.',
  contact: 'Jo Bloggs, jo.bloggs@example.org',
  closingDate: '2026-04-30',
  startDate: '2026-07-01',
  level: 4,
  accessibleFormats: ['Easy read', 'Large print'],
};
