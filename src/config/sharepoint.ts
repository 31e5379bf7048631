import { GUID } from '../domain';

const PEM_KEY = /-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * How the server signs in to SharePoint: app-only with a certificate (SharePoint
 * refuses client secrets for app-only), from a PEM file or the PEM itself.
 * `none` exists only for a local stand-in of SharePoint on this machine.
 */
export type SharePointSignIn =
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      readonly certificate: { readonly path: string } | { readonly pem: string };
    }
  | { readonly kind: 'none' };

/** The SharePoint store's settings. */
export interface SharePointSettings {
  /** The site holding the lists, `https://contoso.sharepoint.com/sites/partner-pathway`, no trailing slash. */
  readonly siteUrl: string;
  readonly signIn: SharePointSignIn;
  /** Named in the User-Agent of every request, as Microsoft asks of applications. */
  readonly organisation: string;
}

/** The variables the SharePoint store reads, in the order they are explained. */
export const SHAREPOINT_VARIABLES = [
  'SHAREPOINT_SITE_URL',
  'SHAREPOINT_AUTH',
  'AZURE_TENANT_ID',
  'SHAREPOINT_CLIENT_ID',
  'SHAREPOINT_CERTIFICATE_PATH',
  'SECRET_SHAREPOINT_CERTIFICATE_PEM',
  'ORGANISATION_NAME',
] as const;

type Variable = (typeof SHAREPOINT_VARIABLES)[number];

function read(env: NodeJS.ProcessEnv): Partial<Record<Variable, string>> {
  const values: Partial<Record<Variable, string>> = {};
  for (const name of SHAREPOINT_VARIABLES) {
    const value = env[name]?.trim();
    if (value) values[name] = value;
  }
  return values;
}

function siteUrlOf(raw: string | undefined, problems: string[]): URL | undefined {
  if (!raw) {
    problems.push(
      'SHAREPOINT_SITE_URL is missing: STORE=sharepoint needs the address of the site that holds the lists, like https://contoso.sharepoint.com/sites/partner-pathway.',
    );
    return undefined;
  }
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  problems.push(
    `SHAREPOINT_SITE_URL: "${raw}" is not an https address of a site. Set it like https://contoso.sharepoint.com/sites/partner-pathway.`,
  );
  return undefined;
}

/**
 * Reads the SharePoint settings (only asked for when STORE=sharepoint). Returns
 * them, or every problem found, each a sentence saying what to set.
 */
export function readSharePointSettings(env: NodeJS.ProcessEnv): { settings?: SharePointSettings; problems: string[] } {
  const values = read(env);
  const problems: string[] = [];
  const url = siteUrlOf(values.SHAREPOINT_SITE_URL, problems);
  const auth = values.SHAREPOINT_AUTH ?? 'certificate';
  if (auth !== 'certificate' && auth !== 'none') {
    problems.push(
      `SHAREPOINT_AUTH: "${auth}" is not understood. Leave it unset (certificate sign-in), or set none for a local stand-in of SharePoint.`,
    );
  }
  if (auth === 'none' && url && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    problems.push(
      'SHAREPOINT_AUTH=none is only for a local stand-in of SharePoint at http://localhost. Remove it to sign in with the app certificate.',
    );
  }
  if (url?.protocol === 'http:' && auth !== 'none') {
    problems.push(
      'SHAREPOINT_SITE_URL: a plain http address is only for a local stand-in of SharePoint; set SHAREPOINT_AUTH=none with it, or use the https site.',
    );
  }
  if (!values.ORGANISATION_NAME) {
    problems.push(
      'ORGANISATION_NAME is missing: STORE=sharepoint names the organisation in the User-Agent of every request, as Microsoft asks. Set it, for example to NHS West Yorkshire ICB.',
    );
  }
  let signIn: SharePointSignIn = { kind: 'none' };
  if (auth === 'certificate') {
    if (!values.AZURE_TENANT_ID || !GUID.test(values.AZURE_TENANT_ID)) {
      problems.push(
        'AZURE_TENANT_ID is missing or not a GUID: set the directory (tenant) id of the Entra app that reads the SharePoint site.',
      );
    }
    if (!values.SHAREPOINT_CLIENT_ID || !GUID.test(values.SHAREPOINT_CLIENT_ID)) {
      problems.push(
        'SHAREPOINT_CLIENT_ID is missing or not a GUID: set the application (client) id of the Entra app granted Sites.Selected on the site.',
      );
    }
    const pem = values.SECRET_SHAREPOINT_CERTIFICATE_PEM?.replaceAll('\\n', '\n');
    if (values.SHAREPOINT_CERTIFICATE_PATH && pem) {
      problems.push('SHAREPOINT_CERTIFICATE_PATH and SECRET_SHAREPOINT_CERTIFICATE_PEM are both set: keep one.');
    } else if (!values.SHAREPOINT_CERTIFICATE_PATH && !pem) {
      problems.push(
        'The SharePoint certificate is missing: set SHAREPOINT_CERTIFICATE_PATH to a PEM file holding the private key and certificate, or SECRET_SHAREPOINT_CERTIFICATE_PEM (in env/.env.<environment>.user).',
      );
    } else if (pem && !PEM_KEY.test(pem)) {
      problems.push('SECRET_SHAREPOINT_CERTIFICATE_PEM holds no PEM private key: it needs the private key and the certificate.');
    }
    signIn = {
      kind: 'certificate',
      tenantId: values.AZURE_TENANT_ID ?? '',
      clientId: values.SHAREPOINT_CLIENT_ID ?? '',
      certificate: values.SHAREPOINT_CERTIFICATE_PATH ? { path: values.SHAREPOINT_CERTIFICATE_PATH } : { pem: pem ?? '' },
    };
  }
  if (problems.length > 0 || !url || !values.ORGANISATION_NAME) return { problems };
  return { settings: { siteUrl: url.href.replace(/\/+$/, ''), signIn, organisation: values.ORGANISATION_NAME }, problems };
}
