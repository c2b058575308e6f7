import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { ProcessDefinition, LocalizedText } from '../../domain/process/process-definition';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { CITIZEN_TIMELINESS_TEXT, type CitizenTimeliness } from '../../domain/sla/citizen-timeliness';
import type { CitizenStatus } from '../../api-contract';

const OUTCOME_TEXT: Record<string, LocalizedText> = {
  completed: { vi: 'Đã giải quyết xong', en: 'Completed' },
  rejected: { vi: 'Không được chấp thuận', en: 'Not approved' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
};

const RETURNED: LocalizedText = {
  vi: 'Trả lại để bổ sung giấy tờ, thông tin',
  en: 'Returned for more documents or information',
};
const RECEIVED: LocalizedText = { vi: 'Đã tiếp nhận, chờ xử lý', en: 'Received, awaiting processing' };

/** What a citizen's status is made of: the read model's document, or the same fields from the workflow's state. */
export type CitizenStatusSource = Pick<
  DossierViewDoc,
  | '_id'
  | 'processKey'
  | 'processVersion'
  | 'status'
  | 'outcome'
  | 'currentStep'
  | 'processingUnit'
  | 'dueAt'
  | 'overallDueAt'
  | 'timeliness'
  | 'openBucket'
  | 'clockPausedAt'
  | 'openedAt'
  | 'closedAt'
  | 'closedOnTime'
>;

function timelinessOf(view: CitizenStatusSource, dueAt: Date | null): CitizenTimeliness | null {
  if (view.closedAt) {
    if (!dueAt) return null;
    if (view.closedOnTime === false || view.closedAt.getTime() > dueAt.getTime()) return 'late';
    return vietnamDate(view.closedAt) < vietnamDate(dueAt) ? 'early' : 'on_time';
  }
  if (view.status === 'awaiting_supplement' || view.clockPausedAt) return 'paused';
  if (view.openBucket === 'stopped') return 'paused';
  if (view.openBucket === 'overdue' || view.timeliness === 'overdue') return 'overdue';
  if (view.openBucket === 'near_due' || view.timeliness === 'near_due') return 'near_due';
  return dueAt ? 'not_due' : null;
}

/**
 * The minimal status a citizen may see of a dossier: its current stage in words (the step's title from the
 * definition, or the outcome once closed), the unit processing it, received and due dates, timeliness and outcome.
 * Nothing from the forms (no names, no citizen ids) and no officer: only what the receipt already told the citizen,
 * plus where the dossier is now.
 */
export function describeCitizenStatus(
  view: CitizenStatusSource,
  definition: ProcessDefinition,
  processingUnitName: string | null,
): CitizenStatus {
  const closed = view.closedAt !== null || view.outcome !== null;
  const step = view.currentStep ? definition.steps.find((s) => s.id === view.currentStep) : undefined;
  const stage = closed
    ? (OUTCOME_TEXT[view.outcome ?? view.status] ?? OUTCOME_TEXT.completed!)
    : view.status === 'awaiting_supplement'
      ? RETURNED
      : (step?.title ?? RECEIVED);
  const dueAt = view.overallDueAt ?? view.dueAt;
  const timeliness = timelinessOf(view, dueAt);
  return {
    code: view._id,
    process: definition.title,
    stage,
    processingUnit: closed ? null : processingUnitName,
    receivedAt: view.openedAt.toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    timeliness,
    timelinessText: timeliness ? CITIZEN_TIMELINESS_TEXT[timeliness] : null,
    outcome: closed ? (view.outcome ?? null) : null,
    closedAt: view.closedAt?.toISOString() ?? null,
  };
}
