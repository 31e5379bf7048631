import { AadHttpClient, type AadHttpClientFactory } from '@microsoft/sp-http';
import type { SignedInHttp } from './pathway-api';

/**
 * Calls signed in as the page's person with a token for `resource` (the app's Entra
 * application id), as the SharePoint administrator approved it. Getting the client or
 * its token fails when the permission is not approved; the API reads that as such.
 */
export function aadHttp(factory: AadHttpClientFactory, resource: string): SignedInHttp {
  const client = factory.getClient(resource);
  return {
    get: async (url) => (await client).get(url, AadHttpClient.configurations.v1),
  };
}
