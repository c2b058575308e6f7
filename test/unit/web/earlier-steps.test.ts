import type { Dossier } from '../../../api-contract';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import { earlierSteps } from '../../../web/app/dossier/earlier-steps';

const step = (id: string, title: string) => ({ id, title: { vi: title, en: title } });
const definition = (key: string, version: number, steps: ReturnType<typeof step>[]) =>
  ({ key, version, steps }) as unknown as ProcessDefinition;
const old = definition('housing-support-2024', 3, [
  step('proposal', 'Đề xuất (cũ)'),
  step('district-review', 'Thẩm định của huyện'),
  step('province-approval', 'Phê duyệt của tỉnh'),
]);
const now = definition('housing-support-2025', 2, [
  step('proposal', 'Đề xuất của xã/phường'),
  step('province-approval', 'Phê duyệt của thành phố'),
  step('disbursement', 'Giải ngân'),
]);
const actor = { userId: 'u', role: 'r', unitCode: 'X' };
const at = '2025-07-01T00:00:00.000Z';
const moved = {
  submissions: {
    'province-approval': { id: 's3', form: 'housing-decision@1' },
    proposal: { id: 's1', form: 'housing-proposal@1' },
    'district-review': { id: 's2', form: 'housing-review@1' },
  },
  history: [
    { seq: 1, action: 'create', fromStep: null, toStep: 'proposal', actor, at, submission: { id: 's1', form: 'f' } },
    {
      seq: 2,
      action: 'approve',
      fromStep: 'district-review',
      toStep: 'province-approval',
      actor,
      at,
      submission: { id: 's2', form: 'f' },
    },
    {
      seq: 3,
      action: 'transfer',
      fromStep: 'province-approval',
      toStep: 'province-approval',
      actor,
      at,
      transfer: {
        transferId: 'p:1',
        from: { processKey: 'housing-support-2024', processVersion: 3, step: 'province-approval', unitCode: 'HN' },
        to: { processKey: 'housing-support-2025', processVersion: 2, step: 'province-approval', unitCode: 'HN' },
      },
    },
    {
      seq: 4,
      action: 'approve',
      fromStep: 'province-approval',
      toStep: 'disbursement',
      actor,
      at,
      submission: { id: 's3', form: 'f' },
    },
  ],
} as unknown as Pick<Dossier, 'submissions' | 'history'>;

describe('earlierSteps', () => {
  it("shows a moved dossier's forms by the titles they were submitted under, in the order submitted", () => {
    expect(earlierSteps(moved, now, [old]).map((s) => s.title.vi)).toEqual([
      'Đề xuất (cũ)',
      'Thẩm định của huyện',
      'Phê duyệt của thành phố',
    ]);
  });

  it('without the old definition loaded, keeps the steps the current one knows (by its titles)', () => {
    expect(earlierSteps(moved, now, []).map((s) => s.id)).toEqual(['proposal', 'province-approval']);
  });

  it("is the current definition's steps in its order for a dossier never moved", () => {
    const plain = {
      submissions: { 'province-approval': { id: 'b', form: 'f' }, proposal: { id: 'a', form: 'f' } },
      history: [],
    } as unknown as Pick<Dossier, 'submissions' | 'history'>;
    expect(earlierSteps(plain, now, []).map((s) => s.id)).toEqual(['proposal', 'province-approval']);
  });
});
