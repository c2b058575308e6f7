import { presetPeriod, vietnamToday } from '../../../web/app/funds/report-period';

describe('the fund reports’ period presets', () => {
  it('gives the quarter, half-year and year holding the day, last days included', () => {
    expect(presetPeriod('quarter', '2026-02-14')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('half', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('half', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(presetPeriod('year', '2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });
  it('takes today as the day in Việt Nam (UTC+7)', () => {
    expect(vietnamToday(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(vietnamToday(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
  });
});
