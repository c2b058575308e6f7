// Browser-safe and DOM-free.

/** The text fields of an administration form, by name (selects, dates and numbers are kept as typed: strings). */
export type AdminFormFields = Record<string, string>;

/** Fields never kept in a draft, whichever form they are in: a password must not sit in localStorage. */
const NEVER_KEPT = /password|passwd|secret/i;

/**
 * What to keep as the draft of a form whose fields are `values` and which opened with `initial`: the fields that
 * differ from how the form opened, never a password; undefined when nothing was typed (then no draft is kept).
 */
export function draftFields<T extends AdminFormFields>(values: T, initial: T): Partial<T> | undefined {
  const kept: Partial<T> = {};
  let any = false;
  for (const [name, value] of Object.entries(values) as [keyof T & string, string][]) {
    if (NEVER_KEPT.test(name) || value === initial[name]) continue;
    kept[name] = value as T[keyof T & string];
    any = true;
  }
  return any ? kept : undefined;
}

/**
 * The form's fields restored from a stored draft (`saved`, as read from storage: anything): each field the form
 * has (a string in the draft, not a password) taken from it, the others as the form opens. Undefined when the
 * draft gives nothing that differs, so the form opens as usual and says nothing about a draft.
 */
export function restoreDraftFields<T extends AdminFormFields>(saved: unknown, initial: T): T | undefined {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return undefined;
  const restored: T = { ...initial };
  let any = false;
  for (const name of Object.keys(initial) as (keyof T & string)[]) {
    const value = (saved as Record<string, unknown>)[name];
    if (typeof value !== 'string' || NEVER_KEPT.test(name) || value === initial[name]) continue;
    restored[name] = value as T[keyof T & string];
    any = true;
  }
  return any ? restored : undefined;
}
