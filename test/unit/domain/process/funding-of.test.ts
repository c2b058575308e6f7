import { fundingOf } from '../../../../domain/process/funding-of';
import type { StepDefinition } from '../../../../domain/process/process-definition';

const step = (funding?: StepDefinition['funding']): StepDefinition => ({
  id: 'approval',
  title: { vi: 'Phê duyệt', en: 'Approval' },
  level: 'province',
  role: 'unit_head',
  timeLimit: { amount: 5, unit: 'working_days' },
  transitions: [{ action: 'approve', end: 'completed' }],
  ...(funding ? { funding } : {}),
});
const funding = { lines: '/fundingSplit', fund: 'fundId', amount: 'amount' };

describe('fundingOf', () => {
  it("reads the split from the step's form data, in order, ids and whole đồng only", () => {
    const data = {
      fundingSplit: [
        { fundId: 'a', amount: 70, note: 'x' },
        { fundId: 'b', amount: 30 },
      ],
    };
    expect(fundingOf(step(funding), data)).toEqual([
      { fundId: 'a', amount: 70 },
      { fundId: 'b', amount: 30 },
    ]);
  });

  it('leaves out lines the schema refuses (no fund id, an amount that is not a whole number) and reads no list as empty', () => {
    const data = {
      fundingSplit: [{ fundId: 1, amount: 5 }, { fundId: 'a', amount: 1.5 }, null, { fundId: 'b', amount: 2 }],
    };
    expect(fundingOf(step(funding), data)).toEqual([{ fundId: 'b', amount: 2 }]);
    expect(fundingOf(step(funding), {})).toEqual([]);
  });

  it('is undefined for a step that declares no funding', () => {
    expect(fundingOf(step(), { fundingSplit: [{ fundId: 'a', amount: 1 }] })).toBeUndefined();
  });
});
