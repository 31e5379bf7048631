/** Where Teams deep links start. */
const TEAMS_ENTITY = 'https://teams.microsoft.com/l/entity';

/** The Engagement team's personal tab, as the manifest's `staticTabs` names it. */
const ENGAGEMENT_ENTITY = 'engagement';

/**
 * Deep links from the bot's cards into the app's tabs. Each link needs the Teams
 * app id (`TEAMS_APP_ID`); without it (a local server) every link is undefined and
 * cards leave the button out. The entity ids match what the tab saves
 * (`workstream-<id>` for a channel tab) and the manifest (`engagement`).
 */
export class TabLinks {
  constructor(private readonly teamsAppId: string | undefined) {}

  /**
   * A workstream's channel tab, opened at one partner's detail when `partnerId` is
   * given (`subEntityId` `partner-<partnerId>`). Undefined when there is no
   * workstream or it has no Teams channel yet, as the tab lives in that channel.
   */
  workstream(
    workstream: { readonly id: number; readonly teamsChannelId: string | null } | undefined,
    partnerId?: number,
  ): string | undefined {
    if (!this.teamsAppId || !workstream?.teamsChannelId) return undefined;
    const context = { ...(partnerId === undefined ? {} : { subEntityId: `partner-${partnerId}` }), channelId: workstream.teamsChannelId };
    return `${this.entity(`workstream-${workstream.id}`)}?context=${encodeURIComponent(JSON.stringify(context))}`;
  }

  /** The Engagement team's overview of every workstream (a personal tab). */
  engagement(): string | undefined {
    return this.teamsAppId ? this.entity(ENGAGEMENT_ENTITY) : undefined;
  }

  private entity(entityId: string): string {
    return `${TEAMS_ENTITY}/${encodeURIComponent(this.teamsAppId ?? '')}/${encodeURIComponent(entityId)}`;
  }
}
