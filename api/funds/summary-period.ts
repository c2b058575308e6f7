import { vietnamInstant } from '../../domain/time/vietnam-instant';
import { ValidationError } from '../errors';

/** A period of whole Việt Nam days, as instants: `start` inclusive, `end` exclusive. */
export interface SummaryPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/**
 * The period from the first moment of `from` to the end of `to`, both local dates in Việt Nam (UTC+7 all year, so a
 * day is always 24 hours): an entry recorded at 23:30 on `to`, Việt Nam time, is inside. The dates' form and range
 * are checked before (the route table); `to` before `from` is 422 at `/query/to`, the one check of the fund summary
 * and of a fund's documents (create-fund-document-router.ts).
 */
export function summaryPeriod(from: string, to: string): SummaryPeriod {
  if (to < from) {
    throw new ValidationError([
      {
        path: '/query/to',
        keyword: 'formatMinimum',
        message: { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', en: 'must not be before from' },
      },
    ]);
  }
  return {
    from,
    to,
    start: new Date(vietnamInstant(from, '00:00')),
    end: new Date(vietnamInstant(to, '00:00') + DAY_MS),
  };
}
