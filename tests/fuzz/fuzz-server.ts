import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { LISTS, type ListName, type RecordOf } from '../../src/domain';
import { startServer, type RunningServer } from '../../src/entry/server';
import { startChannelStandIn, type ChannelStandIn } from '../bot/channel-stand-in';
import {
  CLIENT_ID,
  mint,
  signingKey,
  signInSettings,
  startEntraStandIn,
  TENANT,
  teamsClaims,
  type EntraStandIn,
} from '../server/auth/entra-stand-in';
import { recordingLogger } from '../server/support';

/** The Engagement team member named in ENGAGEMENT_TEAM_IDS: may see every workstream. */
const ENGAGEMENT_OID = '5b0e6c1a-7d2f-4e3b-9a8c-1f2e3d4c5b6a';
/** Signed in to the tenant, but a member of no workstream and not in the Engagement team. */
const OUTSIDER_OID = '3c9d8e7f-6a5b-4c3d-8e1f-0a9b8c7d6e5f';

/** Someone calling the server, and how they prove it. */
export interface Caller {
  readonly name: 'outsider' | 'member' | 'engagement';
  readonly oid: string;
  /** A Teams sign-in token for the tab API, minted by the local Entra stand-in. */
  readonly token: string;
}

/** Every list but the audit trail (which records views and refusals by design), item by item. */
export type Snapshot = Partial<Record<ListName, unknown[]>>;

/** Real ids of each kind, with the workstream each belongs to. */
export interface KnownIds {
  readonly byKind: Readonly<Record<string, ReadonlyArray<{ readonly id: number; readonly workstreamIds: readonly number[] }>>>;
  /** The largest id in any list: ids above it exist nowhere. */
  readonly maxId: number;
}

/** A member of exactly one workstream, outside the Engagement team. */
export interface Member {
  readonly caller: Caller;
  readonly workstreamId: number;
}

export interface FuzzServer {
  /** The Entra-mode server: the tab API is fuzzed here (its bot refuses every activity). */
  readonly server: RunningServer;
  /** The local development server on the same database: the bot is fuzzed here, believing the ids the activities carry. */
  readonly botServer: RunningServer;
  readonly channel: ChannelStandIn;
  readonly logger: ReturnType<typeof recordingLogger>;
  readonly outsider: Caller;
  readonly engagement: Caller;
  readonly member: Member;
  readonly ids: KnownIds;
  snapshot(): Promise<Snapshot>;
  close(): Promise<void>;
}

const AUDIT_LIST: ListName = 'activity';

async function snapshotOf(server: RunningServer): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const list of Object.keys(LISTS) as ListName[]) {
    if (list === AUDIT_LIST) continue;
    const items = await server.store.find({ list } as never);
    snapshot[list] = [...(items as Array<RecordOf<ListName>>)].sort((a, b) => a.id - b.id);
  }
  return snapshot;
}

type Item = { id: number } & Record<string, unknown>;

/** Which workstreams each record belongs to, read from the snapshot. */
function knownIds(snapshot: Snapshot): KnownIds {
  const list = (name: ListName) => (snapshot[name] ?? []) as Item[];
  const involvements = list('involvements');
  const involvementWorkstream = new Map(involvements.map((item) => [item.id, item.workstreamId as number]));
  const partnerWorkstreams = (partnerId: number) =>
    involvements.filter((item) => item.partnerId === partnerId).map((item) => item.workstreamId as number);
  const of = (items: Item[], workstreamIds: (item: Item) => readonly number[]) =>
    items.map((item) => ({ id: item.id, workstreamIds: workstreamIds(item) }));
  const byKind = {
    workstreamId: of(list('workstreams'), (item) => [item.id]),
    roleId: of(list('roles'), (item) => [item.workstreamId as number]),
    involvementId: of(involvements, (item) => [item.workstreamId as number]),
    partnerId: of(list('partners'), (item) => partnerWorkstreams(item.id)),
    taskId: of(list('inductionTasks'), (item) => [involvementWorkstream.get(item.involvementId as number) ?? 0]),
    oneToOneId: of(list('oneToOnes'), (item) => [involvementWorkstream.get(item.involvementId as number) ?? 0]),
    memberId: of(list('members'), (item) => (item.workstreamId === null ? [] : [item.workstreamId as number])),
  };
  const maxId = Math.max(...Object.values(snapshot).flatMap((items) => (items as Item[]).map((item) => item.id)));
  return { byKind, maxId };
}

/** A demo lead who is a member of exactly one workstream and not in the Engagement team. */
function memberOfOneWorkstream(snapshot: Snapshot): { userId: string; workstreamId: number } {
  const rows = (snapshot.members ?? []) as Item[];
  const chosen = rows.find((row) => row.workstreamId !== null && rows.filter((other) => other.userId === row.userId).length === 1);
  if (!chosen) throw new Error('The demo organisation has no member of exactly one workstream.');
  return { userId: chosen.userId as string, workstreamId: chosen.workstreamId as number };
}

/**
 * Two real servers (`startServer`) on one SQLite database in a temporary folder, seeded
 * with the demo organisation. The Entra-mode server signs the tab in through a local
 * Entra stand-in (so callers are proven people, not the local development identity);
 * without BOT_ID its bot refuses every activity, so the bot is fuzzed on a local
 * development server on the same database, where activities name their sender, as they
 * legitimately do there. Both reply to one local Bot Connector stand-in and log to one
 * logger, and one snapshot covers both. Rate limits are raised out of the way: the
 * fuzz is one caller sending thousands of requests a minute, which is what they are for.
 */
export async function startFuzzServer(): Promise<FuzzServer> {
  const key = await signingKey('fuzz-key');
  const entra: EntraStandIn = await startEntraStandIn([key]);
  const channel = await startChannelStandIn();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-fuzz-'));
  const shared = {
    DATABASE_PATH: path.join(dir, 'pathway.db'),
    SEED_DEMO: 'auto',
    REMINDERS: 'off',
    ENGAGEMENT_TEAM_IDS: ENGAGEMENT_OID,
    RATE_LIMIT_READS_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    RATE_LIMIT_REFUSED_SIGN_INS_PER_MINUTE: '100000',
  };
  const config = loadConfig({ ...shared, AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANT_IDS: TENANT });
  const localConfig = loadConfig(shared);
  const logger = recordingLogger();
  const options = { logger };
  const server = await startServer({ ...config, port: 0, signIn: signInSettings(entra.keysUrl) }, options);
  const botServer = await startServer({ ...localConfig, port: 0 }, options);
  const snapshot = await snapshotOf(server);
  const caller = async (name: Caller['name'], oid: string): Promise<Caller> => ({
    name,
    oid,
    token: await mint(key, teamsClaims({ oid, name: `Fuzz ${name}` })),
  });
  const member = memberOfOneWorkstream(snapshot);
  return {
    server,
    botServer,
    channel,
    logger,
    outsider: await caller('outsider', OUTSIDER_OID),
    engagement: await caller('engagement', ENGAGEMENT_OID),
    member: { caller: await caller('member', member.userId), workstreamId: member.workstreamId },
    ids: knownIds(snapshot),
    snapshot: () => snapshotOf(server),
    async close() {
      await botServer.close();
      await server.close();
      await channel.close();
      await entra.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
