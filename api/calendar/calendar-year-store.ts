import type { Request } from 'express';
import type { Models } from '../../storage/create-models';
import type { CalendarYearDoc } from '../../storage/calendar-year-schema';
import type { CalendarYear } from '../../domain/calendar/calendar-year';
import type { CalendarYearAnswer } from '../../api-contract';
import { checkedParameters } from '../validation/checked-parameters';
import { ConflictError } from '../errors';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

/** The path of a calendar year, as declared in the route table and checked before the handler runs. */
export const yearPath = (req: Request) => checkedParameters<unknown, { scope: string; year: number }>(req).path;

/**
 * A year as the API shows it for `scope`: `overridden` when the province has its own copy, and `updatedAt` of the
 * copy stored for that scope (null when there is none yet: the first edit creates it).
 */
export const presentYear = (
  year: CalendarYear & { stored: boolean; updatedAt?: Date },
  scope: string,
): CalendarYearAnswer => ({
  ...year,
  requestedScope: scope,
  overridden: year.scope === scope && scope !== 'VN',
  updatedAt: year.scope === scope ? (year.updatedAt?.toISOString() ?? null) : null,
});

/** Whether an `expectedUpdatedAt` sent by a client names the stored time (null: nothing stored yet). */
export const sameInstant = (expected: string | null, stored: Date | null) =>
  expected === null || stored === null ? expected === stored : Date.parse(expected) === stored.getTime();

/** 409 calendar_changed: someone else changed the year since the form was filled in, or won a concurrent write. */
export const calendarChanged = () =>
  new ConflictError(
    {
      vi: 'Lịch vừa được người khác sửa; hãy tải lại và thử lại',
      en: 'the calendar was changed meanwhile; reload and retry',
    },
    { code: 'calendar_changed' },
  );

/**
 * Refuses (409) a write whose `expectedUpdatedAt` (the `updatedAt` the form was filled in from, null before the first
 * write, undefined: not sent) is not the stored one.
 */
export function assertUnchanged(expected: string | null | undefined, stored: CalendarYearDoc | null): void {
  if (expected !== undefined && !sameInstant(expected, stored?.updatedAt ?? null)) throw calendarChanged();
}

/** An instant strictly after the stored `updatedAt`, so that every write changes it. */
export const nextWriteAt = (stored: CalendarYearDoc | null) =>
  new Date(Math.max(Date.now(), (stored?.updatedAt.getTime() ?? 0) + 1));

/**
 * Writes `next` over `stored` (read before): exactly one of concurrent writes of a year wins — the replace is
 * filtered on the `updatedAt` read, the first copy's insert on the unique _id — and the others are 409.
 */
export async function writeCalendarYear(models: Models, stored: CalendarYearDoc | null, next: CalendarYearDoc) {
  if (stored) {
    const written = await models.CalendarYear.replaceOne({ _id: next._id, updatedAt: stored.updatedAt }, next);
    if (written.matchedCount === 0) throw calendarChanged();
    return;
  }
  try {
    await models.CalendarYear.create(next);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw calendarChanged();
    throw error;
  }
}
