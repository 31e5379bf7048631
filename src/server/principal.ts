import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config';
import type { Principal } from '../domain';
import { KeysUnavailableError, ssoTokenValidator, TokenRefusedError, type TokenValidator } from './auth/sso-token';
import { sendError } from './http-errors';
import { errorFields, type Logger } from '../logging/logger';

/**
 * The fixed person every tab API request acts as in `local-development` mode:
 * for trying the app on one machine with the embedded store and no Entra app.
 */
export const LOCAL_DEVELOPER: Principal = {
  id: 'local-developer',
  name: 'Local Developer',
  email: 'developer@localhost',
  tenantId: 'local',
};

/**
 * The person the Microsoft 365 Agents Playground chats as unless told otherwise
 * (its default user, Alex Wilber; the id is the Playground's, not a real Entra
 * object id). The local development server puts them in the Engagement team beside
 * {@link LOCAL_DEVELOPER}, so whoever tries the bot there can do all the tab can.
 */
export const PLAYGROUND_USER = { id: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' } as const;

/**
 * Says who sent a tab API request. Rejects with {@link TokenRefusedError} when
 * the caller is not proven, or {@link KeysUnavailableError} when it cannot be checked.
 */
export type IdentifyCaller = (req: Request) => Promise<Principal>;

const BEARER = /^Bearer +(\S+)$/i;

/** Reads `Authorization: Bearer <token>` and has `validator` check the token. */
function bearerIdentity(validator: TokenValidator): IdentifyCaller {
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) throw new TokenRefusedError('no-token');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new TokenRefusedError('malformed');
    return validator.validate(token);
  };
}

/** `entra` mode with no tab sign-in app (AAD_APP_CLIENT_ID) configured. */
class SignInNotSetUpError extends Error {
  constructor() {
    super('Sign-in is not set up: AAD_APP_CLIENT_ID is missing');
    this.name = 'SignInNotSetUpError';
  }
}

/**
 * How the configuration identifies callers: the local development identity; in
 * `entra` mode the Teams single sign-on token checked against `signIn`; with no
 * sign-in app, nobody.
 */
export function callerIdentity(config: Pick<Config, 'identity'> & Partial<Pick<Config, 'signIn'>>): IdentifyCaller {
  if (config.identity === 'local-development') return () => Promise.resolve(LOCAL_DEVELOPER);
  const { signIn } = config;
  if (!signIn) return () => Promise.reject(new SignInNotSetUpError());
  return bearerIdentity(ssoTokenValidator(signIn));
}

/** Said to a caller who is not proven, without saying what was wrong with their token. */
const NOT_SIGNED_IN = 'Your sign-in could not be checked. Close and reopen the tab.';

/**
 * Puts the caller's principal on the response for the route handlers, or answers
 * 401 with `WWW-Authenticate: Bearer` (503 when the sign-in keys cannot be fetched).
 * The refusal is logged with its reason only: never the token or its claims.
 */
export function principalMiddleware(identify: IdentifyCaller, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.principal = await identify(req);
    } catch (error) {
      if (error instanceof KeysUnavailableError) {
        logger.error('Sign-in keys unavailable', errorFields(error.cause));
        return sendError(res, 503, 'sign-in-unavailable', 'Sign-in cannot be checked at the moment. Please try again in a few minutes.');
      }
      if (!(error instanceof TokenRefusedError || error instanceof SignInNotSetUpError)) throw error;
      res.setHeader('WWW-Authenticate', 'Bearer');
      if (error instanceof SignInNotSetUpError) {
        return sendError(
          res,
          401,
          'sign-in-not-set-up',
          'Sign-in with Teams is not set up on this server, so it cannot tell who you are. Tell your administrator.',
        );
      }
      logger.warn('Sign-in refused', { reason: error.reason });
      return sendError(res, 401, 'not-signed-in', NOT_SIGNED_IN);
    }
    next();
  };
}

/** The principal {@link principalMiddleware} found for this request. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf() called on a route without principalMiddleware');
  return principal;
}
