import type { RequestHandler, Response } from 'express';
import type { IdentityMode } from '../config';
import type { Principal } from '../domain';
import { sendError } from './http-errors';

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
 * Puts the caller's principal on the response for the route handlers. In
 * `entra` mode every request is refused with 401 until single sign-on
 * validation is built: no identity is guessed or faked.
 */
export function principalMiddleware(mode: IdentityMode): RequestHandler {
  return (_req, res, next) => {
    if (mode === 'local-development') {
      res.locals.principal = LOCAL_DEVELOPER;
      return next();
    }
    res.setHeader('WWW-Authenticate', 'Bearer');
    sendError(
      res,
      401,
      'sign-in-not-set-up',
      'Sign-in with Teams is not set up in this version, so the server cannot tell who you are. Until it is, run the server locally with the embedded store and no Entra app configured.',
    );
  };
}

/** The principal {@link principalMiddleware} found for this request. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf() called on a route without principalMiddleware');
  return principal;
}
