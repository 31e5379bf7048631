import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { markRoute } from './request-log';

/** Shown at `/tab/` when the tab has not been built, so a fresh checkout explains itself. */
export const TAB_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Partner Pathway: tab not built</title></head>
<body style="font-family: 'Segoe UI', system-ui, sans-serif; margin: 2rem; max-width: 40rem;">
<h1>The Partner Pathway tab has not been built yet</h1>
<p>Run <code>npm run build</code> in the project folder, then reload this page.</p>
<p>The bot and the API are running; only the tab's files are missing.</p>
</body>
</html>
`;

/** Vite puts content-hashed files under `assets/`, so they never change and can be cached for good. */
function cacheHeaders(res: express.Response, filePath: string): void {
  const immutable = filePath.split(path.sep).includes('assets');
  res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the built tab from `tabDir` at `/tab/`. Paths without a file extension
 * get `index.html`, so the tab's own routes survive a reload; if the tab has not
 * been built, they get {@link TAB_NOT_BUILT_PAGE} instead. Checked per request,
 * so building while the server runs is enough.
 */
export function tabRouter(tabDir: string): Router {
  const root = path.resolve(tabDir);
  const index = path.join(root, 'index.html');
  const router = Router();
  router.use((req, res, next) => {
    markRoute(res, '/tab/*');
    // Relative asset links in index.html resolve only under "/tab/", not "/tab".
    const url = new URL(req.originalUrl, 'http://localhost');
    if (url.pathname === '/tab') return res.redirect(301, `/tab/${url.search}`);
    next();
  });
  router.use(express.static(root, { index: 'index.html', redirect: false, setHeaders: cacheHeaders }));
  router.get('/{*rest}', (req, res, next) => {
    if (path.posix.extname(req.path) !== '') return next();
    if (fs.existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    res.status(404).type('html').send(TAB_NOT_BUILT_PAGE);
  });
  return router;
}
