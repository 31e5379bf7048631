/** The SharePoint Online adapter of the Store port, and its provisioning; chosen only by the composition root. */
export { SharePointStore, type SharePointStoreOptions } from './sharepoint-store';
export { connectionFrom, openSharePointStore, type SharePointSettings } from './open';
export { provision, type ProvisionReport, type ProvisionStep, type Outcome } from './provision';
export { DEFAULT_RETRY_POLICY, userAgent, type RetryPolicy, type SharePointAuth, type SharePointConnection } from './sp-client';
export { odataLiteral } from './odata';
