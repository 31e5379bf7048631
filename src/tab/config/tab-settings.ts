import type { TabSettings } from '../teams/teams-host';

/** Teams shows about this many characters of a tab's name before cutting it off. */
const TAB_NAME_LENGTH = 30;

/** The entity id a channel tab is saved with for a workstream. */
export function entityIdFor(workstreamId: number): string {
  return `workstream-${workstreamId}`;
}

/** The workstream a saved tab shows, from its entity id, or null. */
export function workstreamIdFromEntityId(entityId: string | null): number | null {
  const match = entityId ? /^workstream-(\d+)$/.exec(entityId) : null;
  return match ? Number(match[1]) : null;
}

/** A tab name Teams can show in full: "Partners: Maternity", shortened with an ellipsis when long. */
export function suggestedTabName(title: string): string {
  const name = `Partners: ${title.trim()}`;
  return name.length <= TAB_NAME_LENGTH ? name : `${name.slice(0, TAB_NAME_LENGTH - 1).trimEnd()}…`;
}

/** What a channel tab showing one workstream is saved with: the tab's page on this server, opened at that workstream. */
export function tabSettingsFor(workstream: { readonly id: number; readonly title: string }, origin: string): TabSettings {
  const url = `${origin}/tab/index.html?workstream=${workstream.id}`;
  return {
    entityId: entityIdFor(workstream.id),
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: suggestedTabName(workstream.title),
  };
}
