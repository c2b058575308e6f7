// Browser-safe and DOM-free.
import type { InboxFilters } from '../api/app-api-types';

/** The query string of `GET /api/inbox` for one page: the filters that are set, the page size and the cursor. */
export function inboxQuery(filters: InboxFilters, limit: number, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const name of ['unit', 'programme', 'status', 'timeliness'] as const)
    if (filters[name]) query.set(name, filters[name]);
  const q = filters.q.trim();
  if (q) query.set('q', q);
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}
