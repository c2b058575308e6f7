// Browser-safe and DOM-free.

/** The pages of the officer app, one per URL path. */
export type AppRoute =
  | { name: 'login'; next: string }
  | { name: 'inbox' }
  | { name: 'dossier'; id: string }
  | { name: 'new'; processKey?: string }
  | { name: 'sla'; filters: SlaRouteFilters }
  | { name: 'admin'; section: AdminSection }
  | { name: 'payments' }
  | { name: 'reports' }
  | { name: 'plans' }
  | { name: 'poverty-register' }
  | { name: 'not-found'; path: string };

/** The SLA dashboard's filters and drill-down, kept in the query so that "back" from a dossier returns to them. */
export interface SlaRouteFilters {
  programme?: string;
  /** The unit whose figures are shown (it and the units below it); all the caller's units when absent. */
  unit?: string;
  /** The drill-down: the list of dossiers waiting in this processing unit with this timeliness. */
  list?: string;
  timeliness?: 'not_due' | 'near_due' | 'overdue' | 'stopped';
}

const UNIT_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+){0,8}$/;
const PROGRAMME = /^[a-z0-9][a-z0-9_-]{0,40}$/;
const OPEN_TIMELINESS = ['not_due', 'near_due', 'overdue', 'stopped'] as const;

function slaFilters(search: string): SlaRouteFilters {
  const query = new URLSearchParams(search);
  const filters: SlaRouteFilters = {};
  const programme = query.get('programme');
  const unit = query.get('unit');
  const list = query.get('list');
  const timeliness = query.get('timeliness');
  if (programme && PROGRAMME.test(programme)) filters.programme = programme;
  if (unit && UNIT_CODE.test(unit)) filters.unit = unit;
  if (list && UNIT_CODE.test(list) && timeliness && (OPEN_TIMELINESS as readonly string[]).includes(timeliness)) {
    filters.list = list;
    filters.timeliness = timeliness as SlaRouteFilters['timeliness'];
  }
  return filters;
}

/** The administration pages (`/admin/<section>`; `/admin` is the registry). */
export const ADMIN_SECTIONS = [
  'registry',
  'embed-tokens',
  'users',
  'units',
  'funds',
  'calendar',
  'attention',
  'overlap-rules',
  'transition-plans',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];
const isAdminSection = (s: string): s is AdminSection => (ADMIN_SECTIONS as readonly string[]).includes(s);

const DOSSIER_ID = /^[A-Z0-9]+(?:-[A-Z0-9]+){1,8}$/;
const PROCESS_KEY = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * Where to go after logging in: a path of this app only (`/…`, not `//host` or `/\host`, which browsers treat
 * as another origin), else the inbox. Keeps a login link from sending anyone elsewhere.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login'))
    return '/';
  return next;
}

/** The route of a URL's path and query (`location.pathname`, `location.search`). */
export function parseRoute(pathname: string, search = ''): AppRoute {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts.length === 0) return { name: 'inbox' };
  if (parts[0] === 'login' && parts.length === 1)
    return { name: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (parts[0] === 'dossiers' && parts.length === 2 && DOSSIER_ID.test(parts[1]!))
    return { name: 'dossier', id: parts[1]! };
  if (parts[0] === 'new' && parts.length === 1) return { name: 'new' };
  if (parts[0] === 'new' && parts.length === 2 && PROCESS_KEY.test(parts[1]!))
    return { name: 'new', processKey: parts[1]! };
  if (parts[0] === 'sla' && parts.length === 1) return { name: 'sla', filters: slaFilters(search) };
  if (parts[0] === 'payments' && parts.length === 1) return { name: 'payments' };
  if (parts[0] === 'reports' && parts.length === 1) return { name: 'reports' };
  if (parts[0] === 'plans' && parts.length === 1) return { name: 'plans' };
  if (parts[0] === 'poverty-register' && parts.length === 1) return { name: 'poverty-register' };
  if (parts[0] === 'admin' && parts.length === 1) return { name: 'admin', section: 'registry' };
  if (parts[0] === 'admin' && parts.length === 2 && isAdminSection(parts[1]!))
    return { name: 'admin', section: parts[1] };
  return { name: 'not-found', path: pathname };
}

/** The URL (path and query) of a route; `parseRoute(routeUrl(r))` gives `r` back. */
export function routeUrl(route: AppRoute): string {
  switch (route.name) {
    case 'login':
      return route.next === '/' ? '/login' : `/login?next=${encodeURIComponent(route.next)}`;
    case 'inbox':
      return '/';
    case 'dossier':
      return `/dossiers/${encodeURIComponent(route.id)}`;
    case 'new':
      return route.processKey ? `/new/${encodeURIComponent(route.processKey)}` : '/new';
    case 'sla': {
      const query = new URLSearchParams();
      for (const key of ['programme', 'unit', 'list', 'timeliness'] as const)
        if (route.filters[key]) query.set(key, route.filters[key]!);
      const text = query.toString();
      return text ? `/sla?${text}` : '/sla';
    }
    case 'admin':
      return `/admin/${route.section}`;
    case 'payments':
      return '/payments';
    case 'reports':
      return '/reports';
    case 'plans':
      return '/plans';
    case 'poverty-register':
      return '/poverty-register';
    case 'not-found':
      return route.path;
  }
}

/** The route of a URL of this app given as path plus optional query (`/login?next=%2F`). */
export function parseAppUrl(url: string): AppRoute {
  const query = url.indexOf('?');
  return query < 0 ? parseRoute(url) : parseRoute(url.slice(0, query), url.slice(query));
}
