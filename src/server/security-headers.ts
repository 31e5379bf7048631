import type { RequestHandler } from 'express';

/**
 * Where Teams, Outlook and the Microsoft 365 app host tabs, as Microsoft lists them
 * in its tab requirements; nothing else may frame the app. `'self'` lets the app's
 * own pages frame it (the end-to-end tests' stand-in Teams host).
 */
const TEAMS_HOSTS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://outlook.office365.com',
  'https://outlook-sdf.office365.com',
];

/** teams-js reads the hosts it may talk to from this file when it starts; nothing else is fetched cross-origin. */
const TEAMS_JS_VALID_DOMAINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/**
 * The tab's content security policy. Styles allow inline because Fluent UI
 * (Griffel) inserts its style rules at run time; scripts come only from the
 * server, since the tab bundles teams-js.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data: https://res-1.cdn.office.net https://res.cdn.office.net",
  `connect-src 'self' ${TEAMS_JS_VALID_DOMAINS}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${TEAMS_HOSTS.join(' ')}`,
].join('; ');

/**
 * Headers for every response. No X-Frame-Options: it cannot list several hosts,
 * and the CSP's frame-ancestors already limits framing to Teams.
 */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  };
}
