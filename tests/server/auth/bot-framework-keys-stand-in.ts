import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, type JWTPayload } from 'jose';
import { signingKey, type SigningKey } from './entra-stand-in';

/** The issuer of every token Bot Framework sends a bot on behalf of a channel (botframework-connector's AuthenticationConstants). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** How the stand-in answers a path: with the keys, with 500, or never. */
export type KeysMode = 'serve' | 'fail' | 'hang';

/**
 * A stand-in for Bot Framework's published signing keys, over real HTTP, shaped
 * as https://login.botframework.com/v1/.well-known/openidconfiguration and its
 * `jwks_uri` are: RSA keys with the channels that endorse them (`endorsements`,
 * which botframework-connector checks against the activity's channel).
 * `/<mode>/openidconfiguration` answers in that mode, so one stand-in serves
 * several servers (botframework-connector caches keys per metadata address).
 */
export interface BotFrameworkKeysStandIn {
  /** The metadata address answering in `mode`. */
  metadataUrl(mode: KeysMode): string;
  /** The key the stand-in publishes. */
  readonly key: SigningKey;
  close(): Promise<void>;
}

export async function startBotFrameworkKeysStandIn(): Promise<BotFrameworkKeysStandIn> {
  const key = await signingKey('bot-framework-key-1');
  let base = '';
  const server = http.createServer((req, res) => {
    const [, mode, document] = (req.url ?? '').split('/');
    if (mode === 'hang') return;
    if (mode === 'fail') return res.writeHead(500).end();
    if (document === 'openidconfiguration') {
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          issuer: BOT_FRAMEWORK_ISSUER,
          jwks_uri: `${base}/${mode}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
    }
    if (document === 'keys') {
      return res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ keys: [{ ...key.publicJwk, endorsements: ['msteams'] }] }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: (mode) => `${base}/${mode}/openidconfiguration`,
    key,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Signs a token as Bot Framework does for an activity from `serviceUrl` to the bot `appId`, valid for an hour. */
export function channelToken(key: SigningKey, appId: string, serviceUrl: string, overrides: JWTPayload = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600, ...overrides })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}
