/*
 * Deep links into the app's Teams tabs, as the bot's cards and the SharePoint web part give
 * them. Like everything in src/contract/plain, the web part's build compiles a copy of it
 * (spfx/config/heft.json), without the app's packages: it imports nothing.
 */

/** Where Teams deep links start. */
const TEAMS_ENTITY = 'https://teams.microsoft.com/l/entity';

/** One of the app's tabs by its entity id (`workstream-<id>` for a channel tab, as the tab saves it; `engagement` from the manifest). */
export function teamsTabLink(teamsAppId: string, entityId: string): string {
  return `${TEAMS_ENTITY}/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(entityId)}`;
}

/**
 * A workstream's channel tab, opened at one partner's detail when `partnerId` is given
 * (`subEntityId` `partner-<partnerId>`). Null without the Teams app id (a local server),
 * or when the workstream has no Teams channel yet, as the tab lives in that channel.
 */
export function workstreamTabLink(
  teamsAppId: string | undefined,
  workstream: { readonly id: number; readonly teamsChannelId: string | null },
  partnerId?: number,
): string | null {
  if (!teamsAppId || !workstream.teamsChannelId) return null;
  const context = { ...(partnerId === undefined ? {} : { subEntityId: `partner-${partnerId}` }), channelId: workstream.teamsChannelId };
  return `${teamsTabLink(teamsAppId, `workstream-${workstream.id}`)}?context=${encodeURIComponent(JSON.stringify(context))}`;
}
