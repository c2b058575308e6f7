import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinition, StepDefinition } from '../../../domain/process/process-definition';

export const REVIEW_HOURS = 0.008; // 28.8 s
const seedEra = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', '..', 'domain', 'process', 'definitions', 'housing-support-2024@2.json'),
    'utf8',
  ),
) as ProcessDefinition;

/** A test-only process (`sla-test`) whose review step has 0.008 plain hours (28.8 s), a reminder at 10 % of it. */
export function slaTestDefinition(): ProcessDefinition {
  const proposal = seedEra.steps.find((s) => s.id === 'proposal') as StepDefinition;
  const review = seedEra.steps.find((s) => s.id === 'district-review') as StepDefinition;
  const { effectiveFrom: _from, effectiveTo: _to, ...rest } = seedEra;
  return {
    ...rest,
    key: 'sla-test',
    version: 1,
    title: { vi: 'Quy trình thử thời hạn', en: 'SLA test process' },
    totalLimit: { amount: 1, unit: 'hours' },
    reminderShare: 0.1,
    maxSupplementReturns: 1,
    escalationRole: 'unit_head',
    steps: [
      { ...proposal, timeLimit: { amount: 1, unit: 'hours' } },
      {
        ...review,
        timeLimit: { amount: REVIEW_HOURS, unit: 'hours' },
        transitions: [
          { action: 'approve', end: 'completed', requires: ['form'] },
          ...review.transitions.filter((t) => t.action !== 'approve'),
        ],
      },
    ],
  };
}
