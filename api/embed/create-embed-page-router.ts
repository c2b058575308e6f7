import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type RequestHandler, type Response } from 'express';
import type { Models } from '../../storage/create-models';
import { pickLanguage } from '../errors/create-error-middleware';
import { createBuildFileReader } from '../web/create-build-file-reader';
import { serveBuildFiles } from '../web/serve-build-files';
import type { FormRegistry } from '../registry/create-form-registry';
import type { ProcessRegistry } from '../registry/create-process-registry';
import type { EmbedTokenCodec } from './create-embed-token-codec';
import type { EmbedFormRenderer } from './create-embed-form-renderer';
import { describeEmbedForm, type DescribedEmbedForm } from './describe-embed-form';
import { embedPageHtml, inlineJson } from './embed-page-html';

/** The id of the token's origins inlined in the status lookup's page (web/embed/iframe/status-main.tsx reads it). */
export const INLINE_STATUS_ID = 'hoso-embed-status';
import { inlineStylesheets } from './inline-stylesheets';
import { parseLang } from '../../web/shared/i18n/lang';
import { resolveEmbedToken } from './resolve-embed-token';

/** Where `npm run build:web` writes the embed bundle (web/vite.config.mts). */
export const DEFAULT_EMBED_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist', 'embed');

/** An origin as the admin router stores it (`new URL(o).origin`); anything else never reaches a header. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The iframe page's policy: everything from our own origin, no inline script or style, no eval (the form validates
 * with precompiled validators), and framed only by the token's origins.
 */
export function embedPageCsp(origins: readonly string[], styleHashes: readonly string[] = []): string {
  const ancestors = origins.filter((o) => ORIGIN.test(o));
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleHashes.length > 0 ? `style-src 'self' 'unsafe-hashes' ${styleHashes.join(' ')}` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A page for a refused token (or a missing build): plain text in both languages, no script, no style. It may be
 * framed anywhere: a portal whose token expired then shows why in its frame instead of a browser error, and the
 * page has nothing to click and says nothing the API does not already answer for that token.
 */
function sendProblemPage(res: Response, status: number, vi: string, en: string, first: 'vi' | 'en'): void {
  const [a, b] =
    first === 'en'
      ? [
          { lang: 'en', text: en },
          { lang: 'vi', text: vi },
        ]
      : [
          { lang: 'vi', text: vi },
          { lang: 'en', text: en },
        ];
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *",
      'X-Content-Type-Options': 'nosniff',
    })
    .send(
      `<!doctype html><html lang="${a.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(a.text)}</title></head><body><p>${escapeHtml(a.text)}</p><p lang="${b.lang}">${escapeHtml(b.text)}</p></body></html>`,
    );
}

/**
 * The HTML and static side of embedding (the JSON side is createEmbedRouter):
 *
 * - `GET /embed/form/:token`: the iframe page, `form.html` of the built bundle with the token's form data inlined
 *   (what `GET /api/embed/:token/form` answers, so the form renders without waiting for a second request), with
 *   `Content-Security-Policy`
 *   from {@link embedPageCsp} (frame-ancestors = the token's origins, so another origin cannot frame it) and
 *   `Cache-Control: no-store` (a revoked token must stop working at once). A token refused by
 *   `resolveEmbedToken` gets a 401 page saying why; a missing build a 503 page naming `npm run build:web`.
 * - `GET /embed/*`: the bundle's files. Content-hashed ones (`assets/`, `validators/`) are cached for a year,
 *   immutable; `ho-so-form.js`, whose name is in the snippets, is revalidated each time. All carry
 *   `Access-Control-Allow-Origin: *`: `<ho-so-form>` loads them as module scripts from the host page's origin,
 *   which needs CORS; they are public code, fetched without credentials. The HTML template itself is not served.
 *
 * Registered with `use`, not `get`: these are not API operations, so they stay out of the OpenAPI document and its
 * route test.
 */
export function createEmbedPageRouter(deps: {
  codec: EmbedTokenCodec;
  models: Models;
  processes: ProcessRegistry;
  forms: FormRegistry;
  distDir?: string;
  /** Server-side rendering of the form into the page; without it the browser renders it. */
  renderer?: EmbedFormRenderer;
}): Router {
  const distDir = deps.distDir ?? DEFAULT_EMBED_DIST;
  /** The built page, re-read when the build changes it; undefined when there is no build. */
  const loadTemplate = createBuildFileReader(path.join(distDir, 'form.html'));
  /** The bundle's stylesheets by href (content-hashed names: a file never changes under its name). */
  const stylesheets = new Map<string, string | undefined>();
  const readStylesheet = (href: string): string | undefined => {
    if (!stylesheets.has(href)) {
      const file = path.resolve(distDir, href.replace(/^\/embed\//, ''));
      let css: string | undefined;
      try {
        css = file.startsWith(path.resolve(distDir) + path.sep) ? readFileSync(file, 'utf8') : undefined;
      } catch {
        css = undefined;
      }
      stylesheets.set(href, css);
    }
    return stylesheets.get(href);
  };

  const router = Router();

  /**
   * The token and the built template of an iframe page, or undefined once a problem page has been sent (a refused
   * token, a missing build).
   */
  const pageBasis = async (
    req: Parameters<RequestHandler>[0],
    res: Response,
    template: () => Promise<string | undefined>,
  ) => {
    const lang = req.query.lang === 'en' ? 'en' : pickLanguage(req.get('accept-language'));
    const resolved = await resolveEmbedToken(deps, String(req.params.token));
    if (!resolved.ok) {
      sendProblemPage(res, resolved.error.status, resolved.error.localized.vi, resolved.error.localized.en, lang);
      return undefined;
    }
    const built = await template();
    if (built === undefined) {
      sendProblemPage(
        res,
        503,
        'Biểu mẫu nhúng chưa được dựng (npm run build:web)',
        'The embed bundle is not built (npm run build:web)',
        lang,
      );
      return undefined;
    }
    return { token: resolved.token, built };
  };
  const isPageRequest = (req: Parameters<RequestHandler>[0]) =>
    (req.method === 'GET' || req.method === 'HEAD') && (req.path === '/' || req.path === '');
  const pageHeaders = (origins: readonly string[], hashes: readonly string[]) => ({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': embedPageCsp(origins, hashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  });

  const page: RequestHandler = async (req, res, next) => {
    if (!isPageRequest(req)) return next();
    const basis = await pageBasis(req, res, loadTemplate);
    if (!basis) return;
    const { token, built } = basis;
    const resolved = { token };
    let described: DescribedEmbedForm | undefined;
    try {
      described = await describeEmbedForm(deps, resolved.token);
    } catch {
      // The page fetches the form itself and shows the API's error in the person's language.
    }
    // The form's own language rule, as the page applies it in the browser: `?lang=en`, else Vietnamese.
    const formLang = parseLang(typeof req.query.lang === 'string' ? req.query.lang : undefined);
    const rendered = described ? deps.renderer?.render(described, formLang, String(req.params.token)) : undefined;
    const { html, hashes } = inlineStylesheets(built, readStylesheet);
    res.set(pageHeaders(resolved.token.origins, [...hashes, ...(rendered?.styleHashes ?? [])]));
    res.send(embedPageHtml(html, described, rendered));
  };
  router.use('/embed/form/:token', page);

  // The status lookup's page: its template with the token's origins inlined (the only parents it posts to).
  const loadStatusTemplate = createBuildFileReader(path.join(distDir, 'status.html'));
  const statusPage: RequestHandler = async (req, res, next) => {
    if (!isPageRequest(req)) return next();
    const basis = await pageBasis(req, res, loadStatusTemplate);
    if (!basis) return;
    const { html, hashes } = inlineStylesheets(basis.built, readStylesheet);
    res.set(pageHeaders(basis.token.origins, hashes));
    res.send(
      html.replace(
        '</body>',
        () =>
          `<script type="application/json" id="${INLINE_STATUS_ID}">${inlineJson({ origins: basis.token.origins })}` +
          '</script>\n</body>',
      ),
    );
  };
  router.use('/embed/status/:token', statusPage);

  const files = serveBuildFiles(distDir, {
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  router.use('/embed', (req, res, next) => {
    if (req.path.endsWith('.html')) return next();
    return files(req, res, next);
  });
  return router;
}
