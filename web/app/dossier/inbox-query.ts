// Browser-safe and DOM-free.

/** The inbox's filters (query parameters of GET /api/inbox); an empty string means "all". */
export interface InboxFilters {
  /** One of the caller's units (only what waits there), for a user with grants in several. */
  unit: string;
  programme: string;
  status: '' | 'received' | 'in_progress' | 'awaiting_supplement';
  /** `stopped`: returned for supplement, the SLA clock stopped until the dossier comes back complete. */
  timeliness: '' | 'not_due' | 'near_due' | 'overdue' | 'stopped';
  /** Text search on the dossier code and the household head's name (the API ignores case and diacritics). */
  q: string;
}

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
