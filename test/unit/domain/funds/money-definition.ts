import type { ProcessDefinition, StepDefinition, Transition } from '../../../../domain/process/process-definition';

const step = (
  id: string,
  form: string | undefined,
  transitions: Transition[],
  extra: Partial<StepDefinition> = {},
) => ({
  id,
  title: { vi: id, en: id },
  level: 'commune' as const,
  role: 'commune_officer',
  ...(form ? { form } : {}),
  timeLimit: { amount: 5, unit: 'working_days' as const },
  transitions,
  ...extra,
});

/**
 * A small process that moves money: approve commits the split, then two tranches (advance, rest), each ordered and
 * confirmed (a failed confirmation goes back to the order), and the rest may be cancelled with a reason.
 */
export function moneyDefinition(): ProcessDefinition {
  return {
    key: 'money-test',
    version: 1,
    title: { vi: 'Thử', en: 'Test' },
    programme: 'housing',
    initialStep: 'proposal',
    tranches: [
      { id: 'advance', title: { vi: 'Tạm ứng', en: 'Advance' } },
      { id: 'rest', title: { vi: 'Phần còn lại', en: 'The rest' } },
    ],
    steps: [
      step('proposal', 'p@1', [{ action: 'submit', to: 'approval', requires: ['form'] }], {
        facts: { requestedAmount: '/amount' },
      }),
      step(
        'approval',
        'd@1',
        [
          {
            action: 'approve',
            to: 'advance-order',
            requires: ['form'],
            effects: [{ kind: 'commit', amountFact: 'approvedAmount' }],
          },
          { action: 'reject', end: 'rejected', requires: ['comment'] },
        ],
        {
          facts: { approvedAmount: '/approvedAmount' },
          funding: { lines: '/fundingSplit', fund: 'fundId', amount: 'amount' },
        },
      ),
      step(
        'advance-order',
        'o@1',
        [
          {
            action: 'approve',
            to: 'advance-paid',
            requires: ['form'],
            effects: [{ kind: 'order_payment', tranche: 'advance', amountFact: 'orderedAmount' }],
          },
          { action: 'withdraw', end: 'withdrawn', requires: ['comment'] },
        ],
        { facts: { orderedAmount: '/amount' } },
      ),
      step('advance-paid', undefined, [
        { action: 'approve', to: 'rest-order', effects: [{ kind: 'settle_payment', tranche: 'advance' }] },
        {
          action: 'reject',
          to: 'advance-order',
          requires: ['comment'],
          effects: [{ kind: 'fail_payment', tranche: 'advance' }],
        },
      ]),
      step(
        'rest-order',
        'o@1',
        [
          {
            action: 'approve',
            to: 'rest-paid',
            requires: ['form'],
            effects: [{ kind: 'order_payment', tranche: 'rest', amountFact: 'orderedAmount' }],
          },
          { action: 'reject', end: 'completed', requires: ['comment'], effects: [{ kind: 'cancel_rest' }] },
        ],
        { facts: { orderedAmount: '/amount' } },
      ),
      step('rest-paid', undefined, [
        { action: 'approve', end: 'completed', effects: [{ kind: 'settle_payment', tranche: 'rest' }] },
      ]),
    ],
  };
}

export const moneyForms = new Set(['p@1', 'd@1', 'o@1']);
