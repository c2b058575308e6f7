import { parseReportPeriod, rangePeriod, type ReportPeriod } from '../../domain/reports/report-period';
import { ValidationError } from '../errors';

/** The period parameters of a report: a named `period`, or a `from`/`to` range; never both. */
export interface ReportPeriodQuery {
  period?: string;
  from?: string;
  to?: string;
}

const problem = (path: string, vi: string, en: string) =>
  new ValidationError([{ path, keyword: 'period', message: { vi, en } }]);

/**
 * The report's period from its query (the route table has checked each value's form): `period` (2025-Q1, 2025-H1,
 * 2025), or both `from` and `to` (a campaign, `to` not before `from`). 422 at `/query/period` when neither or both
 * are given, at `/query/from` or `/query/to` when one end is missing, at `/query/to` when it is before `from`.
 */
export function reportPeriodOf(query: ReportPeriodQuery): ReportPeriod {
  const hasRange = query.from !== undefined || query.to !== undefined;
  if (query.period !== undefined && hasRange) {
    throw problem(
      '/query/period',
      'Chọn kỳ báo cáo hoặc khoảng ngày, không chọn cả hai',
      'give period or from/to, not both',
    );
  }
  if (query.period !== undefined) {
    const named = parseReportPeriod(query.period);
    if (!named) throw problem('/query/period', 'Kỳ báo cáo không hợp lệ', 'must be a year, a quarter or a half-year');
    return named;
  }
  if (!hasRange) throw problem('/query/period', 'Cần chọn kỳ báo cáo', 'give period, or from and to');
  if (query.from === undefined) throw problem('/query/from', 'Cần ngày bắt đầu', 'from is required with to');
  if (query.to === undefined) throw problem('/query/to', 'Cần ngày kết thúc', 'to is required with from');
  const range = rangePeriod(query.from, query.to);
  if (!range) throw problem('/query/to', 'Ngày kết thúc phải từ ngày bắt đầu trở đi', 'must not be before from');
  return range;
}
