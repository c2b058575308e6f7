/** A 1×1 PNG, for attachments. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2215bc00000000049454e44ae426082',
  'hex',
);

/**
 * A two-step process on the completion-acceptance form (which has photos), published by the tests that need it:
 * the commune's acceptance, then a check at `level` (the step `checkStep`) that ends it.
 */
export const completionProcess = (version: number, level: 'district' | 'province', checkStep: string) => ({
  key: 'test-completion',
  version,
  programme: 'housing',
  initialStep: 'acceptance',
  title: { vi: 'Nghiệm thu (thử)', en: 'Acceptance (test)' },
  steps: [
    {
      id: 'acceptance',
      title: { vi: 'Nghiệm thu', en: 'Acceptance' },
      level: 'commune',
      role: 'commune_officer',
      form: 'housing-completion@1',
      timeLimit: { amount: 5, unit: 'working_days' },
      transitions: [{ action: 'submit', to: checkStep, requires: ['form'] }],
    },
    {
      id: checkStep,
      title: { vi: 'Kiểm tra', en: 'Check' },
      level,
      role: `${level}_officer`,
      form: 'housing-completion@1',
      timeLimit: { amount: 5, unit: 'working_days' },
      transitions: [{ action: 'approve', end: 'completed', requires: ['form'] }],
    },
  ],
});
