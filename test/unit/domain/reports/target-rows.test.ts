import type { PlanContent } from '../../../../domain/plans/plan';
import { targetRows } from '../../../../domain/reports/target-rows';

const plan: PlanContent = {
  unitCode: 'HN-HD',
  title: 'Kế hoạch 2024',
  kind: 'year',
  from: '2024-01-01',
  to: '2024-12-31',
  targets: [
    { programme: 'savings_book', metric: 'count', value: 78 },
    { programme: 'housing', supportType: 'repair', metric: 'amount', value: 60_000_000, fundId: 'f1' },
    { programme: 'tet_gift', metric: 'coverage', value: 100, baseline: 84, unitCode: 'HN-HD-HC' },
  ],
};
const progress = {
  targets: [
    { index: 0, actual: 80, of: null, achieved: 1234, ratio: 1, met: true, byUnit: [] },
    { index: 1, actual: 30_000_000, of: null, achieved: 30_000_000, ratio: 0.5, met: false, byUnit: [] },
    { index: 2, actual: 70, of: 84, achieved: 83.33333, ratio: 0.83, met: false, byUnit: [] },
  ],
};

describe('targets against results (the rows a report prints)', () => {
  const rows = targetRows(plan, progress, {
    unit: (code) => (code === 'HN-HD-HC' ? 'Phường Hà Cầu' : code),
    fund: (id) => (id === 'f1' ? 'Hội Chữ thập đỏ' : id),
  });

  it('names each target by its programme, type, measure, lower unit and source', () => {
    expect(rows.map((r) => r.label.vi)).toEqual([
      'Sổ tiết kiệm (số lượng)',
      'Hỗ trợ nhà ở — Sửa chữa (kinh phí) · Hội Chữ thập đỏ',
      'Quà Tết (tỷ lệ bao phủ) · Phường Hà Cầu',
    ]);
    expect(rows[1]!.label.en).toBe('Housing support — Repair (amount) · Hội Chữ thập đỏ');
  });

  it('prints values and figures as counts, đồng or percentages, with whether each is met', () => {
    expect(rows.map((r) => [r.valueText.vi, r.achievedText.vi, r.met])).toEqual([
      ['78', '1.234', true],
      ['60.000.000 ₫', '30.000.000 ₫', false],
      ['100 %', '83,3 %', false],
    ]);
    expect(rows.map((r) => r.achievedText.en)).toEqual(['1,234', '30,000,000 VND', '83.3 %']);
  });
});
