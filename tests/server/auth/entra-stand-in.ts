import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { SignInSettings } from '../../../src/config';

export const TENANT = '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b';
export const OTHER_TENANT = '7f3c9a1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b';
export const CLIENT_ID = '99999999-8888-7777-6666-555555555555';
export const TAB_DOMAIN = 'pathway.example.org';
export const USER_OID = '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11';

/** A signing key with the id Entra would publish it under. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

/**
 * A stand-in for Entra's published key set, over real HTTP: serves `published`
 * at `/keys`, counts fetches, and mints tokens as Entra issues them for the tab.
 */
export interface EntraStandIn {
  readonly keysUrl: string;
  readonly published: SigningKey[];
  /** How many times the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

export async function startEntraStandIn(published: SigningKey[]): Promise<EntraStandIn> {
  let fetches = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== '/keys') return res.writeHead(404).end();
    fetches += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    keysUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`,
    published,
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The settings `loadConfig` makes for this tenant and tab app, with the key set at `keysUrl`. */
export function signInSettings(keysUrl: string): SignInSettings {
  return { clientId: CLIENT_ID, audiences: [CLIENT_ID, `api://${TAB_DOMAIN}/${CLIENT_ID}`], allowedTenantIds: [TENANT], keysUrl };
}

/** The claims of a v2 Teams single sign-on token for the tab, issued now for an hour. */
export function teamsClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    oid: USER_OID,
    tid: TENANT,
    scp: 'access_as_user',
    name: 'Jo Bloggs',
    preferred_username: 'jo.bloggs@example.org',
    ver: '2.0',
    ...overrides,
  };
}

/**
 * The app that asks Entra for the SharePoint web part's tokens (AadHttpClient): Microsoft's
 * "SharePoint Online Web Client Extensibility" app, to which an administrator grants the
 * web part's permission request.
 */
export const SHAREPOINT_CLIENT_APP = '08e18876-6177-487e-b8b5-cf950c1e598c';

/**
 * The claims of the token AadHttpClient gets for the web part with the tab's app as the
 * resource, after an administrator approved `access_as_user`: v2 (the tab's app asks for
 * v2 tokens), issued to SharePoint's client app rather than to Teams.
 */
export function webPartClaims(overrides: JWTPayload = {}): JWTPayload {
  return teamsClaims({ azp: SHAREPOINT_CLIENT_APP, azpacr: '0', ...overrides });
}

/** The same token as a v1 token: the Application ID URI as audience, sts.windows.net as issuer, `appid` and `upn` instead of `azp` and `preferred_username`. */
export function webPartV1Claims(overrides: JWTPayload = {}): JWTPayload {
  return teamsClaims({
    aud: `api://${TAB_DOMAIN}/${CLIENT_ID}`,
    iss: `https://sts.windows.net/${TENANT}/`,
    ver: '1.0',
    appid: SHAREPOINT_CLIENT_APP,
    appidacr: '0',
    preferred_username: undefined,
    upn: 'jo.bloggs@example.org',
    unique_name: 'jo.bloggs@example.org',
    ...overrides,
  });
}

/** Signs `claims` with `key` (RS256, its kid in the header), as Entra does. */
export function mint(key: SigningKey, claims: JWTPayload = teamsClaims()): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

/** An unsigned token (`alg: none`) carrying `claims`, as an attacker would send one. */
export function unsigned(claims: JWTPayload = teamsClaims()): string {
  const part = (value: object) => base64url.encode(JSON.stringify(value));
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
