import { Body1, Link } from '@fluentui/react-components';
import { Notice } from '../shared/notice';

/** Props for {@link NotEngagementTeam}. */
export interface NotEngagementTeamProps {
  /** The address of the workstream view, where the person sees their own workstreams. */
  readonly workstreamsHref: string;
}

/** What a member of staff outside the Engagement team sees on the Engagement team's personal tab: why, and where to go. */
export function NotEngagementTeam({ workstreamsHref }: NotEngagementTeamProps) {
  return (
    <Notice title="This view is for the Engagement team">
      <Body1>
        It shows every workstream side by side, and who is in the Engagement team. You are not in the Engagement team, so you see the
        workstreams you are a member of instead.
      </Body1>
      <Body1>
        <Link href={workstreamsHref}>Open your workstreams</Link>
      </Body1>
      <Body1>If you should be in the Engagement team, ask one of its members to add you.</Body1>
    </Notice>
  );
}
