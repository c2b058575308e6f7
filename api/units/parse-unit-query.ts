import { vietnamDate } from '../../domain/time/vietnam-date';
import { ValidationError } from '../errors';

/** What `GET /api/units` (and the embed's unit list) was asked for. */
export interface UnitQuery {
  /** Units in force on this local date (yyyy-mm-dd), or null with `all`: every unit, whatever its dates. */
  at: string | null;
  /** Only this unit and the units below it. */
  under: string | null;
}

/** Vietnam's local date now (UTC+7 all year). */
export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now);

/**
 * The query of a unit list, its parameters already checked against the route table (`at` a date, `under` a unit
 * code, `all` a boolean): `at` defaults to `today`; `all=true` lists units whatever their dates and cannot be
 * combined with `at` (422 on `/query/all`).
 */
export function parseUnitQuery(query: { at?: string; under?: string; all?: boolean }, today: string): UnitQuery {
  if (query.all === true && query.at !== undefined) {
    throw new ValidationError([
      { path: '/query/all', keyword: 'not', message: { vi: 'Không dùng cùng at', en: 'cannot be combined with at' } },
    ]);
  }
  return { at: query.all === true ? null : (query.at ?? today), under: query.under ?? null };
}
