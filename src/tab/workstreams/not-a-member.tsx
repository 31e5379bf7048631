import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * Shown above the person's own workstreams when the tab (or a link) is for a workstream
 * they are not a member of. It cannot name that workstream: whether one exists, and
 * what it is called, is for its members.
 */
export function NotAMember() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This tab is for a workstream you are not a member of</MessageBarTitle>
        <Body1>
          So it is not shown. To see it, ask one of its members, or the Engagement team, to add you on its People view. Below are the
          workstreams you are in.
        </Body1>
      </MessageBarBody>
    </MessageBar>
  );
}
