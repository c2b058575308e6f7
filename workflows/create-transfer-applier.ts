import { log } from '@temporalio/workflow';
import { slaSettingsOf, type ProcessDefinition } from '../domain/process/process-definition';
import { signOffAfter } from '../domain/process/apply-signature';
import { planTransfer } from '../domain/process/transition-transfer';
import { handoffTimeliness } from '../domain/sla/sla-clock';
import type { CutoffOption, StepClock } from './create-step-clock';
import type { DecisionRecord, DossierState, TransferInput } from './messages';
import { nowIso } from './now-iso';
import { publishDossier } from './publish-dossier';
import { refusalFailure } from './refusal-failure';

/** What a run interprets: its definition, with the cut-off and SLA settings derived from it. */
export interface RunDefinition {
  definition: ProcessDefinition;
  cutoff: CutoffOption;
  settings: ReturnType<typeof slaSettingsOf>;
}

/**
 * Applies a transition plan's transfer for a run whose definition the context gives (`run`) and replaces
 * (`switchTo`): the workflow keeps its definition in its own variables, which the transfer changes.
 */
export function createTransferApplier(ctx: {
  sla: boolean;
  stepClock: StepClock;
  run(): RunDefinition;
  switchTo(run: RunDefinition): void;
}) {
  const { sla, stepClock } = ctx;
  /**
   * Applies a transfer (TRANSFER_CLOCK_RULE): the target step is entered on the transfer instant on the new chain,
   * with its full time limit on the new unit's calendar; the overall due time is kept. The definition is switched
   * only once every activity has answered, so a refused transfer (InvalidInput from the calendar) changes nothing.
   */
  return async function applyTransfer(s: DossierState, move: TransferInput): Promise<DossierState> {
    const planned = planTransfer(s, move);
    if (!planned.ok) throw refusalFailure(planned);
    const { step } = planned;
    const target = move.definition;
    const previous = ctx.run();
    const at = nowIso();
    const seq = s.seq + 1;
    const moving: DossierState = {
      ...s,
      units: move.units,
      processKey: target.key,
      processVersion: target.version,
      receivingUnit: move.receivingUnit ?? s.receivingUnit,
    };
    ctx.switchTo({
      definition: target,
      cutoff: target.cutoff ? { cutoff: target.cutoff } : {},
      settings: slaSettingsOf(target),
    });
    let entered: Partial<DossierState>;
    try {
      entered = await stepClock.enterStep(moving, step, at, seq, 'refuse');
    } catch (error) {
      ctx.switchTo(previous);
      throw error;
    }
    const unitCode = move.units[step.level] ?? '';
    const record: DecisionRecord = {
      seq,
      action: 'transfer',
      fromStep: s.currentStep,
      toStep: step.id,
      actor: move.actor,
      at,
      comment: move.reason,
      stepDueAt: s.dueAt,
      onTime: s.dueAt === null ? true : at <= s.dueAt,
      ...(sla ? { to: { role: step.role, unitCode }, stepTimeliness: handoffTimeliness(at, s.dueAt) } : {}),
      transfer: {
        transferId: move.transferId,
        from: {
          processKey: s.processKey,
          processVersion: s.processVersion,
          step: s.currentStep,
          unitCode: s.processingUnit,
        },
        to: { processKey: target.key, processVersion: target.version, step: step.id, unitCode },
      },
    };
    const next: DossierState = {
      ...moving,
      ...entered,
      ...(s.signOff !== undefined ? { signOff: null } : {}),
      ...signOffAfter(target, step),
      history: [...s.history, record],
      seq,
    };
    publishDossier(next);
    log.info('dossier transferred', { dossierId: s.dossierId, from: s.currentStep, to: step.id, unit: unitCode });
    return next;
  };
}
