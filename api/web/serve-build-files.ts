import path from 'node:path';
import express, { type RequestHandler } from 'express';

const YEAR = 365 * 24 * 3600;

/**
 * The static files of a Vite build in `distDir`: content-hashed ones (`assets/`, `validators/`) cached for a year
 * and immutable, anything else revalidated each time; `nosniff` on all, plus `extraHeaders`. No index, no
 * redirects; a path with no file falls through to `next`.
 */
export function serveBuildFiles(distDir: string, extraHeaders: Record<string, string> = {}): RequestHandler {
  return express.static(distDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(res, filePath) {
      const relative = path.relative(distDir, filePath).split(path.sep).join('/');
      const hashed = relative.startsWith('assets/') || relative.startsWith('validators/');
      res.set({
        'Cache-Control': hashed ? `public, max-age=${YEAR}, immutable` : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...extraHeaders,
      });
    },
  });
}
