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

/**
 * A test-only process (`sla-test`) with plain-hour limits (elapsed time, no calendar), so a test can predict its due
 * times to the millisecond. By default its review step has 0.008 hours (28.8 s) and its reminder 10 % of it, for
 * tests that wait real time (a restart of the Temporal server itself); on the time-skipping test server any limits
 * cost nothing.
 */
export function slaTestDefinition(
  limits: { reviewHours?: number; proposalHours?: number; totalHours?: number; reminderShare?: number } = {},
): ProcessDefinition {
  const proposal = seedEra.steps.find((s) => s.id === 'proposal') as StepDefinition;
  const review = seedEra.steps.find((s) => s.id === 'district-review') as StepDefinition;
  const { effectiveFrom: _from, effectiveTo: _to, ...rest } = seedEra;
  return {
    ...rest,
    key: 'sla-test',
    version: 1,
    title: { vi: 'Quy trình thử thời hạn', en: 'SLA test process' },
    totalLimit: { amount: limits.totalHours ?? 1, unit: 'hours' },
    reminderShare: limits.reminderShare ?? 0.1,
    maxSupplementReturns: 1,
    escalationRole: 'unit_head',
    steps: [
      { ...proposal, timeLimit: { amount: limits.proposalHours ?? 1, unit: 'hours' } },
      {
        ...review,
        timeLimit: { amount: limits.reviewHours ?? REVIEW_HOURS, unit: 'hours' },
        transitions: [
          { action: 'approve', end: 'completed', requires: ['form'] },
          ...review.transitions.filter((t) => t.action !== 'approve'),
        ],
      },
    ],
  };
}
