import type { Request } from 'express';

/**
 * The route a request reached, spelled one way: the matched route's pattern (`req.baseUrl` + `req.route.path`) with
 * each `:param` replaced by its value, percent-encoded as `encodeURIComponent` does. The query string, a trailing
 * slash and the letter case of the URL (Express matches routes case-insensitively) are not part of it, so
 * `/api/dossiers/`, `/api/dossiers?x=1` and `/API/Dossiers` are all `/api/dossiers`. Parameter values keep their
 * case: `/api/dossiers/hn-1/actions` and `/api/dossiers/HN-1/actions` name different dossiers.
 *
 * For a request spelled canonically already, this is exactly the `originalUrl` the idempotency layer used before
 * (see createIdempotency), so records stored then are still found.
 *
 * Throws when called outside a matched route (a middleware mounted with `app.use`) or for a route defined by a
 * regular expression: a programming error, not bad input.
 */
export function canonicalRoute(req: Pick<Request, 'baseUrl' | 'route' | 'params'>): string {
  const pattern: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern !== 'string') throw new Error('canonicalRoute needs a route declared with a string path');
  const params = req.params as Record<string, string | undefined>;
  const filled = pattern.replace(/:([A-Za-z0-9_]+)\??/g, (_match, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const path = `${req.baseUrl}${filled}`;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
