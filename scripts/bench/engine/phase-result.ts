/** Which system a phase drives: the engine over HTTP, or the raw Temporal ceiling. */
export type System = 'engine' | 'raw';
export type Kind = 'create' | 'submit' | 'decision';
export interface Sample {
  kind: Kind;
  ms: number;
}

/** What one timed phase measured. */
export interface PhaseResult {
  system: System;
  wallMs: number;
  samples: Sample[];
  /** CPU ms used during the phase, per process name. */
  cpuMs: Record<string, number>;
  /** gRPC calls the API made during the phase (engine only), by method. */
  grpc?: Record<string, number>;
}

/** One dossier's actions, run one after another by a client. */
export interface Dossier {
  /** The Temporal workflow id, known once the first action has run. */
  workflowId(): string;
  actions: { kind: Kind; run(): Promise<void> }[];
}

/** Five actions per dossier on both systems: create, submit and three decisions. */
export const ACTIONS_PER_DOSSIER = 5;
