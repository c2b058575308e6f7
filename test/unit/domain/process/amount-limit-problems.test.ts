import listApproval from '../../../../domain/process/definitions/housing-support-2025@3.json';
import { amountLimitProblems, cumulativeFactsOf } from '../../../../domain/process/amount-limit-problems';
import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';
import type { AmountLimit, ProcessDefinition, StepDefinition } from '../../../../domain/process/process-definition';

const approvedAtMostRequested: AmountLimit = {
  fact: 'approvedAmount',
  atMost: 'requestedAmount',
  label: { vi: 'Số tiền thẩm định', en: 'The appraised amount' },
  limitLabel: { vi: 'số tiền đề nghị', en: 'the requested amount' },
};
const paidAtMostApproved: AmountLimit = {
  fact: 'disbursedAmount',
  atMost: 'approvedAmount',
  cumulative: true,
  label: { vi: 'Tổng số tiền đã giải ngân', en: 'The total disbursed' },
  limitLabel: { vi: 'số tiền phê duyệt', en: 'the approved amount' },
};
const definition = {
  ...(listApproval as unknown as ProcessDefinition),
  amountLimits: [approvedAtMostRequested, paidAtMostApproved],
};
const step = (id: string) => definition.steps.find((s) => s.id === id) as StepDefinition;

describe('amountLimitProblems', () => {
  it('accepts an appraised amount equal to or below the requested one', () => {
    const requested = { requestedAmount: 100_000_000 };
    expect(
      amountLimitProblems(definition, step('province-appraisal'), { approvedAmount: 100_000_000 }, requested),
    ).toEqual([]);
    expect(amountLimitProblems(definition, step('province-appraisal'), { approvedAmount: 0 }, requested)).toEqual([]);
  });

  it('refuses an appraised amount above the requested one, at the field that brings it, with both amounts', () => {
    expect(
      amountLimitProblems(
        definition,
        step('province-appraisal'),
        { approvedAmount: 100_000_000 },
        { requestedAmount: 60_000_000 },
      ),
    ).toEqual([
      {
        path: '/approvedAmount',
        keyword: 'amountLimit',
        message: {
          vi: 'Số tiền thẩm định (100.000.000 đ) không được vượt quá số tiền đề nghị (60.000.000 đ)',
          en: 'The appraised amount (100,000,000 VND) must not exceed the requested amount (60,000,000 VND)',
        },
        params: { fact: 'approvedAmount', amount: 100_000_000, earlier: 0, limit: 60_000_000 },
      },
    ]);
  });

  it('adds earlier payments to a payment: 50 M paid, 10 M more fits 60 M approved, 10 M and one đồng does not', () => {
    const facts = { requestedAmount: 60_000_000, approvedAmount: 60_000_000 };
    const earlier = { disbursedAmount: 50_000_000 };
    const pay = (amount: number) =>
      amountLimitProblems(definition, step('disbursement'), { disbursedAmount: amount }, facts, earlier);
    expect(pay(10_000_000)).toEqual([]);
    expect(pay(10_000_001)).toEqual([
      expect.objectContaining({
        path: '/amount',
        params: { fact: 'disbursedAmount', amount: 10_000_001, earlier: 50_000_000, limit: 60_000_000 },
      }),
    ]);
  });

  it('refuses a single payment of 95 M against 60 M approved', () => {
    const problems = amountLimitProblems(
      definition,
      step('disbursement'),
      { disbursedAmount: 95_000_000 },
      { approvedAmount: 60_000_000 },
    );
    expect(problems.map((p) => p.message.vi)).toEqual([
      'Tổng số tiền đã giải ngân (95.000.000 đ) không được vượt quá số tiền phê duyệt (60.000.000 đ)',
    ]);
  });

  it.each([
    ['the limit is unknown (no earlier step brought it)', { disbursedAmount: 95_000_000 }, {}],
    ['the limit is not a number', { disbursedAmount: 95_000_000 }, { approvedAmount: '60000000' }],
    ['the amount is not an integer', { disbursedAmount: 59_999_999.5 + 40_000_000 }, { approvedAmount: 60_000_000 }],
    ['the step brings no limited fact', {}, { approvedAmount: 60_000_000 }],
  ])('judges nothing when %s', (_name, stepFacts, dossierFacts) => {
    expect(amountLimitProblems(definition, step('disbursement'), stepFacts, dossierFacts)).toEqual([]);
  });

  it('judges nothing for a definition without limits', () => {
    const plain = listApproval as unknown as ProcessDefinition;
    expect(amountLimitProblems(plain, step('disbursement'), { disbursedAmount: 2 }, { approvedAmount: 1 })).toEqual([]);
  });

  it('names the cumulative facts a step brings, so only payment steps gather earlier payments', () => {
    expect(cumulativeFactsOf(definition, step('disbursement'))).toEqual(['disbursedAmount']);
    expect(cumulativeFactsOf(definition, step('province-appraisal'))).toEqual([]);
  });
});

describe('a definition with amount limits', () => {
  const forms = new Set(['housing-proposal@1', 'housing-review@1', 'housing-disbursement@1']);

  it('passes the publish check', () => {
    expect(checkProcessDefinition(definition, forms)).toEqual([]);
  });

  it('is refused when a limit names a fact no step brings', () => {
    const broken = { ...definition, amountLimits: [{ ...paidAtMostApproved, atMost: 'grantedAmount' }] };
    expect(checkProcessDefinition(broken, forms)).toEqual([
      { path: '/amountLimits/0/atMost', message: "no step brings the fact 'grantedAmount'" },
    ]);
  });

  it('is refused when a limit has no labels', () => {
    const { label: _label, ...unlabelled } = paidAtMostApproved;
    expect(checkProcessDefinition({ ...definition, amountLimits: [unlabelled] }, forms)).not.toEqual([]);
  });
});
