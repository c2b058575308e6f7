import type { MouseEvent, ReactNode } from 'react';
import { routeUrl, type AppRoute } from '../routing/app-route';

/** A real link (opens in a new tab, copyable) that navigates inside the app on a plain click. */
export function AppLink({
  to,
  navigate,
  children,
  className,
  current,
}: {
  to: AppRoute;
  navigate(route: AppRoute): void;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={routeUrl(to)} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
