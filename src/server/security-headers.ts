import type { RequestHandler } from 'express';

/** Where Teams, Outlook and the Microsoft 365 app host tabs; nothing else may frame the app. */
const TEAMS_HOSTS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

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
  "connect-src 'self'",
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
