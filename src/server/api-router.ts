import express, { Router, type RequestHandler } from 'express';
import type { IdentityMode } from '../config';
import type { PathwayService } from '../domain';
import { API_ROUTES, type ApiRoute } from './api-routes';
import { sendError } from './http-errors';
import { principalOf } from './principal';
import { markRoute } from './request-log';

/** The largest JSON body the tab API reads; anything bigger is answered 413. */
export const API_BODY_LIMIT = '100kb';

/** A path id: a positive whole number that fits a JavaScript integer. */
const ID = /^[1-9]\d{0,14}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function handlerFor(route: ApiRoute, service: PathwayService, identity: IdentityMode): RequestHandler {
  const pattern = `/api${route.path}`;
  return async (req, res) => {
    markRoute(res, pattern);
    const ids: Record<string, number> = {};
    for (const [name, value] of Object.entries(req.params as Record<string, string>)) {
      if (!ID.test(value)) return sendError(res, 404, 'not-found', `There is nothing here: "${value}" is not an id.`);
      ids[name] = Number(value);
    }
    const body: unknown = route.method === 'get' ? undefined : req.body;
    if (body !== undefined && !isPlainObject(body)) {
      return sendError(res, 400, 'not-an-object', 'The request body must be a JSON object.');
    }
    const input = { ...body, ...ids };
    const result = await route.call({ service, actor: principalOf(res), input, ids, identity });
    res.status(route.status).json(result);
  };
}

/**
 * The tab's JSON API, mounted at `/api`: the caller's principal (found by the
 * `principal` middleware, which refuses callers it cannot prove), a JSON body of
 * at most {@link API_BODY_LIMIT}, then one handler per {@link API_ROUTES} entry.
 * A known path with the wrong method is 405 (with Allow), an unknown path 404.
 * Errors go on to the app's error handler.
 */
export function apiRouter(service: PathwayService, identity: IdentityMode, principal: RequestHandler): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    // Until a route matches, failures (a malformed body, a refused caller) are logged under the API as a whole.
    markRoute(res, '/api/*');
    next();
  });
  router.use(principal);
  router.use(express.json({ limit: API_BODY_LIMIT }));

  const methodsByPath = new Map<string, string[]>();
  for (const route of API_ROUTES) {
    router[route.method](route.path, handlerFor(route, service, identity));
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method.toUpperCase()]);
  }
  for (const [path, methods] of methodsByPath) {
    router.all(path, (req, res) => {
      markRoute(res, `/api${path}`);
      res.setHeader('Allow', methods.join(', '));
      sendError(res, 405, 'method-not-allowed', `${req.method} is not allowed here. Use ${methods.join(' or ')}.`);
    });
  }
  router.use((req, res) => {
    sendError(res, 404, 'not-found', `There is no API at ${req.method} /api${req.path}.`);
  });
  return router;
}
