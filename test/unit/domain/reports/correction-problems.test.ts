import { correctionProblems } from '../../../../domain/reports/correction-problems';

const computed = {
  raisedAmount: 0,
  spentAmount: 90_000_000,
  householdsSupported: 2,
  housesBuilt: 1,
  housesRepaired: 1,
};
const entered = { raisedAmount: 0, spentAmount: 90_000_000, householdsSupported: 2, housesBuilt: 1, housesRepaired: 1 };

describe('corrections of a result report (an entered figure unlike its computed one needs a reason)', () => {
  it('asks nothing when every entered figure is the computed one', () => {
    expect(correctionProblems({ ...entered, computed })).toEqual([]);
  });

  it('asks the reason at /corrections/<field>, naming both figures in đồng', () => {
    const problems = correctionProblems({ ...entered, raisedAmount: 5_000_000, housesBuilt: 2, computed });
    expect(problems.map((p) => p.path)).toEqual(['/corrections/raisedAmount', '/corrections/housesBuilt']);
    expect(problems[0]!.message.vi).toBe('Số báo cáo (5.000.000 ₫) khác số hệ thống tính (0 ₫): hãy ghi lý do');
    expect(problems[1]!.message.en).toContain('(2)');
  });

  it.each([
    ['a reason', 'Gồm tiền xã tự vận động', []],
    ['a blank reason', '   ', ['/corrections/raisedAmount']],
  ])('with %s for the corrected figure', (_name, reason, paths) => {
    const data = { ...entered, raisedAmount: 5_000_000, computed, corrections: { raisedAmount: reason } };
    expect(correctionProblems(data).map((p) => p.path)).toEqual(paths);
  });

  it('leaves a field the schema refuses, or data without computed figures, to the schema', () => {
    expect(correctionProblems({ ...entered, raisedAmount: 'many', computed })).toEqual([]);
    expect(correctionProblems({ ...entered, raisedAmount: 5 })).toEqual([]);
  });
});
