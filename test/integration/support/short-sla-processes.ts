import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinition, StepDefinition } from '../../../domain/process/process-definition';
import type { ProcessRegistry } from '../../../api/registry/create-process-registry';
import type { Models } from '../../../storage/create-models';

const housing = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', '..', 'domain', 'process', 'definitions', 'housing-support-2024@2.json'),
    'utf8',
  ),
) as ProcessDefinition;

/**
 * Test-only copies of housing-support-2024@2 (the same steps, forms, roles and programme) whose first two steps are
 * short in plain hours, so the workflow's own timers fire within a test:
 * - `sla-late`: the proposal and the district review last 0.001 h (3.6 s) each: a dossier left there is escalated
 *   (overdue) a few seconds later;
 * - `sla-near`: both last one hour with the reminder at 0.1 % of it (3.6 s): a dossier there is reminded (near due)
 *   a few seconds later and stays so for the rest of the test.
 * Dossiers meant to stay within their time use housing-support-2024 itself.
 *
 * The SLA views tests use these on the harness's dev server rather than Temporal's time-skipping test server: the
 * API judges each listed dossier's timeliness on its own (real) clock, which a skipped server clock would leave
 * behind, so the views would show badges from another time than their counts.
 */
export const LATE_PROCESS = 'sla-late';
export const NEAR_PROCESS = 'sla-near';

function shortened(key: string, hours: number, reminderShare: number, title: string): ProcessDefinition {
  const { effectiveFrom: _from, effectiveTo: _to, ...rest } = housing;
  const short = (s: StepDefinition): StepDefinition =>
    s.id === 'proposal' || s.id === 'district-review' ? { ...s, timeLimit: { amount: hours, unit: 'hours' } } : s;
  return {
    ...rest,
    key,
    version: 1,
    title: { vi: title, en: title },
    reminderShare,
    steps: housing.steps.map(short),
  };
}

/** Publishes `sla-late` and `sla-near` in a test system's registry. */
export async function publishShortSlaProcesses(processes: ProcessRegistry): Promise<void> {
  await processes.publish(shortened(LATE_PROCESS, 0.001, 0.5, 'Thử: quá hạn sau vài giây'), 'test');
  await processes.publish(shortened(NEAR_PROCESS, 1, 0.001, 'Thử: tới hạn sau vài giây'), 'test');
}

/**
 * Waits until the workflow's timer has recorded `timeliness` for the dossier and the projection has written it to
 * the read model (its open bucket, which the SLA counters and lists use), polling every 200 ms, at most `limitMs`.
 */
export async function untilRecorded(
  models: Models,
  dossierId: string,
  timeliness: 'near_due' | 'overdue',
  limitMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const view = await models.DossierView.findById(dossierId, { timeliness: 1, openBucket: 1 }).lean();
    if (view?.timeliness === timeliness && view.openBucket === timeliness) return;
    if (Date.now() > deadline) throw new Error(`${dossierId} was not recorded ${timeliness} within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
