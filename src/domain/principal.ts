/** The person making a request: taken from the bot activity or the tab's sign-in token. */
export interface Principal {
  /** Entra object id (or the local development identity's id). */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly tenantId: string;
}

/** A GUID: the form Microsoft Entra ID gives every id (people's object ids, apps, tenants), as in the `oid` and `tid` of a Teams sign-in and the `aadObjectId` of a bot activity. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
