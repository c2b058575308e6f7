import postReform from '../../../../domain/process/definitions/housing-support-2025@3.json';
import { bulkActionsOf } from '../../../../domain/process/bulk-actions';
import type { ProcessDefinition, StepDefinition } from '../../../../domain/process/process-definition';

const definition = postReform as unknown as ProcessDefinition;
const step = (id: string): StepDefinition => {
  const found = definition.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

describe('bulk actions of a step', () => {
  it("offers only the city's list approval of housing-support-2025@3 in bulk, with an optional comment", () => {
    expect(bulkActionsOf(step('province-approval'))).toEqual([
      { action: 'approve', label: { vi: 'Phê duyệt', en: 'Approve' }, requiresComment: false },
    ]);
    for (const id of ['proposal', 'province-appraisal', 'disbursement']) expect(bulkActionsOf(step(id))).toEqual([]);
  });

  it('never counts an action that needs form data, the applicant, or is bulk in only some of its transitions', () => {
    const base: StepDefinition = {
      id: 's',
      title: { vi: 's', en: 's' },
      level: 'province',
      role: 'r',
      form: 'f@1',
      timeLimit: { amount: 1, unit: 'working_days' },
      transitions: [],
    };
    expect(
      bulkActionsOf({
        ...base,
        transitions: [{ action: 'approve', end: 'completed', bulk: true, requires: ['form'] }],
      }),
    ).toEqual([]);
    expect(
      bulkActionsOf({
        ...base,
        transitions: [{ action: 'withdraw', end: 'withdrawn', bulk: true, actor: 'applicant' }],
      }),
    ).toEqual([]);
    expect(
      bulkActionsOf({
        ...base,
        transitions: [
          { action: 'approve', to: 'a', bulk: true, when: { fact: 'x', eq: 1 } },
          { action: 'approve', to: 'b' },
        ],
      }),
    ).toEqual([]);
    expect(
      bulkActionsOf({
        ...base,
        transitions: [
          { action: 'reject', end: 'rejected', bulk: true, requires: ['comment'] },
          { action: 'approve', to: 'a', bulk: true, when: { fact: 'x', eq: 1 } },
          { action: 'approve', to: 'b', bulk: true },
        ],
      }),
    ).toEqual([
      { action: 'reject', requiresComment: true },
      { action: 'approve', requiresComment: false },
    ]);
  });
});
