import path from 'node:path';
import { Router, type Response } from 'express';
import { createBuildFileReader } from './create-build-file-reader';
import { serveBuildFiles } from './serve-build-files';

/** Where `npm run build:web` writes the officer app (web/vite.app.config.mts). */
export const DEFAULT_APP_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist', 'app');

/** Paths that belong to the API and the embed, never to the app (the SPA fallback leaves them alone). */
const NOT_APP = /^\/(?:api|embed)(?:\/|$)|^\/(?:healthz|openapi\.json)$/;

/**
 * The officer app's policy: everything from our own origin, no inline script or style, no eval (forms validate
 * with precompiled validators), not framable.
 */
export const APP_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const pageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-cache',
  'Content-Security-Policy': APP_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Serves the officer app at `/`:
 *
 * - hashed files (`/assets/*`, `/validators/*`) with a year-long immutable cache, other files revalidated;
 * - `index.html` (for `/` and, as the SPA fallback, for any other GET or HEAD outside /api, /embed, /healthz and
 *   /openapi.json that names no file) with `Cache-Control: no-cache` and {@link APP_PAGE_CSP};
 * - a missing build: 503 with a plain page naming `npm run build:web` (the API itself keeps working).
 *
 * Registered with `use`: these are not API operations, so they stay out of the OpenAPI document.
 */
export function createWebAppRouter(
  deps: {
    distDir?: string;
    /** Other origins the app may fetch from: the single sign-on provider's (discovery, token, revocation). */
    connectOrigins?: string[];
  } = {},
): Router {
  const distDir = deps.distDir ?? DEFAULT_APP_DIST;
  const headers = deps.connectOrigins?.length
    ? {
        ...pageHeaders,
        'Content-Security-Policy': APP_PAGE_CSP.replace(
          "connect-src 'self'",
          `connect-src 'self' ${deps.connectOrigins.join(' ')}`,
        ),
      }
    : pageHeaders;
  const loadIndex = createBuildFileReader(path.join(distDir, 'index.html'));

  const sendIndex = async (res: Response) => {
    const html = await loadIndex();
    if (html === undefined) {
      res
        .status(503)
        .set({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        .send('Ứng dụng web chưa được dựng (npm run build:web)\nThe web app is not built (npm run build:web)\n');
      return;
    }
    res.set(headers).send(html);
  };

  const files = serveBuildFiles(distDir);

  const router = Router();
  router.use(async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_APP.test(req.path)) return next();
    if (req.path === '/' || req.path === '/index.html') return sendIndex(res);
    files(req, res, async () => {
      // No such file: a missing asset is a 404, anything else is a route of the app.
      if (/^\/(?:assets|validators)\//.test(req.path) || /\.[a-z0-9]{1,8}$/i.test(req.path)) return next();
      await sendIndex(res);
    });
  });
  return router;
}
