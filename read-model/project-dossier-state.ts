import type { Models } from '../storage/create-models';
import type { DossierViewDoc } from '../storage/dossier-view-schema';
import type { DossierState } from '../domain/process/dossier-state';
import type { ProcessDefinition } from '../domain/process/process-definition';
import { readPointer } from '../domain/process/read-pointer';
import { closedOnTime } from '../domain/sla/closed-on-time';
import { recordedTimeliness } from '../domain/sla/recorded-timeliness';
import { reminderAtOf } from '../domain/sla/reminder-at-of';
import { DEFAULT_REMINDER_SHARE } from '../domain/process/process-definition';
import { dossierSearchText } from './search/dossier-search-text';
import { openUnitsOf } from './sla/open-units-of';
import { mongoCountedViewStore } from './sla/counted-view-store';
import { writeCountedView, type WriteCountedViewResult } from './sla/write-counted-view';
import { openBucketOf } from './sla/open-bucket-of';
import { COUNTED_FIELDS } from './sla/sla-counter-contributions';
import { insertManyIgnoringDuplicates } from '../storage/insert-many-ignoring-duplicates';
import { signOffViewOf } from './sign-off-view-of';

const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const toDate = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/**
 * Writes the audit entries, the read-model document and its SLA counters for `state`. Stale or repeated events
 * change nothing: the document is replaced only if its seq is lower (and counter updates an interrupted earlier
 * write left pending are applied first, see writeCountedView). Personal data for the applicant summary is read
 * from the submissions the state references, never from the workflow. Returns what writeCountedView reports.
 */
export async function projectDossierState(
  models: Models,
  definition: ProcessDefinition,
  state: DossierState,
): Promise<WriteCountedViewResult> {
  // The records this document has not seen yet. Their audit entries and submissions are written before the document,
  // so a document at seq N means both exist for every record up to N, even if this projection is killed right after
  // writing it; a retry (or the next projection) writes what is missing, and duplicates are ignored.
  const before = await models.DossierView.findById(state.dossierId, {
    ...COUNTED_FIELDS,
    seq: 1,
    slaPending: 1,
    applicant: 1,
  }).lean();
  const fresh = state.history.filter((h) => h.seq > (before?.seq ?? 0));
  if (fresh.length > 0) {
    const recordedAt = new Date();
    await insertManyIgnoringDuplicates(
      models.AuditEntry.collection,
      fresh.map((h) => ({
        _id: `${state.dossierId}#${h.seq}`,
        dossierId: state.dossierId,
        processKey: state.processKey,
        processVersion: state.processVersion,
        recordedAt,
        ...h,
      })),
    );
  }
  const attached = fresh.flatMap((h) => (h.submission ? [h.submission.id] : []));
  if (attached.length > 0) {
    await models.Submission.updateMany({ _id: { $in: attached }, state: 'pending' }, { $set: { state: 'attached' } });
  }
  // The summary changes only with a new submission of a step that names summary fields (a record's submission is
  // for the step it decides, or, for the creation, the first step).
  const summarySteps = new Set(definition.steps.filter((step) => step.summary).map((step) => step.id));
  const summaryChanged = fresh.some((h) => h.submission && summarySteps.has(h.fromStep ?? h.toStep ?? ''));
  const applicant =
    before?.applicant && !summaryChanged ? before.applicant : await applicantSummary(models, definition, state);
  const view: Omit<DossierViewDoc, '_id'> = {
    processKey: state.processKey,
    processVersion: state.processVersion,
    programme: definition.programme,
    status: state.status,
    outcome: state.outcome,
    currentStep: state.currentStep,
    currentLevel: state.currentLevel,
    currentRole: state.currentRole,
    processingUnit: state.processingUnit,
    receivingUnit: state.receivingUnit,
    unitChain: Object.values(state.units).filter((u): u is string => typeof u === 'string'),
    units: state.units,
    ...openUnitsOf(state.currentStep !== null, state.units),
    stepStartedAt: toDate(state.stepStartedAt),
    dueAt: toDate(state.dueAt),
    nearDueAt: nearDueAtOf(state),
    timeliness: recordedTimeliness(state),
    overallDueAt: toDate(state.clock?.overallDueAt ?? null),
    clockPausedAt: toDate(state.clock?.paused?.at ?? null),
    extendedAt: toDate(state.clock?.extension?.at ?? null),
    openedAt: new Date(state.openedAt),
    closedAt: toDate(state.closedAt),
    closedOnTime: closedOnTime(state),
    facts: state.facts,
    amounts: {
      requested: asNumber(state.facts.requestedAmount),
      approved: asNumber(state.facts.approvedAmount),
      // A process that moves money pays through its ledgers: what the dossier's funds paid.
      disbursed: state.money
        ? state.money.funds.reduce((total, f) => total + f.paid, 0)
        : asNumber(state.facts.disbursedAmount),
    },
    applicant,
    searchText: dossierSearchText(state.dossierId, applicant),
    openBucket: null,
    lastDecisionAt: new Date(state.history[state.history.length - 1]?.at ?? state.openedAt),
    seq: state.seq,
    ...signOffViewOf(definition, state),
  };

  view.openBucket = openBucketOf(view, new Date());

  // A closed dossier's overlap-index entries learn its outcome (a refused or withdrawn dossier overlaps nothing); the
  // filter makes a repeated projection a no-op.
  if (state.closedAt) {
    await models.OverlapKey.updateMany(
      { dossierId: state.dossierId, closedAt: null },
      { $set: { closedAt: new Date(state.closedAt), outcome: state.outcome } },
    );
  }
  // The SLA counters move with the document, recoverably (see writeCountedView).
  const written = await writeCountedView(mongoCountedViewStore(models), state.dossierId, view, undefined, before);

  return written;
}

/** The reminder time the workflow keeps; for a run without a clock, the default share of the step's time. */
export function nearDueAtOf(state: DossierState): Date | null {
  if (!state.dueAt) return null;
  if (state.clock?.reminderAt) return toDate(state.clock.reminderAt);
  const at = reminderAtOf(state.stepStartedAt, state.dueAt, DEFAULT_REMINDER_SHARE);
  return at === null ? null : new Date(at);
}

/** The fields each step's definition names in `summary`, read from that step's latest submission. */
export async function applicantSummary(
  models: Models,
  definition: ProcessDefinition,
  state: DossierState,
): Promise<DossierViewDoc['applicant']> {
  const summary: DossierViewDoc['applicant'] = {};
  for (const step of definition.steps) {
    const ref = state.submissions[step.id];
    if (!step.summary || !ref) continue;
    const submission = await models.Submission.findById(ref.id, { data: 1 }).lean();
    if (!submission) continue;
    for (const [name, pointer] of Object.entries(step.summary)) {
      const value = readPointer(submission.data, pointer);
      summary[name] =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    }
  }
  return summary;
}
