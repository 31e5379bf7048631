/** The web part's settings, as the property pane edits them and the page stores them. */
export interface PartnerPathwayProperties {
  /** Where the app is, such as https://pathway.example.org. */
  appAddress: string;
  /** The app's Entra application (client) id: the resource the web part asks a token for. */
  appClientId: string;
  /** The Teams app's id, for links that open a partner in the workstream's Teams tab; empty for none. */
  teamsAppId: string;
  /** The workstream shown; 0 before one is chosen. */
  workstreamId: number;
}

/** Why an app address cannot be used, or '' when it can: https (or http on this machine), no query. */
export function appAddressProblem(value: string): string {
  const match = /^(https:\/\/[^/?#\s]+|http:\/\/localhost(:\d+)?)(\/[^?#\s]*)?$/i.exec(value.trim());
  return match ? '' : 'Give the app’s https address, such as https://pathway.example.org.';
}
