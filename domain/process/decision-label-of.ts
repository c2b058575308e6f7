import type { DecisionRecord } from './dossier-state';
import { findStep } from './find-step';
import type { LocalizedText, ProcessDefinition, Transition } from './process-definition';

/**
 * What a recorded event is called where it has no transition label of its own: the dossier's receipt, a hand-off
 * whose transition is unlabelled, the clock's actions and the workflow's timers.
 */
const ACTION_RESULTS: Record<string, LocalizedText> = {
  create: { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  submit: { vi: 'Chuyển xử lý', en: 'Submitted' },
  approve: { vi: 'Đồng ý', en: 'Approved' },
  return: { vi: 'Trả lại để bổ sung', en: 'Returned for supplement' },
  reject: { vi: 'Từ chối', en: 'Rejected' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  extend: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new due date' },
  recompute_deadline: { vi: 'Tính lại hạn xử lý', en: 'Deadline recomputed' },
  remind: { vi: 'Nhắc hạn', en: 'Reminder' },
  escalate: { vi: 'Quá hạn, báo cáo cấp trên', en: 'Overdue, escalated' },
  transfer: { vi: 'Chuyển theo phương án sắp xếp đơn vị', en: 'Moved by the reform transition plan' },
};

/**
 * The transition a recorded decision took: of its step's transitions for the action, the one that leads where the
 * dossier went (its next step, or the outcome it closed with), else the first for the action.
 */
export function transitionTaken(
  definition: ProcessDefinition,
  record: Pick<DecisionRecord, 'fromStep' | 'action' | 'toStep' | 'outcome'>,
): Transition | undefined {
  if (!record.fromStep) return undefined;
  const candidates = findStep(definition, record.fromStep)?.transitions.filter((t) => t.action === record.action) ?? [];
  return (
    candidates.find((t) =>
      record.toStep ? t.to === record.toStep : t.end !== undefined && t.end === record.outcome,
    ) ?? candidates[0]
  );
}

/**
 * What a decision is called everywhere it is shown (the timeline, the control slip and its PDF): its transition's
 * own label ("Đồng ý, trình tỉnh", "Xác nhận đã chi trả"), else the action's name. One rule, so the slip and the
 * timeline never call one step two things.
 */
export function decisionLabelOf(
  definition: ProcessDefinition,
  record: Pick<DecisionRecord, 'fromStep' | 'action' | 'toStep' | 'outcome'>,
): LocalizedText {
  return (
    transitionTaken(definition, record)?.label ??
    ACTION_RESULTS[record.action] ?? { vi: record.action, en: record.action }
  );
}
