import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { SignInSettings } from '../../config';
import type { Principal } from '../../domain';

/** The scope the tab's Entra app exposes and Teams asks for on the tab's behalf. */
export const TAB_SCOPE = 'access_as_user';

/** Clocks on the server and at Entra may disagree by this much. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** Why a token was refused: safe to log (no token, no claims), never sent to the caller. */
export type RefusalReason =
  | 'no-token'
  | 'malformed'
  | 'signature'
  | 'unknown-key'
  | 'expired'
  | 'not-yet-valid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'claims';

/** The caller's token was refused; {@link reason} is for the log only. */
export class TokenRefusedError extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`Sign-in token refused: ${reason}`);
    this.name = 'TokenRefusedError';
  }
}

/** The keys that sign tokens could not be fetched: a fault on the server's side, not the caller's. */
export class KeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The sign-in keys could not be fetched', { cause });
    this.name = 'KeysUnavailableError';
  }
}

/** Checks a Teams single sign-on token and says who it belongs to. */
export interface TokenValidator {
  /**
   * Resolves to the token's person, or rejects with {@link TokenRefusedError}
   * (the token is not acceptable) or {@link KeysUnavailableError}.
   */
  validate(token: string): Promise<Principal>;
}

/**
 * The published key set at `url`, fetched on first use, cached, and fetched again
 * when a token names a key it does not hold, at most once per `cooldownMs`.
 */
export function remoteKeySet(url: string, options: { cooldownMs?: number } = {}): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { cooldownDuration: options.cooldownMs ?? 30_000, timeoutDuration: 5_000 });
}

const claims = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  scp: z.string().optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
});

/** Entra's issuers for one tenant: v1 tokens come from sts.windows.net, v2 from login.microsoftonline.com. */
function issuersOf(tenantId: string): string[] {
  return [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];
}

function reasonFor(error: unknown): RefusalReason | undefined {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'iss') return 'issuer';
    if (error.claim === 'nbf') return 'not-yet-valid';
    return 'claims';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown-key';
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKInvalid
  ) {
    return 'malformed';
  }
  return undefined;
}

async function verified(token: string, settings: SignInSettings, keys: JWTVerifyGetKey): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ['RS256'],
      audience: [...settings.audiences],
      issuer: settings.allowedTenantIds.flatMap(issuersOf),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'nbf'],
    });
    return payload;
  } catch (error) {
    const reason = reasonFor(error);
    if (reason) throw new TokenRefusedError(reason);
    throw new KeysUnavailableError(error);
  }
}

/**
 * Validates the tab's Teams single sign-on token as Entra issues it: RS256 signed
 * by a key from `keys` (by default the tenant's published set), an audience of the
 * tab's app, an Entra issuer of an allowed tenant whose `tid` matches, within its
 * lifetime (give or take {@link CLOCK_TOLERANCE_SECONDS}), and a delegated
 * {@link TAB_SCOPE}. The principal is the token's `oid`, `name`,
 * `preferred_username` (or `upn`) and `tid`.
 */
export function ssoTokenValidator(settings: SignInSettings, keys: JWTVerifyGetKey = remoteKeySet(settings.keysUrl)): TokenValidator {
  return {
    async validate(token) {
      const payload = await verified(token, settings, keys);
      const parsed = claims.safeParse(payload);
      if (!parsed.success) throw new TokenRefusedError('claims');
      const { oid, tid, scp, name, preferred_username, upn } = parsed.data;
      if (!settings.allowedTenantIds.includes(tid) || !issuersOf(tid).includes(String(payload.iss))) throw new TokenRefusedError('tenant');
      if (!scp?.split(' ').includes(TAB_SCOPE)) throw new TokenRefusedError('scope');
      return { id: oid, name: name ?? '', email: preferred_username ?? upn ?? '', tenantId: tid };
    },
  };
}
