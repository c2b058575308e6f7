import {
  campaignPeriodQuery,
  initialPeriodChoice,
  namedPeriodQuery,
} from '../../../web/app/reports/report-period-choice';
import { parseRoute, routeUrl } from '../../../web/app/routing/app-route';

describe('the report page’s period choice', () => {
  it('starts at the quarter holding the day', () => {
    expect(initialPeriodChoice('2026-02-14')).toMatchObject({ kind: 'quarter', year: 2026, part: 1 });
    expect(initialPeriodChoice('2026-12-31')).toMatchObject({ kind: 'quarter', year: 2026, part: 4 });
    expect(initialPeriodChoice('2026-04-01')).toMatchObject({ kind: 'quarter', year: 2026, part: 2 });
  });

  it.each([
    ['quarter', 3, 'period=2025-Q3'],
    ['half', 2, 'period=2025-H2'],
    ['year', 1, 'period=2025'],
  ] as const)('asks a %s (part %i) as %s', (kind, part, query) => {
    expect(namedPeriodQuery({ kind, year: 2025, part, from: '', to: '' })).toBe(query);
  });

  it('has its own address, /reports', () => {
    expect(parseRoute('/reports')).toEqual({ name: 'reports' });
    expect(routeUrl({ name: 'reports' })).toBe('/reports');
  });
});

describe("a campaign's period", () => {
  it('asks for its own window, first day to last', () => {
    expect(
      campaignPeriodQuery({ id: 'p1', title: 'Đợt cao điểm', unitCode: 'DN-DQ', from: '2024-02-03', to: '2024-05-19' }),
    ).toBe('from=2024-02-03&to=2024-05-19');
  });
});
