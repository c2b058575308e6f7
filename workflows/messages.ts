import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecideInput, DecideResult, DossierState } from '../domain/process/dossier-state';
import type { TransferInput, TransferResult } from '../domain/process/transition-transfer';

/**
 * The message contracts of the dossier workflow, defined once and imported by the workflow, the API and the
 * tests. Their payload types are in domain/process/dossier-state.ts (re-exported here).
 */
export type * from '../domain/process/dossier-state';
export type { TransferInput, TransferResult } from '../domain/process/transition-transfer';

export const DOSSIER_WORKFLOW_TYPE = 'dossierWorkflow';

/** Take an action on the dossier. The validator rejects it synchronously (ApplicationFailure, see FailureType). */
export const decide = defineUpdate<DecideResult, [DecideInput]>('decide');

/**
 * Moves an open dossier to another unit chain and/or the equivalent step of another definition version, as a
 * transition plan carries it out (docs/transition-plans.md); recorded as a `transfer` decision. Idempotent by
 * `transferId`. The validator refuses a dossier that cannot be moved (closed, returned for supplement, unknown step).
 */
export const transfer = defineUpdate<TransferResult, [TransferInput]>('transfer');

/**
 * Waits until the dossier is open for decisions (its first step set up) and the read model shows it, then answers
 * the state. Changes nothing; sent right after the start, so the creator's answer needs no polling.
 */
export const opened = defineUpdate<DossierState, []>('opened');

/** The whole current state; read-only. */
export const getState = defineQuery<DossierState>('getState');
