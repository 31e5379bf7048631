import type { RequestHandler } from 'express';

/** What the web part sends cross-origin: its bearer token and JSON bodies. */
const ALLOWED_HEADERS = 'Authorization, Content-Type';

/** How long a browser may keep a preflight's answer, in seconds (Chromium keeps it no longer than 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access to the API for the SharePoint web part, from `origin` only
 * (SHAREPOINT_WEB_ORIGIN): its calls get `Access-Control-Allow-Origin` and its
 * preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered 204 with
 * the methods in `methods` and the token header. No credentials (cookies) are allowed:
 * the web part signs in with a bearer token. Any other origin gets no CORS header,
 * so browsers keep other sites' pages from reading the API; its preflight goes on to
 * the route and is refused as any other call without a token. Without an origin
 * configured, nothing is added.
 */
export function sharePointCors(origin: string | undefined, methods: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (!origin) return next();
    res.vary('Origin');
    if (req.headers.origin !== origin) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return next();
    res.setHeader('Access-Control-Allow-Methods', methods.join(', '));
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.status(204).end();
  };
}
