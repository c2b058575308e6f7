import { createHash } from 'node:crypto';

/**
 * Puts the built page's own stylesheets (`<link rel="stylesheet" href="/embed/assets/…css">`) into the page as
 * `<style>` elements, so the browser paints the server-rendered form without waiting for another request; returns
 * the CSP hash source of each inlined stylesheet (`style-src` allows exactly these, never 'unsafe-inline').
 * `read` gives a stylesheet's text by its href, or undefined to leave that link as it is.
 */
export function inlineStylesheets(
  html: string,
  read: (href: string) => string | undefined,
): { html: string; hashes: string[] } {
  const hashes: string[] = [];
  const out = html.replace(/<link rel="stylesheet"(?: crossorigin)? href="([^"]+\.css)">/g, (link, href: string) => {
    const css = read(href);
    if (css === undefined || css.includes('</style')) return link;
    hashes.push(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    return `<style>${css}</style>`;
  });
  return { html: out, hashes };
}
