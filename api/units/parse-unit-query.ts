import { vietnamDate } from '../../domain/time/vietnam-date';
import { customFormats } from '../../forms/custom-formats';
import type { FieldProblem } from '../errors/domain-error';
import { ValidationError } from '../errors';

/** What `GET /api/units` (and the embed's unit list) was asked for. */
export interface UnitQuery {
  /** Units in force on this local date (yyyy-mm-dd), or null with `all`: every unit, whatever its dates. */
  at: string | null;
  /** Only this unit and the units below it. */
  under: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Vietnam's local date now (UTC+7 all year). */
export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now);

/**
 * The query of a unit list: `at` (a date, default `today`), `under` (a unit code), `all` (`true` for units
 * whatever their dates; not with `at`). Every bad parameter is reported at once as a 422 field problem.
 */
export function parseUnitQuery(query: Record<string, unknown>, today: string): UnitQuery {
  const problems: FieldProblem[] = [];
  const single = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      problems.push({
        path: `/query/${name}`,
        keyword: 'type',
        message: { vi: 'Chỉ được có một giá trị', en: 'must be given once' },
      });
      return undefined;
    }
    return value;
  };
  const at = single('at');
  const under = single('under');
  const all = single('all');
  if (at !== undefined && !isIsoDate(at)) {
    problems.push({
      path: '/query/at',
      keyword: 'format',
      message: { vi: 'Ngày phải có dạng YYYY-MM-DD và có thật', en: 'must be a real date as YYYY-MM-DD' },
    });
  }
  if (under !== undefined && (under.length > 40 || !customFormats['unit-code'].test(under))) {
    problems.push({
      path: '/query/under',
      keyword: 'format',
      message: { vi: 'Mã đơn vị không hợp lệ', en: 'not a unit code' },
    });
  }
  if (all !== undefined && all !== 'true' && all !== 'false') {
    problems.push({
      path: '/query/all',
      keyword: 'enum',
      message: { vi: 'Chỉ nhận true hoặc false', en: 'must be true or false' },
    });
  }
  if (all === 'true' && at !== undefined) {
    problems.push({
      path: '/query/all',
      keyword: 'not',
      message: { vi: 'Không dùng cùng at', en: 'cannot be combined with at' },
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { at: all === 'true' ? null : (at ?? today), under: under ?? null };
}
