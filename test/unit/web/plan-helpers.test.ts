import { barPercent, formatCount, formatPercent, formatTargetValue } from '../../../web/app/plans/plan-figures';
import { hasPlanGrant } from '../../../web/app/plans/has-plan-grant';
import { planText } from '../../../web/app/plans/plan-text';

describe('the plans page’s figures', () => {
  test.each([
    [{ metric: 'amount', value: 1_560_000_000 }, 'vi', '1.560.000.000 ₫'],
    [{ metric: 'amount', value: 1_560_000_000 }, 'en', '1,560,000,000 VND'],
    [{ metric: 'count', value: 1000 }, 'vi', '1.000'],
    [{ metric: 'count', value: 1000 }, 'en', '1,000'],
    [{ metric: 'share', value: 70 }, 'vi', '70 %'],
    [{ metric: 'coverage', value: 66.66 }, 'en', '66.7%'],
  ] as const)('the target %j reads in %s as %s', (target, lang, text) => {
    expect(formatTargetValue(target, lang)).toBe(text);
  });

  test('percentages keep one decimal with the language’s mark; counts are rounded', () => {
    expect(formatPercent(133.333, 'vi')).toBe('133,3');
    expect(formatPercent(133.333, 'en')).toBe('133.3');
    expect(formatCount(2.4, 'vi')).toBe('2');
  });

  test('a bar is 0–100, full beyond the target', () => {
    expect([barPercent(0), barPercent(0.4), barPercent(1.33), barPercent(-1)]).toEqual([0, 40, 100, 0]);
  });

  test('officers of any level, unit heads, administrators and supervisors have the page; a treasurer alone has not', () => {
    const grant = (role: string) => [{ role, unitCode: 'HN' }];
    expect(
      ['commune_officer', 'province_officer', 'unit_head', 'admin', 'supervisor'].map((r) => hasPlanGrant(grant(r))),
    ).toEqual([true, true, true, true, true]);
    expect(hasPlanGrant(grant('treasurer'))).toBe(false);
  });

  test('every Vietnamese word has its English one, and they differ', () => {
    const vi = planText('vi');
    const en = planText('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(en.title).not.toBe(vi.title);
    expect(vi.revision(2, 'Sở chuyên môn', '05/12/2026 10:00')).toBe(
      'Phiên bản 2, Sở chuyên môn cập nhật ngày 05/12/2026 10:00',
    );
  });
});
