/** The person making a request: taken from the bot activity or the tab's sign-in token. */
export interface Principal {
  /** Entra object id (or the local development identity's id). */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly tenantId: string;
}
