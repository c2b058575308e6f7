/**
 * The instant `share` of the way from `start` to `due`, rounded to the millisecond: when a step's reminder is due
 * and from when it counts as near due (tới hạn). The one derivation of that instant: the workflow's timers, the
 * read model (for runs that keep no clock) and timeliness at read time all use it. Null without both instants;
 * `due` itself when the step has no time between them.
 */
export function reminderAtOf(start: string | null, due: string | null, share: number): string | null {
  if (!start || !due) return null;
  const from = Date.parse(start);
  const to = Date.parse(due);
  if (!(to > from)) return due;
  return new Date(from + Math.round((to - from) * share)).toISOString();
}
