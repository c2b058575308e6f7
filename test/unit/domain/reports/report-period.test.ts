import {
  isCivilDay,
  parseReportPeriod,
  rangePeriod,
  reportPeriodTitle,
} from '../../../../domain/reports/report-period';

describe('reporting periods', () => {
  it.each([
    ['2025-Q1', 'quarter', '2025-01-01', '2025-03-31'],
    ['2025-Q2', 'quarter', '2025-04-01', '2025-06-30'],
    ['2025-Q4', 'quarter', '2025-10-01', '2025-12-31'],
    ['2024-H1', 'half', '2024-01-01', '2024-06-30'],
    ['2025-H2', 'half', '2025-07-01', '2025-12-31'],
    ['2028', 'year', '2028-01-01', '2028-12-31'],
  ])('reads %s as a %s from %s to %s', (period, kind, from, to) => {
    expect(parseReportPeriod(period)).toEqual({ kind, from, to });
  });

  it.each(['2025-Q5', '2025-Q0', '2025-H3', '2025-h1', '25', '2025-', ' 2025', '1999', '2100-Q1', '2025-01'])(
    'refuses %j',
    (period) => {
      expect(parseReportPeriod(period)).toBeNull();
    },
  );

  it('takes a campaign range of real days, both ends included, and refuses one that ends before it starts', () => {
    expect(rangePeriod('2024-02-03', '2024-05-19')).toEqual({ kind: 'range', from: '2024-02-03', to: '2024-05-19' });
    expect(rangePeriod('2024-02-03', '2024-02-03')).toEqual({ kind: 'range', from: '2024-02-03', to: '2024-02-03' });
    expect(rangePeriod('2024-05-19', '2024-02-03')).toBeNull();
    expect(rangePeriod('2025-02-29', '2025-03-01')).toBeNull();
  });

  it('knows real days, leap days included', () => {
    expect(isCivilDay('2024-02-29')).toBe(true);
    expect(isCivilDay('2025-02-29')).toBe(false);
    expect(isCivilDay('2025-13-01')).toBe(false);
    expect(isCivilDay('2025-1-01')).toBe(false);
  });

  it.each([
    ['2025-Q1', 'Quý I năm 2025', 'Q1 2025'],
    ['2025-Q4', 'Quý IV năm 2025', 'Q4 2025'],
    ['2025-H1', '6 tháng đầu năm 2025', 'H1 2025'],
    ['2025-H2', '6 tháng cuối năm 2025', 'H2 2025'],
    ['2025', 'Năm 2025', 'Year 2025'],
  ])('names %s "%s" and "%s"', (period, vi, en) => {
    expect(reportPeriodTitle(parseReportPeriod(period)!, 'vi')).toBe(vi);
    expect(reportPeriodTitle(parseReportPeriod(period)!, 'en')).toBe(en);
  });

  it('names a campaign by its days', () => {
    expect(reportPeriodTitle(rangePeriod('2024-02-03', '2024-05-19')!)).toBe('Từ ngày 03/02/2024 đến ngày 19/05/2024');
  });
});
