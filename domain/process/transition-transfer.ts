import type { ActorRef, DossierState } from './dossier-state';
import type { Level, ProcessDefinition, StepDefinition } from './process-definition';
import { FailureType } from './failure-types';
import { findStep } from './find-step';
import { refusal, type Refusal } from './refusal';

/**
 * The SLA rule of a transfer (docs/transition-plans.md), written once: the step the dossier is moved to starts its
 * clock on the transfer instant with its full time limit on the new unit's calendar (its reminder and escalation
 * counted afresh); the dossier's overall due time does not move. The time the dossier spent at the old step is
 * recorded in the transfer's history record (stepDueAt, onTime), so late handling before the reform stays visible.
 */
export const TRANSFER_CLOCK_RULE = 'restart-step-keep-overall' as const;

/**
 * Moves an open dossier to another unit chain and/or the equivalent step of another process definition version, as
 * a transition plan (docs/transition-plans.md) carries it out. `transferId` makes it idempotent: a dossier whose
 * history already holds it is left as it is, and the update answers its current place.
 */
export interface TransferInput {
  /** `<planId>:<dossierId>`, recorded in the history record; also used as the update id. */
  transferId: string;
  /** The administrator who carried out the plan. */
  actor: ActorRef;
  /** The plan's name and legal basis, recorded as the decision's comment. */
  reason: string;
  /** The definition the dossier continues on (the same key and version when only the units change). */
  definition: ProcessDefinition;
  /** The step of `definition` the dossier is moved to. */
  step: string;
  /** The dossier's new unit per level (its new chain). */
  units: Partial<Record<Level, string>>;
  /**
   * The receiving unit's successor, when the plan retires or maps the unit that received the dossier; absent (as in
   * transfers recorded before it existed): the receiving unit stays.
   */
  receivingUnit?: string;
}

export interface TransferResult {
  /** False when the dossier already carried this transfer (nothing was changed). */
  moved: boolean;
  seq: number;
  processKey: string;
  processVersion: number;
  currentStep: string | null;
  processingUnit: string | null;
  dueAt: string | null;
}

/** Whether the dossier's history already holds the transfer. */
export const hasTransfer = (state: DossierState, transferId: string): boolean =>
  state.history.some((r) => r.transfer?.transferId === transferId);

/**
 * Checks a transfer against the dossier as it is now, without side effects: the target step and its unit, and a
 * dossier that can be moved (open, in progress: a dossier returned for supplement waits for its applicant and is
 * reported by the plan instead; one that moves money stays on its definition, whose tranches it committed).
 */
export function planTransfer(state: DossierState, input: TransferInput): { ok: true; step: StepDefinition } | Refusal {
  const step = findStep(input.definition, input.step);
  if (!step) return refusal(FailureType.InvalidInput, `step '${input.step}' is not in the target definition`);
  if (state.currentStep === null) return refusal(FailureType.ActionNotAllowed, 'the dossier is closed');
  if (state.status !== 'in_progress' && state.status !== 'received') {
    return refusal(FailureType.ActionNotAllowed, `a dossier that is ${state.status} cannot be transferred`);
  }
  const sameDefinition = input.definition.key === state.processKey && input.definition.version === state.processVersion;
  if (state.money && !sameDefinition) {
    return refusal(FailureType.ActionNotAllowed, 'a dossier with committed money stays on its definition');
  }
  if (state.signOff && state.signOff.signatures.length > 0) {
    return refusal(FailureType.ActionNotAllowed, 'the current step has signatures in progress');
  }
  if (!input.units[step.level]) return refusal(FailureType.InvalidInput, `no unit for level ${step.level}`);
  return { ok: true, step };
}
