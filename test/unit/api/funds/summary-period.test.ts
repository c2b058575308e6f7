import { summaryPeriod } from '../../../../api/funds/summary-period';
import { ValidationError } from '../../../../api/errors';

describe('summaryPeriod', () => {
  it('runs from 00:00 of the first day to 24:00 of the last, in Việt Nam time', () => {
    const period = summaryPeriod('2025-03-01', '2025-03-31');
    expect(period.start.toISOString()).toBe('2025-02-28T17:00:00.000Z');
    expect(period.end.toISOString()).toBe('2025-03-31T17:00:00.000Z');
  });

  it('takes one day as a period of 24 hours', () => {
    const period = summaryPeriod('2024-02-29', '2024-02-29');
    expect(period.end.getTime() - period.start.getTime()).toBe(24 * 3_600_000);
  });

  it('refuses to before from at /query/to', () => {
    expect(() => summaryPeriod('2025-03-02', '2025-03-01')).toThrow(ValidationError);
    try {
      summaryPeriod('2025-03-02', '2025-03-01');
    } catch (error) {
      expect((error as ValidationError).fields).toEqual([
        {
          path: '/query/to',
          keyword: 'formatMinimum',
          message: { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', en: 'must not be before from' },
        },
      ]);
    }
  });
});
