import type { RequestHandler } from 'express';

/**
 * `Cache-Control: no-store` on every answer under /api/ (JSON, PDFs, errors): most carry personal data (names,
 * citizen ids, addresses), and none is worth a copy in a shared cache or on an office computer's disk. Set before the
 * route runs, so a route that knows better (a PDF or an attachment: `private, no-store`) replaces it with its own
 * header.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
