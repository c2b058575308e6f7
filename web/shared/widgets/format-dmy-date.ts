// Browser-safe and DOM-free.

/**
 * `dd/mm/yyyy` of an ISO date (`yyyy-mm-dd`), or undefined when `iso` is not one: the widget then shows what the
 * data holds as it is (a draft may hold a half-typed date).
 */
export function formatDmyDate(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : undefined;
}
