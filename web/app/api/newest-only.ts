// Browser-safe and DOM-free.

/** Numbers a page's loads of one thing (see newestOnly). */
export interface NewestOnly {
  /** Starts a load; the answer it gives is current while no later load has started. */
  start(): () => boolean;
}

/**
 * For a page that loads the same thing again before the last answer came (a filter changed, a list refreshed after
 * marking an item read): only the newest load's answer is used, so an older, slower answer never replaces a newer
 * one.
 */
export function newestOnly(): NewestOnly {
  let newest = 0;
  return {
    start() {
      const mine = ++newest;
      return () => mine === newest;
    },
  };
}
