import { Schema } from 'mongoose';

/** One step of one definition version: the `from` or `to` of a transition plan's definition mapping. */
export interface TransitionStepRef {
  processKey: string;
  processVersion: number;
  step: string;
}

/** The latest dry run or execution of a plan, as it goes (see api/transition/record-plan-run.ts). */
export interface TransitionPlanRun {
  /** The id of the report the run stores when it finishes; names the run in each of its writes. */
  reportId: string;
  kind: 'dry_run' | 'execute';
  state: 'running' | 'finished' | 'failed';
  /** Dossiers done out of `total` (the open dossiers the run found). */
  done: number;
  total: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** The display name of the administrator who ran it. */
  by: string;
}

/**
 * A transition plan (docs/transition-plans.md): how the open dossiers of a reform move to the new units and the new
 * definition versions. Written once when prepared (only its latest run's progress, `run`, changes afterwards); each
 * dry run and execution is its own TransitionReportDoc.
 */
export interface TransitionPlanDoc {
  _id: string;
  name: string;
  legalBasis: string;
  reformDate: string;
  /** Explicit old unit → new unit; a unit absent here follows its successor link. */
  unitMapping: { from: string; to: string }[];
  definitionMapping: { from: TransitionStepRef; to: TransitionStepRef }[];
  /** Dossiers that stay on their definition, finished by the named unit (at the level of their current step). */
  finishOnOld: { dossierId: string; unitCode: string }[];
  /** Definitions that take no new dossier after `lastDay`: one version, or (version null) every published one. */
  definitionsEnd: { processKey: string; processVersion: number | null; lastDay: string }[];
  /** Definition versions that take new dossiers from `firstDay` on. */
  definitionsStart: { processKey: string; processVersion: number; firstDay: string }[];
  /** Grants to end: every grant at `unitCode`, narrowed to a user and/or a role when given. */
  grantsEnd: { unitCode: string; username: string | null; role: string | null }[];
  /** Grants to start, each authorising from its `from` day. */
  grantsStart: { username: string; role: string; unitCode: string; from: string }[];
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  /** The latest dry run or execution as it goes; absent before the first. */
  run?: TransitionPlanRun | null;
}

export const transitionPlanSchema = new Schema<TransitionPlanDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    legalBasis: { type: String, required: true },
    reformDate: { type: String, required: true },
    unitMapping: { type: Schema.Types.Mixed, default: [] },
    definitionMapping: { type: Schema.Types.Mixed, default: [] },
    finishOnOld: { type: Schema.Types.Mixed, default: [] },
    definitionsEnd: { type: Schema.Types.Mixed, default: [] },
    definitionsStart: { type: Schema.Types.Mixed, default: [] },
    grantsEnd: { type: Schema.Types.Mixed, default: [] },
    grantsStart: { type: Schema.Types.Mixed, default: [] },
    createdBy: { type: String, required: true },
    createdByName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    run: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'transition_plans', versionKey: false },
);
