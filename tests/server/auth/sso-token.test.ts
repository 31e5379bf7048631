import { base64url, type JWTPayload } from 'jose';
import {
  remoteKeySet,
  ssoTokenValidator,
  TokenRefusedError,
  KeysUnavailableError,
  type RefusalReason,
} from '../../../src/server/auth/sso-token';
import {
  CLIENT_ID,
  OTHER_TENANT,
  TAB_DOMAIN,
  TENANT,
  USER_OID,
  mint,
  signInSettings,
  signingKey,
  startEntraStandIn,
  teamsClaims,
  unsigned,
  webPartClaims,
  webPartV1Claims,
  type EntraStandIn,
  type SigningKey,
} from './entra-stand-in';

let entra: EntraStandIn;
let current: SigningKey;
let stranger: SigningKey;

beforeAll(async () => {
  current = await signingKey('key-1');
  stranger = await signingKey('key-1');
  entra = await startEntraStandIn([current]);
});
afterAll(() => entra.close());

const validator = () => ssoTokenValidator(signInSettings(entra.keysUrl));
const now = () => Math.floor(Date.now() / 1000);

async function refusal(token: string): Promise<RefusalReason> {
  const error: unknown = await validator()
    .validate(token)
    .then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
  if (!(error instanceof TokenRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.reason;
}

describe('the Teams single sign-on token', () => {
  it('is accepted from the tab as Entra issues it (v2), and names the person', async () => {
    await expect(validator().validate(await mint(current))).resolves.toEqual({
      id: USER_OID,
      name: 'Jo Bloggs',
      email: 'jo.bloggs@example.org',
      tenantId: TENANT,
    });
  });

  it('is accepted as a v1 token: the Application ID URI as audience, sts.windows.net as issuer, upn as email', async () => {
    const claims = teamsClaims({
      aud: `api://${TAB_DOMAIN}/${CLIENT_ID}`,
      iss: `https://sts.windows.net/${TENANT}/`,
      ver: '1.0',
      preferred_username: undefined,
      upn: 'jo@example.org',
    });
    await expect(validator().validate(await mint(current, claims))).resolves.toMatchObject({ id: USER_OID, email: 'jo@example.org' });
  });

  it('is accepted with other scopes beside access_as_user, and within the clock skew after expiry', async () => {
    const claims = teamsClaims({ scp: 'email access_as_user profile', exp: now() - 30 });
    await expect(validator().validate(await mint(current, claims))).resolves.toMatchObject({ id: USER_OID });
  });

  it.each<[string, JWTPayload, RefusalReason]>([
    ['meant for another app', { aud: '11111111-2222-3333-4444-555555555555' }, 'audience'],
    ['for the Application ID URI on another host', { aud: `api://evil.example.com/${CLIENT_ID}` }, 'audience'],
    ['from another issuer', { iss: 'https://evil.example.com/v2.0' }, 'issuer'],
    ["from another tenant's issuer", { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT }, 'issuer'],
    ['for a tenant not allowed, under an allowed issuer', { tid: OTHER_TENANT }, 'tenant'],
    ['expired beyond the clock skew', { exp: now() - 120 }, 'expired'],
    ['not yet valid', { nbf: now() + 600 }, 'not-yet-valid'],
    ['without access_as_user', { scp: 'User.Read' }, 'scope'],
    ['an app-only token (no scope)', { scp: undefined, roles: ['access_as_user'] }, 'scope'],
    ['with no object id', { oid: undefined }, 'claims'],
    ['with no expiry', { exp: undefined }, 'claims'],
  ])('is refused when %s', async (_case, overrides, reason) => {
    expect(await refusal(await mint(current, teamsClaims(overrides)))).toBe(reason);
  });

  it('is refused when signed by another key under a published key id', async () => {
    expect(await refusal(await mint(stranger))).toBe('signature');
  });

  it('is refused when its claims were changed after signing', async () => {
    const [header, , signature] = (await mint(current)).split('.');
    const forged = base64url.encode(JSON.stringify(teamsClaims({ oid: 'someone-else' })));
    expect(await refusal(`${header}.${forged}.${signature}`)).toBe('signature');
  });

  it('is refused unsigned (alg none)', async () => {
    expect(await refusal(unsigned())).toBe('malformed');
  });

  it.each(['not-a-token', 'a.b.c', '', 'eyJhbGciOiJSUzI1NiJ9'])('is refused when malformed: %j', async (token) => {
    expect(await refusal(token)).toBe('malformed');
  });
});

/** SharePoint Online's own resource id: a token for SharePoint, not for the app. */
const SHAREPOINT_RESOURCE = '00000003-0000-0ff1-ce00-000000000000';

describe("the SharePoint web part's token (AadHttpClient, the tab's app as resource)", () => {
  it('is accepted as Entra issues it to SharePoint for the tab app (v2), and names the person', async () => {
    await expect(validator().validate(await mint(current, webPartClaims()))).resolves.toEqual({
      id: USER_OID,
      name: 'Jo Bloggs',
      email: 'jo.bloggs@example.org',
      tenantId: TENANT,
    });
  });

  it('is accepted as a v1 token for the Application ID URI, with upn as email', async () => {
    await expect(validator().validate(await mint(current, webPartV1Claims()))).resolves.toMatchObject({
      id: USER_OID,
      email: 'jo.bloggs@example.org',
    });
  });

  it("is accepted whichever client app Entra issued it to, as Entra's consent decides which may ask (SECURITY.md)", async () => {
    // A tenant's own "SharePoint Online Client Extensibility Web Application Principal", which
    // SharePoint used before Microsoft's 2025 move to one app for every tenant: a different id in each.
    const tenantsOwnPrincipal = '5a3e9d41-7c2b-4e8f-9a61-0d4b2c8e7f13';
    await expect(validator().validate(await mint(current, webPartClaims({ azp: tenantsOwnPrincipal })))).resolves.toMatchObject({
      id: USER_OID,
    });
    await expect(validator().validate(await mint(current, webPartV1Claims({ appid: tenantsOwnPrincipal })))).resolves.toMatchObject({
      id: USER_OID,
    });
  });

  it.each<[string, JWTPayload, RefusalReason]>([
    ['the permission approved is not access_as_user', webPartClaims({ scp: 'user_impersonation' }), 'scope'],
    ['SharePoint holds it for itself (no scope)', webPartClaims({ scp: undefined, roles: ['access_as_user'] }), 'scope'],
    ['it is meant for SharePoint, not the app', webPartClaims({ aud: SHAREPOINT_RESOURCE }), 'audience'],
    ['it is a v1 token for another host', webPartV1Claims({ aud: `api://contoso.sharepoint.com/${CLIENT_ID}` }), 'audience'],
    ['it comes from a tenant not allowed', webPartClaims({ tid: OTHER_TENANT }), 'tenant'],
  ])('is refused when %s', async (_case, claims, reason) => {
    expect(await refusal(await mint(current, claims))).toBe(reason);
  });
});

describe('the published keys', () => {
  it('are fetched again when a token names a new key, so a rotation needs no restart', async () => {
    const rotating = await startEntraStandIn([current]);
    try {
      const keys = remoteKeySet(rotating.keysUrl, { cooldownMs: 0 });
      const check = ssoTokenValidator(signInSettings(rotating.keysUrl), keys);
      await check.validate(await mint(current));
      await check.validate(await mint(current));
      expect(rotating.fetches()).toBe(1);

      const next = await signingKey('key-2');
      rotating.published.splice(0, 1, next);
      await expect(check.validate(await mint(next))).resolves.toMatchObject({ id: USER_OID });
      expect(rotating.fetches()).toBe(2);
      await expect(check.validate(await mint(current))).rejects.toMatchObject({ reason: 'unknown-key' });
    } finally {
      await rotating.close();
    }
  });

  it('are not fetched again for unknown key ids within the cooldown, so garbage cannot hammer Entra', async () => {
    const guarded = await startEntraStandIn([current]);
    try {
      const check = ssoTokenValidator(signInSettings(guarded.keysUrl), remoteKeySet(guarded.keysUrl, { cooldownMs: 60_000 }));
      await check.validate(await mint(current));
      const unknown = await signingKey('key-unknown');
      for (let i = 0; i < 5; i += 1) await expect(check.validate(await mint(unknown))).rejects.toMatchObject({ reason: 'unknown-key' });
      expect(guarded.fetches()).toBe(1);
    } finally {
      await guarded.close();
    }
  });

  it('that cannot be fetched make the check fail as unavailable, not as a refused caller', async () => {
    const gone = await startEntraStandIn([]);
    await gone.close();
    const check = ssoTokenValidator(signInSettings(gone.keysUrl));
    await expect(check.validate(await mint(current))).rejects.toBeInstanceOf(KeysUnavailableError);
  });
});
