import type { Page } from 'playwright-core';

/**
 * Counts the requests `page` sends with `method` to `pathname` from now on: "nothing was sent" is then checked where
 * the page is, not by a database count that a request still on its way would not have changed yet.
 */
export function countRequests(page: Page, method: string, pathname: string): () => number {
  let sent = 0;
  page.on('request', (r) => {
    if (r.method() === method && new URL(r.url()).pathname === pathname) sent += 1;
  });
  return () => sent;
}
