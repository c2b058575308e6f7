import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeUrl, type AppRoute } from './app-route';

/**
 * The route of the address bar, following back/forward; `navigate` pushes a new entry (or replaces the current one,
 * e.g. when a session expires and the app shows the login page for the same place).
 */
export function useAppRoute(): { route: AppRoute; navigate(route: AppRoute, options?: { replace?: boolean }): void } {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<AppRoute>(read);
  useEffect(() => {
    const onPop = () => setRoute(read());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: AppRoute, options?: { replace?: boolean }) => {
    const url = routeUrl(next);
    if (url !== location.pathname + location.search) {
      if (options?.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    setRoute(parseRoute(location.pathname, location.search));
    scrollTo(0, 0);
  }, []);
  return { route, navigate };
}
