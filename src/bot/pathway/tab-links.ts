import { teamsTabLink, workstreamTabLink } from '../../contract/plain/teams-links';

/** The Engagement team's personal tab, as the manifest's `staticTabs` names it. */
const ENGAGEMENT_ENTITY = 'engagement';

/**
 * Deep links from the bot's cards into the app's tabs. Each link needs the Teams
 * app id (`TEAMS_APP_ID`); without it (a local server) every link is undefined and
 * cards leave the button out. The links themselves are the ones the SharePoint web
 * part gives too (src/contract/plain/teams-links.ts).
 */
export class TabLinks {
  constructor(private readonly teamsAppId: string | undefined) {}

  /**
   * A workstream's channel tab, opened at one partner's detail when `partnerId` is
   * given. Undefined when there is no workstream or it has no Teams channel yet.
   */
  workstream(
    workstream: { readonly id: number; readonly teamsChannelId: string | null } | undefined,
    partnerId?: number,
  ): string | undefined {
    return (workstream && workstreamTabLink(this.teamsAppId, workstream, partnerId)) ?? undefined;
  }

  /** The Engagement team's overview of every workstream (a personal tab). */
  engagement(): string | undefined {
    return this.teamsAppId ? teamsTabLink(this.teamsAppId, ENGAGEMENT_ENTITY) : undefined;
  }
}
