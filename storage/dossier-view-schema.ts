import { Schema } from 'mongoose';
import type { DossierStatus, SignOffProgress } from '../domain/process/dossier-state';
import type { FactValue, Level, Outcome } from '../domain/process/process-definition';
import type { PendingSlaDelta } from './pending-sla-delta';
import type { OpenTimeliness, Timeliness } from '../domain/sla/timeliness';

/**
 * The dossier read model, for lists, inboxes and dashboards. Written only by the projection activity from
 * workflow state (plus the referenced submissions for the applicant summary); it can be rebuilt from Temporal.
 * `seq` guards against stale events: an update with a seq not above the stored one is ignored.
 */
export interface DossierViewDoc {
  _id: string; // the dossier id (= its code)
  processKey: string;
  processVersion: number;
  programme: string;
  status: DossierStatus;
  outcome: Outcome | null;
  currentStep: string | null;
  currentLevel: Level | null;
  currentRole: string | null;
  processingUnit: string | null;
  receivingUnit: string;
  /** The receiving unit and its ancestors, for unit listings ("everything under Hà Đông"). */
  unitChain: string[];
  /**
   * The dossier's unit per level, fixed at creation (as in the workflow's state). The API checks who may act
   * against it without asking Temporal; absent in documents projected before it existed (the API then asks).
   */
  units?: Partial<Record<Level, string>>;
  /**
   * While the dossier is open (it has a current step): its province, district and commune (null where it has none),
   * else null. Scalar fields, unlike unitChain, so that "what is open under this unit" is an index lookup on any
   * MongoDB-wire database, including the embedded one (see scripts/servers/ferretdb/pushdown.go).
   */
  openProvince?: string | null;
  openDistrict?: string | null;
  openCommune?: string | null;
  stepStartedAt: Date | null;
  dueAt: Date | null;
  /**
   * When the current step becomes near due (its reminder time: the definition's reminder share of its time used),
   * so timeliness is a range query.
   */
  nearDueAt: Date | null;
  /**
   * Timeliness as the workflow's own timers last recorded it: `near_due` once the reminder fired, `overdue` once
   * the step's escalation fired, `on_time`/`late` when closed; null while the clock is stopped for supplement (or
   * for a dossier whose run keeps no clock). It moves without anyone acting; queries may also compute it from
   * `nearDueAt`/`dueAt`, which is never behind it.
   */
  timeliness: Timeliness | null;
  /**
   * For an open dossier, where it stands (see OpenTimeliness): from `timeliness` as the workflow's timers record it
   * (so it moves as time passes, at the reminder and the escalation), `stopped` while the clock is stopped or
   * without a due time, and from the due times at projection for a run that keeps no clock. Null once closed.
   * Lists filter by it and the SLA counters count by it, so a list always matches its count.
   */
  openBucket?: OpenTimeliness | null;
  /** The dossier's overall due time (procedure's total limit, or the extension's new date); null without one. */
  overallDueAt: Date | null;
  /** Set while the clock is stopped (returned for supplement). */
  clockPausedAt: Date | null;
  /** When an apology and extension was issued (once per dossier). */
  extendedAt: Date | null;
  openedAt: Date;
  closedAt: Date | null;
  /** For a closed dossier: whether its last step was finished by its due time (đúng hạn) or not (trễ hạn). */
  closedOnTime: boolean | null;
  facts: Record<string, FactValue>;
  amounts: { requested: number | null; approved: number | null; disbursed: number | null };
  applicant: Record<string, string | number | boolean | null>;
  /**
   * The dossier code and the household head's name without diacritics, lower case (see normalizeSearchText), for
   * the inbox's text search. Documents projected before it existed get it from backfillSearchText (run by
   * scripts/seed.ts at start) or from their next event.
   */
  searchText?: string;
  lastDecisionAt: Date;
  seq: number;
  /**
   * The SLA counter updates this document's last write still owes (see writeCountedView): set in the same update
   * as the document, cleared once the counters took them; null or absent when it owes nothing.
   */
  slaPending?: PendingSlaDelta | null;
  /**
   * At a sign-off step: its signatures so far, and the signers (`role@unitCode`) still awaited and already signed,
   * which the inbox matches (read-model/sign-off-view-of.ts). Null and empty elsewhere; absent in documents
   * projected before sign-off existed.
   */
  signOff?: SignOffProgress | null;
  signersAwaited?: string[];
  signersSigned?: string[];
}

export const dossierViewSchema = new Schema<DossierViewDoc>(
  {
    _id: { type: String, required: true },
    processKey: { type: String, required: true },
    processVersion: { type: Number, required: true },
    programme: { type: String, required: true },
    status: { type: String, required: true },
    outcome: { type: String, default: null },
    currentStep: { type: String, default: null },
    currentLevel: { type: String, default: null },
    currentRole: { type: String, default: null },
    processingUnit: { type: String, default: null },
    receivingUnit: { type: String, required: true },
    unitChain: [String],
    units: { type: Schema.Types.Mixed },
    openProvince: { type: String, default: null },
    openDistrict: { type: String, default: null },
    openCommune: { type: String, default: null },
    stepStartedAt: { type: Date, default: null },
    dueAt: { type: Date, default: null },
    nearDueAt: { type: Date, default: null },
    timeliness: { type: String, default: null },
    openBucket: { type: String, default: null },
    overallDueAt: { type: Date, default: null },
    clockPausedAt: { type: Date, default: null },
    extendedAt: { type: Date, default: null },
    openedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    closedOnTime: { type: Boolean, default: null },
    facts: { type: Schema.Types.Mixed, default: {} },
    amounts: { requested: Number, approved: Number, disbursed: Number },
    applicant: { type: Schema.Types.Mixed, default: {} },
    searchText: { type: String },
    lastDecisionAt: { type: Date, required: true },
    seq: { type: Number, required: true },
    slaPending: { type: Schema.Types.Mixed, default: null },
    signOff: { type: Schema.Types.Mixed, default: null },
    signersAwaited: [String],
    signersSigned: [String],
  },
  { collection: 'dossiers', versionKey: false, minimize: false },
);
// The inbox: what waits for a role in a unit, soonest due first.
dossierViewSchema.index({ processingUnit: 1, currentRole: 1, dueAt: 1 });
// Unit listings and dashboards: everything under a unit, by state and due time.
dossierViewSchema.index({ unitChain: 1, status: 1, dueAt: 1 });
dossierViewSchema.index({ receivingUnit: 1, openedAt: -1 });
// Open dossiers under a unit (SLA pending list and summary), by due time.
dossierViewSchema.index({ openProvince: 1, dueAt: 1 });
dossierViewSchema.index({ openDistrict: 1, dueAt: 1 });
dossierViewSchema.index({ openCommune: 1, dueAt: 1 });
// SLA: finished dossiers of a unit's subtree over a period.
dossierViewSchema.index({ unitChain: 1, closedAt: -1 });
// The inbox of a sign-off step's signers (other than the step's own role).
dossierViewSchema.index({ signersAwaited: 1 });
