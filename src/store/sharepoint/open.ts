import fs from 'node:fs';
import path from 'node:path';
import { ClientCertificateCredential } from '@azure/identity';
import { SharePointStore } from './sharepoint-store';
import { userAgent, type SharePointAuth, type SharePointConnection } from './sp-client';

/** What the store needs to reach its site: the entry point passes them from the configuration. */
export interface SharePointSettings {
  /** The site holding the lists, no trailing slash. */
  readonly siteUrl: string;
  /** App-only sign-in with a certificate (a PEM file or the PEM itself), or none for a local stand-in. */
  readonly signIn:
    | {
        readonly kind: 'certificate';
        readonly tenantId: string;
        readonly clientId: string;
        readonly certificate: { readonly path: string } | { readonly pem: string };
      }
    | { readonly kind: 'none' };
  /** Named in the User-Agent of every request. */
  readonly organisation: string;
}

/** The app's version, from the nearest package.json above this file (in `src` and in `dist` alike), for the User-Agent. */
function appVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

function authOf(settings: SharePointSettings): SharePointAuth {
  const signIn = settings.signIn;
  if (signIn.kind === 'none') return { kind: 'none' };
  const credential =
    'path' in signIn.certificate
      ? new ClientCertificateCredential(signIn.tenantId, signIn.clientId, { certificatePath: signIn.certificate.path })
      : new ClientCertificateCredential(signIn.tenantId, signIn.clientId, { certificate: signIn.certificate.pem });
  return { kind: 'app-only-certificate', credential };
}

/** The connection the settings describe: app-only certificate sign-in and the decorated User-Agent. */
export function connectionFrom(settings: SharePointSettings): SharePointConnection {
  return { siteUrl: settings.siteUrl, auth: authOf(settings), userAgent: userAgent(settings.organisation, appVersion()) };
}

/** Opens the SharePoint store the settings describe. Nothing is requested until the store is first used. */
export function openSharePointStore(settings: SharePointSettings): SharePointStore {
  return new SharePointStore(connectionFrom(settings));
}
